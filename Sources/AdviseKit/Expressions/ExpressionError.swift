/// A problem in a rule expression, at a column offset inside its text.
public struct ExpressionError: Error, Equatable, Sendable {
    /// What is wrong, in each language.
    public var text: LocalizedText
    /// Offset in Unicode scalars from the start of the expression.
    public var offset: Int
    /// The stable diagnostic code: `expr.syntax`, `expr.unknown-name` or `expr.type`.
    public var code: String

    /// What is wrong, in English (for tests and logs).
    public var message: String { text.en }

    /// A problem worded by a catalogue phrase whose `%@` placeholders take `arguments`, each in the same language.
    init(_ key: Catalogue.Key, _ arguments: LocalizedText..., offset: Int, code: String = "expr.syntax") {
        self.init(key, arguments: arguments, offset: offset, code: code)
    }

    /// A problem worded by a catalogue phrase, its arguments given as an array.
    init(_ key: Catalogue.Key, arguments: [LocalizedText], offset: Int, code: String) {
        self.text = LocalizedText { language in Catalogue.format(key, language, arguments: arguments.map { $0(language) }) }
        self.offset = offset
        self.code = code
    }

    /// The same problem followed by "did you mean …?" when a near name is known.
    func suggesting(_ suggestion: String?) -> ExpressionError {
        var copy = self
        copy.text = Catalogue.suggesting(text, suggestion)
        return copy
    }
}
