/// What a ward or a club needs to plan support, added up over a batch: households per recommended model,
/// investment and loan demand, the income the recommendations add, and how many households they lift
/// above the poverty line.
public struct BatchSummary: Sendable, Equatable {
    public var rows = 0
    public var failed = 0
    /// Households whose best option is recommended or conditional, by model id.
    public var byModel: [String: Int] = [:]
    /// Households for which no model fits.
    public var withoutOption = 0
    public var investmentVND = 0.0
    public var loanVND = 0.0
    /// Yearly risk-adjusted income of the recommended options.
    public var incomeVND = 0.0
    /// Households whose recommended option alone brings income per member to the poverty line.
    public var abovePovertyLine = 0

    public init() {}

    /// Counts one answered row.
    public mutating func add(_ best: OptionSummary?) {
        guard let best, best.verdict != .unsuitable else { return addWithoutOption() }
        byModel[best.model, default: 0] += 1
        add(Share(investment: best.investment, loan: best.loan ?? 0, income: best.riskAdjustedIncome), above: best.abovePovertyLine)
    }

    /// A recommended or conditional row's figures in the summary.
    struct Share {
        var investment: Double, loan: Double, income: Double
    }

    /// Counts one recommended or conditional row, except in ``byModel`` (a batch's quick path counts the
    /// rows of each model itself and adds them once).
    mutating func add(_ share: Share, above: Bool) {
        rows += 1
        investmentVND += share.investment
        loanVND += share.loan
        incomeVND += share.income
        if above { abovePovertyLine += 1 }
    }

    /// Counts one answered row for which no model fits.
    mutating func addWithoutOption() {
        rows += 1
        withoutOption += 1
    }

    /// Counts one failed row.
    public mutating func addFailure() {
        rows += 1
        failed += 1
    }

    /// Adds another summary (from another worker).
    public mutating func merge(_ other: BatchSummary) {
        rows += other.rows
        failed += other.failed
        byModel.merge(other.byModel, uniquingKeysWith: +)
        withoutOption += other.withoutOption
        investmentVND += other.investmentVND
        loanVND += other.loanVND
        incomeVND += other.incomeVND
        abovePovertyLine += other.abovePovertyLine
    }

    /// As JSON.
    public var json: JSONValue {
        .object([
            ("rows", .int(Int64(rows))), ("failed", .int(Int64(failed))),
            ("households_by_model", .object(byModel.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
            ("households_without_option", .int(Int64(withoutOption))),
            ("investment_vnd", .vnd(investmentVND)), ("loan_demand_vnd", .vnd(loanVND)),
            ("yearly_income_gain_vnd", .vnd(incomeVND)), ("households_above_poverty_line", .int(Int64(abovePovertyLine))),
        ])
    }

    /// As text, in the output language, with model names from the rule set.
    public func text(_ ruleSet: RuleSet, _ language: Language) -> String {
        let n = { (v: Int) in NumberFormat.grouped(Double(v), language) }
        let m = { (v: Double) in NumberFormat.moneyProse(v, language) }
        var lines = [Catalogue.format(.summaryHeadline, language, n(rows - failed), n(failed))]
        for (id, count) in byModel.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("  \(ruleSet.model(id)?.name(language) ?? id): \(n(count)) \(Catalogue.text(.summaryHouseholds, language))")
        }
        lines.append("  " + Catalogue.format(.summaryNoModel, language, n(withoutOption)))
        lines.append(Catalogue.format(.summaryInvestment, language, m(investmentVND), m(loanVND)))
        lines.append(Catalogue.format(.summaryIncome, language, m(incomeVND)))
        lines.append(Catalogue.format(.summaryPoverty, language, n(abovePovertyLine)))
        return lines.joined(separator: "\n")
    }
}
