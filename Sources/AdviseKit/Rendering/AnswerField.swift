/// One figure every answer carries — an option and a plan alike — named once: its JSON key, what it means (the
/// manual's field table is written from it), and how it is read from the answer's projection. Adding a figure to
/// every answer's JSON is one entry here plus its computation in ``Projection``.
public struct AnswerField: Sendable {
    /// The key, in options and in `plan`.
    public let key: String
    /// What it means, for the manual (docs/cli-and-json.md).
    public let meaning: String
    let value: @Sendable (JSONRenderer, any Answer, Advice) -> JSONValue
    /// The figure as a number, for a field that is one (a worked example may expect it); nil for the others.
    public let number: (@Sendable (any Answer) -> Double?)?

    init(_ key: String, _ meaning: String, _ value: @escaping @Sendable (JSONRenderer, any Answer, Advice) -> JSONValue) {
        self.key = key
        self.meaning = meaning
        self.value = value
        number = nil
    }

    /// A figure that is a number (whole đồng with `vnd`, else as it is; null when the answer has none).
    init(_ key: String, _ meaning: String, vnd: Bool = true, number: @escaping @Sendable (any Answer) -> Double?) {
        self.key = key
        self.meaning = meaning
        self.value = { _, answer, _ in .optional(number(answer)) { vnd ? .vnd($0) : .double($0) } }
        self.number = number
    }

    /// A year (an integer; null when the answer has none).
    init(_ key: String, _ meaning: String, year: @escaping @Sendable (any Answer) -> Int?) {
        self.key = key
        self.meaning = meaning
        self.value = { _, answer, _ in .optional(year(answer)) { .int(Int64($0)) } }
        self.number = { year($0).map(Double.init) }
    }

