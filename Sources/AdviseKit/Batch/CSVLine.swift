import Foundation

/// Splits one CSV record into fields: a delimiter (a comma, or the semicolon or tab of a spreadsheet in a
/// Vietnamese locale) separates, double quotes enclose fields that hold it, quotes (`""` is a quote) or line
/// breaks (RFC 4180; ``RecordStream`` keeps such a record whole).
public enum CSVLine {
    /// The delimiter a header line uses: a comma, else a semicolon or a tab when the line has one and no comma.
    public static func delimiter(ofHeader line: Substring) -> UInt8 {
        let utf8 = line.utf8
        if utf8.contains(UInt8(ascii: ",")) { return UInt8(ascii: ",") }
        if utf8.contains(UInt8(ascii: ";")) { return UInt8(ascii: ";") }
        if utf8.contains(9) { return 9 }
        return UInt8(ascii: ",")
    }

    /// The fields, or a problem.
    public static func fields(_ line: Substring, delimiter: UInt8 = UInt8(ascii: ",")) -> Result<[Substring], CSVProblem> {
        let separator = Character(Unicode.Scalar(delimiter))
        var fields: [Substring] = []
        var start = line.startIndex
        var i = line.startIndex
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            let utf8 = line.utf8
            var start = utf8.startIndex
            var j = start
            fields.reserveCapacity(12)
            while j < utf8.endIndex {
                if utf8[j] == delimiter {
                    fields.append(line[start..<j])
                    start = utf8.index(after: j)
                }
                j = utf8.index(after: j)
            }
            fields.append(line[start..<utf8.endIndex])
            return .success(fields)
        }
        while i <= line.endIndex {
            if i < line.endIndex, line[i] == "\"" {
                var text = ""
                var j = line.index(after: i)
                while true {
                    guard j < line.endIndex else { return .failure(CSVProblem(.csvUnclosed)) }
                    if line[j] == "\"" {
                        let next = line.index(after: j)
                        if next < line.endIndex, line[next] == "\"" {
                            text.append("\"")
                            j = line.index(after: next)
                            continue
                        }
                        j = next
                        break
                    }
                    text.append(line[j])
                    j = line.index(after: j)
                }
                guard j == line.endIndex || line[j] == separator else { return .failure(CSVProblem(.csvAfterQuote)) }
                fields.append(Substring(text))
                if j == line.endIndex { return .success(fields) }
                i = line.index(after: j)
                start = i
                if i == line.endIndex {
                    fields.append("")
                    return .success(fields)
                }
                continue
            }
            if i == line.endIndex || line[i] == separator {
                fields.append(line[start..<i])
                if i == line.endIndex { break }
                i = line.index(after: i)
                start = i
                if i == line.endIndex {
                    fields.append("")
                    break
                }
                continue
            }
            i = line.index(after: i)
        }
        return .success(fields)
    }

    /// True when a spreadsheet would read the field as a formula: it starts with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return (an id like `=HYPERLINK(…)` written raw runs when an officer opens the file).
    public static func looksLikeFormula(_ field: String) -> Bool { startsFormula(field.utf8.first) }

    /// Whether a field whose first byte is `first` looks like a formula (``looksLikeFormula(_:)``).
    static func startsFormula(_ first: UInt8?) -> Bool {
        guard let first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 9 || first == 13
    }

    /// A field written for CSV: quoted when it holds a comma, a quote or a line break; a field a spreadsheet
    /// would run as a formula is written as text (a leading `'`, quoted), as OWASP advises.
    public static func escape(_ field: String) -> String {
        looksLikeFormula(field) ? quoted("'" + field, always: true) : quoted(field)
    }

    /// A field quoted as RFC 4180 asks when it holds a comma, a quote or a line break (or `always`).
    public static func quoted(_ field: String, always: Bool = false) -> String {
        guard always || field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Why a CSV record cannot be split, in each language.
public struct CSVProblem: Error, Equatable, Sendable {
    public var text: LocalizedText
    /// In English.
    public var message: String { text.en }

    init(_ key: Catalogue.Key) { text = LocalizedText { Catalogue.text(key, $0) } }
}
