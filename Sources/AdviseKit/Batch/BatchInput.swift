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
    /// The header's own name of each fact's column (`Diện tích`), for messages.
    public private(set) var headerNames: [HouseholdFact: String] = [:]
    /// Whether records are sheet rows (their positions called rows in messages), not lines of a file.
    public var fromSheet = false

    /// A JSON Lines reader.
    public static let jsonLines = BatchInput(format: .jsonl, columns: [], idColumn: nil, ignoredColumns: [], delimiter: UInt8(ascii: ","))

    /// A CSV reader for a header line. Columns are named like the flags, or as the rule set's
    /// `column_names` allow (`diện tích`, `vốn`, …), ignoring case, diacritics, spaces, `-` and `_`.
    /// - Parameters:
    ///   - delimiter: the field separator; nil detects it from the header (a comma, else a semicolon or a tab).
    ///   - settings: the rule set's settings, for its column names (nil: the flag names only).
    /// - Throws: ``Diagnostic`` when the header lacks a `land` column or names a column twice.
    public init(csvHeader raw: Substring, delimiter: UInt8? = nil, settings: RegionalSettings? = nil) throws(Diagnostic) {
        let line = raw.hasPrefix("\u{FEFF}") ? raw.dropFirst() : raw
        if line.utf8.first == RecordStream.oversizedMarker {
            let problem = Self.oversized(line).text
            throw .error("batch.line-too-long", LocalizedText { Catalogue.text(.batchHeaderLine, $0) + problem($0) }, at: nil)
        }
        let delimiter = delimiter ?? CSVLine.delimiter(ofHeader: line)
        switch CSVLine.fields(line, delimiter: delimiter) {
        case let .success(header): try self.init(header: header.map(String.init), delimiter: delimiter, settings: settings)
        case let .failure(p): throw .error("batch.header", LocalizedText { Catalogue.text(.batchHeaderLine, $0) + p.text($0) }, at: nil)
        }
    }

    /// A reader for the column names of a header row (of a CSV file or a sheet).
    public init(header: [String], delimiter: UInt8 = UInt8(ascii: ","), settings: RegionalSettings? = nil) throws(Diagnostic) {
        var columns: [HouseholdFact?] = []
        var idColumn: Int?
        var ignored: [String] = []
        var seen: [BatchColumn: String] = [:]
        var names: [HouseholdFact: String] = [:]
        let table = BatchColumn.table(settings?.columnNames ?? [:])
        for (index, name) in header.enumerated() {
            let column = BatchColumn(header: name, names: table)
            if let column, let other = seen.updateValue(name, forKey: column) {
                let what = if case let .fact(f) = column { f.inputName } else { "id" }
                let twice = Spelling.folded(other) == Spelling.folded(name)
                throw .error("batch.header", LocalizedText { twice ? Catalogue.format(.batchColumnTwice, $0, name) : Catalogue.format(.batchColumnsSame, $0, other, name, what) }, at: nil)
            }
            switch column {
            case .id?:
                idColumn = index
                columns.append(nil)
            case let .fact(fact)?:
                columns.append(fact)
                names[fact] = name.trimmingCharacters(in: .whitespaces)
            case nil:
                columns.append(nil)
                ignored.append(name.trimmingCharacters(in: .whitespaces))
            }
        }
        guard columns.contains(.landM2) else {
            let names = BatchColumn.inputNames.joined(separator: ", "), read = header.joined(separator: " | ")
            let land = (settings?.columnNames["land"] ?? []).map { "'\($0)'" }.joined(separator: ", ")
            throw .error("batch.header", LocalizedText { language in
                Catalogue.format(.batchNoLand, language, names) + (land.isEmpty ? "" : Catalogue.format(.batchLandAlso, language, land))
                    + Catalogue.format(.batchHeaderRead, language, read)
            }, at: nil)
        }
        self.init(format: .csv, columns: columns, idColumn: idColumn, ignoredColumns: ignored, delimiter: delimiter)
        headerNames = names
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
        if line.utf8.first == RecordStream.oversizedMarker { return .failure(Self.oversized(line)) }
        let fields: [Substring]
        switch CSVLine.fields(line, delimiter: delimiter) {
        case let .success(f): fields = f
        case let .failure(p): return .failure(BatchRowError(id: nil, text: p.text))
        }
        let id = idColumn.flatMap { $0 < fields.count ? String(fields[$0]) : nil }
        guard fields.count == columns.count else {
            let (found, wanted) = (String(fields.count), String(columns.count))
            return .failure(BatchRowError(id: id, text: LocalizedText { Catalogue.format(.batchFieldCount, $0, found, wanted) }))
        }
        var input = HouseholdInput(id: id)
        for (fact, field) in zip(columns, fields) {
            guard let fact, !field.isEmpty else { continue }
            input[fact] = HouseholdInput.Entry(String(field))
        }
        return .success(input)
    }

    private func json(_ line: Substring) -> Result<HouseholdInput, BatchRowError> {
        if line.utf8.first == RecordStream.oversizedMarker { return .failure(Self.oversized(line)) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return .failure(BatchRowError(id: nil, text: LocalizedText { Catalogue.text(.batchNotJSON, $0) }))
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
                return .failure(BatchRowError(id: id, text: LocalizedText { Catalogue.format(.batchJSONValue, $0, key) }))
            }
            input[fact] = HouseholdInput.Entry(t)
        }
        return .success(input)
    }
}

extension BatchInput {
    /// The error of a record too long to read (``RecordStream`` replaced it by a marker and its length).
    static func oversized(_ marker: Substring) -> BatchRowError {
        let bytes = Int(marker.dropFirst()) ?? 0
        return BatchRowError(id: nil, text: LocalizedText { Catalogue.format(.batchOversized, $0, NumberFormat.decimal(Double(bytes) / 1e6, places: 1, $0)) })
    }
}

/// A row that could not be answered: its id when known, and what is wrong (naming the column) in each language.
public struct BatchRowError: Error, Equatable, Sendable {
    public var id: String?
    public var text: LocalizedText
    /// In English.
    public var message: String { text.en }

    public init(id: String?, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}
