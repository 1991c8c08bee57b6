import Foundation

/// Reads batch rows — CSV with a header row, or JSON Lines — into household inputs. Columns (or keys) are
/// named like the flags: `id`, `land`, `capital`, `flood`, `salinity`, `members`, `labour`, `current-use`,
/// `loan-category`; values take the same forms the flags accept.
public struct BatchInput: Sendable {
    /// The input's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public let format: Format
    /// For CSV: which fact each column holds (nil for `id` and ignored columns).
    let columns: [HouseholdFact?]
    let idColumn: Int?
    /// Columns the header names that are not facts, reported once and ignored.
    public let ignoredColumns: [String]
    /// The CSV delimiter, detected from the header: a comma, a semicolon or a tab.
    public let delimiter: UInt8

    /// A JSON Lines reader.
    public static let jsonLines = BatchInput(format: .jsonl, columns: [], idColumn: nil, ignoredColumns: [], delimiter: UInt8(ascii: ","))

    /// A CSV reader for a header line (a UTF-8 byte-order mark, as Excel's "CSV UTF-8" writes, is dropped).
    /// - Throws: ``Diagnostic`` when the header lacks a `land` column or names a column twice.
    public init(csvHeader raw: Substring) throws(Diagnostic) {
        let line = raw.hasPrefix("\u{FEFF}") ? raw.dropFirst() : raw
        let delimiter = CSVLine.delimiter(ofHeader: line)
        let header: [Substring]
        switch CSVLine.fields(line, delimiter: delimiter) {
        case let .success(f): header = f
        case let .failure(p): throw .error("batch.header", "the header row: \(p.message)", at: nil)
        }
        var columns: [HouseholdFact?] = []
        var idColumn: Int?
        var ignored: [String] = []
        var seen: Set<String> = []
        for (index, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard seen.insert(name).inserted else { throw .error("batch.header", "column '\(name)' appears twice in the header", at: nil) }
            if name == "id" {
                idColumn = index
                columns.append(nil)
            } else if let fact = HouseholdFact.input(named: name) {
                columns.append(fact)
            } else {
                columns.append(nil)
                ignored.append(name)
            }
        }
        guard columns.contains(.landM2) else {
            throw .error("batch.header", "the header has no 'land' column; columns are id, \(HouseholdFact.allCases.map(\.inputName).joined(separator: ", "))", at: nil)
        }
        self.init(format: .csv, columns: columns, idColumn: idColumn, ignoredColumns: ignored, delimiter: delimiter)
    }

    private init(format: Format, columns: [HouseholdFact?], idColumn: Int?, ignoredColumns: [String], delimiter: UInt8) {
        self.format = format
        self.columns = columns
        self.idColumn = idColumn
        self.ignoredColumns = ignoredColumns
        self.delimiter = delimiter
    }

    /// One row as a household input, or the message that names what is wrong with it.
    public func input(_ line: Substring) -> Result<HouseholdInput, BatchRowError> {
        format == .csv ? csv(line) : json(line)
    }

    private func csv(_ line: Substring) -> Result<HouseholdInput, BatchRowError> {
        let fields: [Substring]
        switch CSVLine.fields(line, delimiter: delimiter) {
        case let .success(f): fields = f
        case let .failure(p): return .failure(BatchRowError(id: nil, message: p.message))
        }
        let id = idColumn.flatMap { $0 < fields.count ? String(fields[$0]) : nil }
        guard fields.count == columns.count else {
            return .failure(BatchRowError(id: id, message: "the row has \(fields.count) fields, the header \(columns.count)"))
        }
        var input = HouseholdInput(id: id)
        for (fact, field) in zip(columns, fields) {
            guard let fact, !field.isEmpty else { continue }
            input[fact] = HouseholdInput.Entry(String(field))
        }
        return .success(input)
    }

    private func json(_ line: Substring) -> Result<HouseholdInput, BatchRowError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return .failure(BatchRowError(id: nil, message: "the line is not a JSON object"))
        }
        func text(_ value: Any) -> String? {
            switch value {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        let id = object["id"].flatMap(text)
        var input = HouseholdInput(id: id)
        for (key, value) in object.sorted(by: { $0.key < $1.key }) where key != "id" {
            guard let fact = HouseholdFact.input(named: key) else { continue }
            guard let t = text(value) else {
                return .failure(BatchRowError(id: id, message: "column \(key): must be a string or a number"))
            }
            input[fact] = HouseholdInput.Entry(t)
        }
        return .success(input)
    }
}

/// A row that could not be answered: its id when known, and the message naming the column.
public struct BatchRowError: Error, Equatable, Sendable {
    public var id: String?
    public var message: String
}
