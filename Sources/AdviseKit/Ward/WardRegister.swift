/// Reads a ward's register: the columns of a batch list (id, land, capital, flood, salinity, labour, members,
/// current use, the household's category as `loan-category`, other income — or their Vietnamese names), and
/// the register's own: the household's income (`income`, VND a year), or its income per member
/// (`income-per-member`, VND a month), and its deprivations in basic services (`deprivations`).
public struct WardRegister: Sendable {
    /// The register's own columns and the other names a header may give them (matched like batch columns:
    /// case, diacritics, spaces, `-` and `_` ignored).
    static let extraColumns: [(name: String, others: [String])] = [
        ("income", ["thu nhập", "thu nhập hộ", "tổng thu nhập", "thu nhập năm"]),
        ("income-per-member", ["thu nhập bình quân", "thu nhập bình quân đầu người", "thu nhập đầu người"]),
        ("deprivations", ["thiếu hụt", "số thiếu hụt", "chỉ số thiếu hụt", "số chỉ số thiếu hụt"]),
    ]

    let input: BatchInput
    let delimiter: UInt8
    /// Where each register column is in a row, and the header's own name of it (for messages).
    let extra: [String: (index: Int, header: String)]

    /// A reader for the header row.
    /// - Throws: ``Diagnostic`` as ``BatchInput`` does (no land column, a column twice).
    public init(header: [String], delimiter: UInt8, settings: RegionalSettings) throws(Diagnostic) {
        var extra: [String: (index: Int, header: String)] = [:]
        for (index, name) in header.enumerated() {
            let key = Spelling.folded(name)
            if let column = Self.extraColumns.first(where: { Spelling.folded($0.name) == key || $0.others.contains { Spelling.folded($0) == key } }) {
                extra[column.name] = (index, name.trimmingCharacters(in: .whitespaces))
            }
        }
        self.extra = extra
        self.delimiter = delimiter
        input = try BatchInput(header: header, delimiter: delimiter, settings: settings)
    }

    /// The indicators of basic-service deprivation the multidimensional poverty standard counts (12 in 6
    /// dimensions, ../shared/guides/DOMAIN.md; recalled, not yet verified against the decree): a register's
    /// `deprivations` is a whole number from 0 to it.
    public static let deprivationIndicators = 12

    /// The register's households, in order, and the rows that could not be read (the line, the id, why): a
    /// value a column does not take, or a household already in the register (named with the line it is on).
    public func households(_ records: [BatchRecord], parser: HouseholdParser, evaluator: Evaluator)
        -> (households: [WardHousehold], errors: [(line: Int, id: String?, message: LocalizedText)]) {
        var households: [WardHousehold] = []
        var errors: [(line: Int, id: String?, message: LocalizedText)] = []
        var seen: [String: Int] = [:]
        let cache = EvaluationCache()
        for record in records where !record.text.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) {
            let fail = { (id: String?, text: LocalizedText) in
                errors.append((record.line, id, LocalizedText { Catalogue.format(.batchLine, $0, String(record.line)) + text($0) }))
            }
            let fields: [Substring]
            switch CSVLine.fields(record.text, delimiter: delimiter) {
            case let .success(f): fields = f
            case let .failure(problem):
                fail(nil, problem.text)
                continue
            }
            let row: HouseholdInput
            switch input.input(record.text) {
            case let .success(r): row = r
            case let .failure(e):
                fail(e.id, e.text)
                continue
            }
            var household: Household
            do {
                household = try parser.parse(row)
            } catch {
                let text = error.diagnostics.map { d in LocalizedText { d.message(in: $0) } }
                fail(row.id, LocalizedText { language in text.map { $0(language) }.joined(separator: "; ") })
                continue
            }
            // The register's own columns: money as the CLI reads it, deprivations a whole number of indicators.
            var problems: [LocalizedText] = []
            func text(_ column: String) -> String? {
                guard let i = extra[column]?.index, i < fields.count else { return nil }
                let text = fields[i].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            func money(_ column: String) -> Double? {
                guard let text = text(column) else { return nil }
                switch QuantityParser.money(text) {
                case let .success(v): return v
                case let .failure(problem):
                    let header = extra[column]?.header ?? column
                    problems.append(LocalizedText { Catalogue.format(.qColumn, $0, header) + ": " + problem.text($0) })
                    return nil
                }
            }
            let deprivations = text("deprivations").flatMap { text -> Int? in
                guard let n = Int(text), (0...Self.deprivationIndicators).contains(n) else {
                    let header = extra["deprivations"]?.header ?? "deprivations"
                    problems.append(LocalizedText { Catalogue.format(.wardBadDeprivations, $0, Catalogue.format(.qColumn, $0, header), text, String(Self.deprivationIndicators)) })
                    return nil
                }
                return n
            }
            let given = money("income") ?? money("income-per-member").map { $0 * 12 * max(1, household.members) }
            // The same household twice (its id, or the same row when it has none) would count twice.
            let key = row.id.map { "id:" + $0 } ?? "row:" + record.text
            if let first = seen[key] {
                problems.append(LocalizedText { Catalogue.format(.wardDuplicate, $0, String(first)) })
            }
            guard problems.isEmpty else {
                fail(row.id, LocalizedText { language in problems.map { $0(language) }.joined(separator: "; ") })
                continue
            }
            seen[key] = record.line
            if household.capitalVND == nil { household.capitalVND = 0 }
            let income = given
            if let income {
                // Its other income is what the current use on its land does not earn.
                let farm = evaluator.currentIncome(household, cache: cache) - household.otherIncomeVND
                household.otherIncomeVND = max(0, income - farm)
            }
            let incomeNow = income ?? evaluator.currentIncome(household, cache: cache)
            let id = row.id ?? String(record.line)
            households.append(WardHousehold(id: id, household: household, incomeNow: incomeNow, deprivations: deprivations))
        }
        return (households, errors)
    }
}
