import Foundation

/// The readers of untrusted input, each as one function of bytes that must answer with a value or a
/// diagnostic and never trap: the entry points of the libFuzzer targets (`Fuzz/`, `scripts/fuzz.sh`) and of
/// the brief replay `swift test` runs (``FuzzTargetTests``).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A batch list as CSV or JSON Lines, in any encoding: records, fields, the header, every row.
    case csv
    /// An Excel workbook: the package, its parts, the first sheet as CSV.
    case xlsx
    /// Area, money, income and count as officers type them.
    case quantity
    /// YAML: a household file, and a rule file loaded as a rule set.
    case yaml
    /// A rule condition: parsed and type-checked against the scales' names.
    case expression

    /// Runs the reader on `bytes`; what it finds wrong is discarded.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: Self.csv(bytes)
        case .xlsx:
            if let sheet = try? XLSXReader.sheet(nil, of: Data(bytes)) { _ = sheet.csv(width: sheet.rows.first?.cells.count ?? 0) }
        case .quantity:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = QuantityParser.area(text, congM2: 1000)
            _ = QuantityParser.money(text)
            _ = QuantityParser.income(text)
            _ = QuantityParser.count(text, minimum: 0, maximum: 50)
            _ = Spelling.folded(text)
        case .yaml:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? HouseholdFile.parse(text, path: "fuzz.yaml")
            _ = try? RuleSetLoader.load(files: [(path: "fuzz.yaml", text: text)])
        case .expression:
            guard let syntax = try? Parser.parse(String(decoding: bytes, as: UTF8.self)) else { return }
            var compiler = Compiler(names: NameTable(scales: ["flood": ["none", "occasional", "frequent"], "salinity": ["low", "medium", "high"]],
                                                     constants: ["small_plot_m2": 1000]))
            _ = try? compiler.compile(syntax)
        }
    }

    private static func csv(_ bytes: [UInt8]) {
        var stream = RecordStream(maxRecord: 4096, maxSkip: 1 << 16)
        var text: [UInt8] = []
        do {
            let half = bytes.count / 2
            text += try stream.feed(bytes[..<half]) ?? []
            text += try stream.feed(bytes[half...]) ?? []
            text += try stream.finish() ?? []
        } catch {
            return
        }
        let records = BatchRecord.records(of: String(decoding: text, as: UTF8.self), quoted: stream.quoted, firstLine: 1)
        _ = BatchRecord.split(text, into: 3, quoted: stream.quoted)
        guard let header = records.first else { return }
        let input = stream.quoted ? try? BatchInput(csvHeader: header.text) : BatchInput.jsonLines
        for record in records.dropFirst() {
            _ = input?.input(record.text)
            _ = CSVLine.fields(record.text, delimiter: input?.delimiter ?? UInt8(ascii: ","))
        }
    }
}
