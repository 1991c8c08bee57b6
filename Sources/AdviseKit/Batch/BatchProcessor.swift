/// Answers batch rows: each line becomes one output line, in order — the best option's figures, or an
/// error that names the row and the column. Pure: lines in, text out; the caller reads, writes and splits
/// the work between cores (give each worker its own ``EvaluationCache``).
public struct BatchProcessor: Sendable {
    /// The output's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public let evaluator: Evaluator
    public let input: BatchInput
    public let format: Format
    public let rankBy: RankBy
    let parser: HouseholdParser

    public init(evaluator: Evaluator, input: BatchInput, format: Format, rankBy: RankBy = .riskAdjustedNPV) {
        self.evaluator = evaluator
        self.input = input
        self.format = format
        self.rankBy = rankBy
        parser = HouseholdParser(settings: evaluator.ruleSet.settings, label: { "column \($0.inputName)" })
    }

    /// The output columns, in order (a contract: documented in README).
    public static let columns = [
        "id", "status", "error", "model", "verdict", "area_m2", "units", "investment_vnd", "loan_programme", "loan_vnd",
        "annual_net_income_vnd", "risk_adjusted_income_vnd", "npv_vnd", "risk_adjusted_npv_vnd", "payback_year",
        "first_income_year", "income_per_member_month_vnd", "above_poverty_line",
    ]

    /// The CSV header line (JSON Lines has none).
    public var header: String? { format == .csv ? Self.columns.joined(separator: ",") + "\n" : nil }

    /// Answers `lines`, the first of which is line `firstLine` of the input file, appending to `out`.
    public func process(_ lines: ArraySlice<Substring>, firstLine: Int, cache: EvaluationCache, into out: inout String, summary: inout BatchSummary) {
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            switch answer(line, cache: cache) {
            case let .success((id, best)):
                summary.add(best)
                write(id: id, best: best, error: nil, into: &out)
            case let .failure(error):
                summary.addFailure()
                write(id: error.id, best: nil, error: "line \(number): \(error.message)", into: &out)
            }
        }
    }

    private func answer(_ line: Substring, cache: EvaluationCache) -> Result<(String?, ModelAdvice?), BatchRowError> {
        let input: HouseholdInput
        switch self.input.input(line) {
        case let .success(i): input = i
        case let .failure(e): return .failure(e)
        }
        do {
            let household = try parser.parse(input)
            return .success((input.id, evaluator.best(household, rankBy: rankBy, cache: cache)))
        } catch {
            return .failure(BatchRowError(id: input.id, message: error.diagnostics.map(\.message).joined(separator: "; ")))
        }
    }

    private func int(_ v: Double) -> String { String(Int64(v.rounded())) }
    private func number(_ v: Double) -> String { v == v.rounded() ? String(Int64(v)) : String(v) }

    private func write(id: String?, best: ModelAdvice?, error: String?, into out: inout String) {
        var values: [String?] = [id, error == nil ? "ok" : "error", error]
        if let b = best {
            let p = b.projection
            values += [b.model.id, b.verdict.rawValue, number(b.areaM2), b.units.map(number), int(p.investment), p.programme?.id,
                       p.loan.map { int($0.amount) }, int(p.annualNetIncome), int(p.riskAdjustedIncome), int(p.npv), int(p.riskAdjustedNPV),
                       p.household.paybackYear.map(String.init), p.firstIncomeYear.map(String.init), int(b.incomePerMemberMonth),
                       b.abovePovertyLine ? "true" : "false"]
        } else {
            values += Array(repeating: nil, count: Self.columns.count - 3)
        }
        switch format {
        case .csv:
            out += values.map { CSVLine.escape($0 ?? "") }.joined(separator: ",")
        case .jsonl:
            let numeric: Set<String> = ["area_m2", "units", "investment_vnd", "loan_vnd", "annual_net_income_vnd", "risk_adjusted_income_vnd", "npv_vnd",
                                        "risk_adjusted_npv_vnd", "payback_year", "first_income_year", "income_per_member_month_vnd"]
            let pairs: [(String, JSONValue)] = zip(Self.columns, values).map { key, value in
                guard let value else { return (key, .null) }
                if key == "above_poverty_line" { return (key, .bool(value == "true")) }
                if numeric.contains(key), let d = Double(value) { return (key, .double(d)) }
                return (key, .string(value))
            }
            out += JSONValue.object(pairs).compact()
        }
        out += "\n"
    }
}
