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
    public static func parse(_ text: String, path: String) throws(DiagnosticError) -> HouseholdInput {
        let context = DecodeContext()
        return try DiagnosticError.collecting {
            guard let root = try YAMLReader.parse(text, file: path) else {
                throw DiagnosticError([.error("file.empty", LocalizedText { Catalogue.text(.fileHouseholdEmpty, $0) }, at: SourceLocation(file: path, line: 1, column: 1))])
            }
            let input = HouseholdFileDecoder(context: context).input(root, id: nil)
            guard let input, !context.hasErrors else { throw DiagnosticError(context.diagnostics) }
            return input
        }
    }
}