    /// Every answer's fields, in the order JSON writes them.
    public static let all: [AnswerField] = [
        AnswerField("investment_vnd", "establishment cost, mitigations included") { a in a.projection.investment },
        AnswerField("investment_items", "the investment itemised: `[{id, name, vnd}]`") { r, a, _ in
            .array(a.projection.items.map { .object([("id", .string($0.id)), ("name", .string($0.name(r.language))), ("vnd", .vnd($0.vnd))]) })
        },
        AnswerField("capital_gap_vnd", "investment beyond own capital and any grant (null when capital was not given)") { a in a.projection.capitalGap },
        AnswerField("loan", "null or `{programme, amount_vnd, rate, term_months, grace_years}` (`grace_years`: the first years in which nothing is paid, 0 without a grace) — the cheapest programme open to the household that closes the gap; with two loans, the household's") { r, a, _ in
            r.loan(a.projection)
        },
        AnswerField("loans", "every loan, `[{programme, amount_vnd, rate, term_months, grace_years}]`: the household's, then a working member's own loan for work away beside it") { r, a, _ in
            r.loans(a.projection)
        },
        AnswerField("grant", "null or `{programme, amount_vnd}` — the largest grant open to the household towards this investment; it enters year 0 of the cash flow, not the NPV") { r, a, _ in
            r.grant(a.projection)
        },
        AnswerField("annual_net_income_vnd", "average yearly net operating income from maturity to the horizon, base price, after hired labour, before financing") { a in a.projection.annualNetIncome },
        AnswerField("expected_loss_vnd", "expected yearly hazard loss at maturity (lost revenue and replanting; a year's hazards combined and never more than its revenue)") { a in a.projection.expectedLoss },
        AnswerField("risk_adjusted_income_vnd", "`annual_net_income_vnd` after the expected loss: the income a year every output quotes") { a in a.projection.riskAdjustedIncome },
        AnswerField("income_phases", "the income by phase when what earns changes (three years abroad, then after return; an orchard's first years, then its bearing years beside a wage): `[{from_year, to_year, outputs, risk_adjusted_income_vnd}]`, each the mean yearly income of its years; empty when one income describes it") { r, a, _ in
            r.phases(a.projection)
        },
        AnswerField("npv_vnd", "NPV of the conversion before financing at the regional discount rate, the family's labour valued and the life after the horizon included") { a in a.projection.npv },
        AnswerField("risk_adjusted_npv_vnd", "the same after expected losses (the table's \"NPV (risk)\")") { a in a.projection.riskAdjustedNPV },
        AnswerField("baseline", "keeping the current use on the same land: `{current_use, model, risk_adjusted_npv_vnd, risk_adjusted_income_vnd}` (`model` null on bare land)") { _, a, advice in
            .object([("current_use", .string(advice.household.currentUse)), ("model", .optional(advice.baseline) { .string($0.id) }),
                     ("risk_adjusted_npv_vnd", .vnd(a.projection.baselineNPV)), ("risk_adjusted_income_vnd", .vnd(a.projection.baselineIncome))])
        },
        AnswerField("gain_npv_vnd", "risk-adjusted NPV over keeping the current use — what options are ranked by") { a in a.projection.gainNPV },
        AnswerField("gain_income_vnd", "risk-adjusted yearly income over keeping the current use") { a in a.projection.gainIncome },
        AnswerField("tipping_points", "`[{figure, kind, label, unit, base, breakeven, low, high, direction, source}]`, nearest to its base first (empty for an unsuitable answer, or when no figure inside its range undoes the gain): every price, and every yield the rule file gives a range (`low`, `high`), whose value inside its sourced low–high range would turn `gain_npv_vnd` to zero, solved exactly with the answer held as it is. `figure` is the figure's path as an override names it (`goat-raising.outputs.meat-goats.price`, `goat-raising.outputs.meat-goats.yield`), `kind` `price` or `yield`; prices of one market move together (the plan's coconut and the garden it replaces alike) and are one figure, a yield is its model's own; `base`, `breakeven`, `low`, `high` are in `unit` as the rule file writes it — whole đồng for a price (`VND/kg`, `VND/chục`), the product for a yield (`kg/unit/year`, `t/ha/year`); `direction` is `above` when the gain needs the price above the break-even (what the answer sells), `below` when below (what the current use given up sells); `source` the figure's source ids") { r, a, _ in
            .array(a.tippingPoints.map(r.tipping))
        },
        AnswerField("residual_value_vnd", "the part of the risk-adjusted NPV that is the value of the life left after the horizon") { a in a.projection.residualValue },
        AnswerField("family_labour_value_vnd", "what the family's own days are valued at a year (charged in the NPV, not paid in cash)") { a in a.projection.labour.familyValue },
        AnswerField("risk", "the odds, null with `--draws 0`: `{draws, seed, p10_npv_vnd, p50_npv_vnd, p90_npv_vnd, p10_gain_vnd, p50_gain_vnd, p90_gain_vnd, p_loss, p_missed_instalment, p_below_poverty_line, poverty_year, poverty_line_vnd_month, poverty_line_assumed}` — see [engine.md](engine.md), *The odds*") { r, a, _ in
            .optional(a.risk) { r.risk($0) }
        },
        AnswerField("payback_year", "first year from which the household's cumulative cash (financing and expected losses included) stays ≥ 0; null if not within the horizon", year: { a in a.projection.household.paybackYear }),
        AnswerField("first_income_year", "first year with revenue", year: { a in a.projection.firstIncomeYear }),
        AnswerField("cash_low_point_vnd", "the lowest cumulative cash position while the answer comes into bearing") { a in a.projection.household.lowPoint },
        AnswerField("cash_low_point_year", "the year of that lowest point", year: { a in a.projection.household.lowPointYear }),
        AnswerField("cash_flow_vnd", "household cash flow by year (0…horizon) at the base price, loan and interest included") { r, a, _ in
            r.flow(a.projection.cashFlow[.base])
        },
        AnswerField("cash_flow_low_vnd", "the same at the low price") { r, a, _ in r.flow(a.projection.cashFlow[.low]) },
        AnswerField("cash_flow_high_vnd", "the same at the high price") { r, a, _ in r.flow(a.projection.cashFlow[.high]) },
        AnswerField("risk_adjusted_cash_flow_vnd", "the base flow after expected hazard losses") { r, a, _ in r.flow(a.projection.riskAdjustedCashFlow) },
        AnswerField("labour_days", "person-days a year the answer takes", vnd: false) { a in a.projection.labourDays.rounded() },
        AnswerField("hired_labour_days", "the days the family lacks, hired at the regional wage (paid in cash, deducted from the income)", vnd: false) { a in a.projection.hiredDays.rounded() },
        AnswerField("loan_serviceable", "false when, over the loan's term, the answer's own cash does not earn its instalments") { _, a, _ in
            .bool(a.projection.loanServiceable)
        },
        AnswerField("loan_shortfall_years", "the years of the loan's term in which the answer's own cash after the instalment is below zero (the household must find it elsewhere)") { _, a, _ in
            .array(a.projection.loanShortfallYears.map { .int(Int64($0)) })
        },
    ]

    /// The answer's fields as JSON pairs, in order.
    static func pairs(_ answer: any Answer, _ advice: Advice, _ renderer: JSONRenderer) -> [(String, JSONValue)] {
        all.map { ($0.key, $0.value(renderer, answer, advice)) }
    }
}
