import Foundation

/// Reads a household from a YAML file (`--household FILE.yaml`): keys named like the flags.
public enum HouseholdFile {
    /// Reads and decodes the file; values are parsed later with the rule set's units.
    /// - Throws: ``DiagnosticError`` for a missing file, bad YAML or unknown keys.
    public static func load(path: String) throws(DiagnosticError) -> HouseholdInput {
        let text: String
        do {
            text = try TextFile.read(path, limit: 1_000_000, what: .household)
        } catch {
            throw DiagnosticError([error])
        }
        return try parse(text, path: path)
    }

    /// Decodes household YAML text.
    /// JSON's escapes of a character beyond the first 65,536 as a pair (`\uD83D\uDE00`, what Python's `json`
    /// writes for 😀) in the one escape YAML reads (`\U0001F600`).
    static func joiningSurrogates(_ text: String) -> String {
        guard text.contains("\\uD") || text.contains("\\ud") else { return text }
        return text.replacing(/\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})/) { match in
            guard let high = UInt32(match.1, radix: 16), let low = UInt32(match.2, radix: 16) else { return String(match.0) }
            let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            let hex = String(scalar, radix: 16, uppercase: true)
            return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }

    /// Decodes a household sent as JSON (the API's body): JSON is checked as JSON first, so that a broken
    /// body is named as such at its line and column, never in the YAML reader's terms; a valid one is read
    /// as the YAML it also is (its tabs, JSON whitespace that YAML does not allow there, read as spaces).
    public static func parseJSON(_ text: String, path: String) throws(DiagnosticError) -> HouseholdInput {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            // Foundation names the place as a byte offset ("around character 18"), in English: said here
            // as a line and a column.
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            var location = SourceLocation(file: path, line: 1, column: 1)
            var place = LocalizedText { Catalogue.text(.jsonProblemSomewhere, $0) }
            if let offset = detail.firstMatch(of: /character (\d+)/).flatMap({ Int($0.1) }), offset <= text.utf8.count {
                let before = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
                let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
                location = SourceLocation(file: path, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
                let (line, column) = (String(location.line), String(location.column))
                place = LocalizedText { Catalogue.format(.jsonProblemAt, $0, line, column) }
            }
            throw DiagnosticError([.error("json.syntax", LocalizedText { Catalogue.format(.jsonSyntax, $0, place($0)) }, at: location)])
        }
        return try parse(text.replacingOccurrences(of: "\t", with: " "), path: path)
    }

    public static func parse(_ text: String, path: String) throws(DiagnosticError) -> HouseholdInput {
        let context = DecodeContext()
        return try DiagnosticError.collecting {
            guard let root = try YAMLReader.parse(Self.joiningSurrogates(text), file: path) else {
                throw DiagnosticError([.error("file.empty", LocalizedText { Catalogue.text(.fileHouseholdEmpty, $0) }, at: SourceLocation(file: path, line: 1, column: 1))])
            }
            let input = HouseholdFileDecoder(context: context).input(root, id: nil)
            guard let input, !context.hasErrors else { throw DiagnosticError(context.diagnostics) }
            return input
        }
    }
}
