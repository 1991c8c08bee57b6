import Foundation

/// swift-argument-parser's own messages (an unknown flag, a missing value, a value not among the choices,
/// the usage line) in the user's language: the parser writes them in English, this reads them back by
/// their fixed forms and says them from the catalogues. A form it does not know stays as written, and the
/// flags' help texts stay English.
public enum UsageMessage {
    /// - Parameter arguments: the command line, to say what a word left over after a number is likely to be.
    public static func localized(_ text: String, _ language: Language, arguments: [String] = []) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line($0, language, arguments) }.joined(separator: "\n")
    }

    /// A word left over right after a flag's number (`--land 7 công`): likely the number's unit, typed apart —
    /// a money or area unit the parser knows, or a short word (the rule set's regional units, `sào`, `mẫu`, are
    /// not loaded when the command line is read).
    private static func unitHint(_ word: String, _ arguments: [String], _ language: Language) -> String {
        let unit = word.lowercased()
        let likely = QuantityParser.moneyUnits[unit] != nil || QuantityParser.areaUnits(congM2: 1, others: []).keys.contains(unit)
            || (word.count <= 4 && word.allSatisfy(\.isLetter))
        guard likely, let i = arguments.firstIndex(of: word), i >= 2, arguments[i - 2].hasPrefix("--"),
              arguments[i - 1].first?.isNumber == true, arguments[i - 1].allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) else { return "" }
        let (flag, number) = (arguments[i - 2], arguments[i - 1])
        return Catalogue.format(.argQuoteUnit, language, word, flag, flag, number, word, flag, number, word)
    }

    private static func line(_ raw: Substring, _ language: Language, _ arguments: [String]) -> String {
        let line = String(raw)
        let say = { (key: Catalogue.Key, arguments: [String]) in Catalogue.format(key, language, arguments: arguments) }
        if let m = line.wholeMatch(of: /Error: Unknown option '(.+?)'\.?(?: Did you mean '(.+)'\?)?/) {
            return say(.argError, [say(.argUnknownOption, [String(m.1)]) + (m.2.map { say(.qDidYouMean, [String($0)]) } ?? "")])
        }
        if let m = line.wholeMatch(of: /Error: Missing value for '(.+)'/) { return say(.argError, [say(.argMissingValue, [String(m.1)])]) }
        if let m = line.wholeMatch(of: /Error: Missing expected argument '(.+)'/) { return say(.argError, [say(.argMissingArgument, [String(m.1)])]) }
        if let m = line.wholeMatch(of: /Error: Unexpected argument '(.+)'/) {
            return say(.argError, [say(.argUnexpected, [String(m.1)]) + unitHint(String(m.1), arguments, language)])
        }
        if let m = line.wholeMatch(of: /Error: The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:/) {
            return say(.argError, [say(.argInvalidValueList, [String(m.1), String(m.2)])])
        }
        if let m = line.wholeMatch(of: /Error: The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./) {
            let choices = m.3.replacingOccurrences(of: " or ", with: Catalogue.text(.argOr, language))
                .replacingOccurrences(of: " and ", with: Catalogue.text(.argOr, language))
            return say(.argError, [say(.argInvalidValue, [String(m.1), String(m.2), choices])])
        }
        if let m = line.wholeMatch(of: /Error: (.*)/) { return say(.argError, [String(m.1)]) }
        if let m = line.wholeMatch(of: /Usage: (.*)/) { return say(.argUsage, [String(m.1)]) }
        if let m = line.wholeMatch(of: /(\s*)See '(.+) --help' for more information\./) { return String(m.1) + say(.argSeeHelp, [String(m.2)]) }
        if let m = line.wholeMatch(of: /Help: (.*)/) { return say(.argHelp, [String(m.1)]) }
        return line
    }

    /// The command line with a negative number after a number flag joined to it (`--land -5` → `--land=-5`),
    /// so that the value is read and named as negative instead of being taken for a flag ("missing value").
    public static func joiningNegativeNumbers(_ arguments: [String], flags: Set<String>) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if flags.contains(argument), i + 1 < arguments.count, QuantityParser.isNegative(arguments[i + 1]) {
                out.append(argument + "=" + arguments[i + 1])
                i += 2
            } else {
                out.append(argument)
                i += 1
            }
        }
        return out
    }

    /// `--lang`, read before the command line is parsed (so that a wrong flag beside `--lang en` is answered
    /// in English); nil when it is not given.
    public static func language(of arguments: [String]) -> Language? {
        for (i, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let l = Language(rawValue: String(argument.dropFirst(7))) { return l }
            if argument == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
        }
        return nil
    }
}
