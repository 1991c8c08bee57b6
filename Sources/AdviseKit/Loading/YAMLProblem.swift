/// libyaml's problems (fixed English phrases: "did not find expected key", …) said in the user's words. The
/// YAML library's own text never reaches a message: a problem it names that is not known here is said as a
/// malformed document at its position, and the English message keeps libyaml's words after it for an engineer.
enum YAMLProblem {
    /// The problem at a position (the character there, when known), with the line its enclosing structure opened on when libyaml gives one.
    static func text(_ problem: String, at character: Unicode.Scalar? = nil, openedOn line: Int?) -> LocalizedText {
        let key = character == "\t" ? .yamlProblemTab : key(problem)
        return LocalizedText { language in
            var text = key.map { Catalogue.text($0, language) } ?? Catalogue.text(.yamlProblemOther, language)
            if let line { text += Catalogue.format(.yamlOpenedOn, language, String(line)) }
            if key == nil, language == .en { text += " (libyaml: \(problem))" }
            return Catalogue.format(.yamlSyntax, language, text)
        }
    }

    /// A reader problem: bytes that are not UTF-8 text, or control characters.
    static let notText = LocalizedText { Catalogue.format(.yamlEncoding, $0, Catalogue.text(.yamlProblemNotText, $0)) }

    private static func key(_ problem: String) -> Catalogue.Key? {
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator", "block sequence entries are not allowed in this context",
             "block mapping entries are not allowed in this context":
            return .yamlProblemIndentation
        case "did not find expected ',' or '}'": return .yamlProblemFlowMapping
        case "did not find expected ',' or ']'": return .yamlProblemFlowSequence
        case "did not find expected node content", "did not find expected <document start>": return .yamlProblemNoValue
        case "mapping values are not allowed in this context", "could not find expected ':'": return .yamlProblemColon
        case "found character that cannot start any token": return .yamlProblemStart
        case "found unexpected end of stream": return .yamlProblemEnd
        case "found unknown escape character", "did not find expected hexdecimal number", "found invalid Unicode character escape code":
            return .yamlProblemEscape
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return .yamlProblemTab
        case "found unexpected document indicator": return .yamlProblemDocument
        default: return nil
        }
    }
}
