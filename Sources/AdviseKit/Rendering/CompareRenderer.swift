/// `advise compare`: every model and the best plan side by side for one household, or several households'
/// best plans in one table for a club meeting — as text or JSON.
public struct CompareRenderer: Sendable {
    public var language: Language
    public var settings: RegionalSettings
    /// The year in which the bad year falls.
    public var badYear: Int

    public init(language: Language, settings: RegionalSettings, badYear: Int) {
        self.language = language
        self.settings = settings
        self.badYear = badYear
    }

    private func t(_ key: Catalogue.Key) -> String { Catalogue.text(key, language) }
    private func millions(_ v: Double) -> String { NumberFormat.millions(v, language) }
    private func year(_ y: Int?) -> String { y.map(String.init) ?? "—" }

    /// A row of figures for an option or a plan.
    struct Line {
        var name: String, verdict: String
        var investment: Double, loan: Double, firstIncome: Int?, lowPoint: Double, payback: Int?, npv: Double
        var incomes: [Double], badYear: Double, labour: Double
        var sensitivity: Sensitivity
        /// The nearest price inside its range that would undo the gain, when it is not unsuitable (``TippingPoint``).
        var tipping: TippingPoint? = nil
    }

    /// The row of an answer: a plan is named by its models, an option by its model.
    func line(_ answer: some Answer, discountRate: Double) -> Line {
        let sens = answer.sensitivity(badYear: badYear, discountRate: discountRate)
        let p = answer.projection
        return Line(name: (answer is Plan ? "\(t(.comparePlan)): " : "") + answer.name(language), verdict: Catalogue.verdict(answer.verdict, language), investment: p.investment, loan: p.loanTotal ?? 0,
                    firstIncome: p.firstIncomeYear, lowPoint: p.household.lowPoint, payback: p.household.paybackYear, npv: p.riskAdjustedNPV,
                    incomes: PriceScenario.allCases.map(answer.income), badYear: sens[.badYear]?.income ?? 0, labour: p.labourDays,
                    sensitivity: sens, tipping: answer.tippingPoints.first)
    }

    /// One household: the plan and every model.
    public func text(_ advice: Advice) -> String {
        let lines = (advice.plan.map { [line($0, discountRate: advice.discountRate)] } ?? []) + advice.options.map { line($0, discountRate: advice.discountRate) }
        var table = TextTable(
            headers: [t(.compareOption), t(.verdict), t(.investment), t(.loan), t(.firstIncome), t(.compareLowPoint), t(.payback), t(.riskNPV),
                      t(.compareIncomeBands), Catalogue.format(.compareBadYear, language, String(badYear)), t(.compareLabour)],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for l in lines {
            table.rows.append([l.name, l.verdict, millions(l.investment), millions(l.loan), year(l.firstIncome), millions(l.lowPoint), year(l.payback),
                               millions(l.npv), l.incomes.map(millions).joined(separator: " / "), millions(l.badYear), NumberFormat.grouped(l.labour, language)])
        }
        var out = ["\(t(.compareFor)) — \(t(.household)): \(NumberFormat.grouped(advice.household.landM2, language)) m², \(t(.capital)) \(advice.household.capitalVND.map { NumberFormat.moneyProse($0, language) } ?? t(.notGiven))",
                   "", table.render(), t(.millionsHeader)]
        if let lead = lines.first {
            out += ["", "\(t(.compareSensitivity)) (\(lead.name)):"]
            for c in lead.sensitivity.cases where c.kind != .base {
                out.append("  - " + Catalogue.format(.sensitivityCase, language, caseName(c.kind), NumberFormat.moneyProse(c.npv, language),
                                                     year(c.paybackYear), String(c.worstYear), NumberFormat.moneyProse(c.worstCash, language)))
            }
        }
        let hanging = lines.compactMap { l in l.tipping.map { (name: l.name, point: $0) } }
        if !hanging.isEmpty {
            out += ["", t(.compareTipping) + ":"]
            for (name, point) in hanging { out.append("  - \(name): " + Catalogue.reason(.tippingPoint(point), language)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Several households: each one's best plan (or best option) on a row.
    public func text(_ advices: [(name: String, advice: Advice)]) -> String {
        var table = TextTable(
            headers: [t(.household), t(.comparePlan), t(.verdict), t(.investment), t(.loan), t(.firstIncome), t(.payback), t(.riskNPV),
                      t(.incomePerYear), Catalogue.format(.compareBadYear, language, String(badYear))],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right])
        for (name, advice) in advices {
            guard let l = advice.recommendedPlan.map({ line($0, discountRate: advice.discountRate) }) ?? advice.recommendation.map({ line($0, discountRate: advice.discountRate) }) else {
                table.rows.append([name, t(.planNone), "", "", "", "", "", "", "", ""])
                continue
            }
            table.rows.append([name, l.name.replacingOccurrences(of: "\(t(.comparePlan)): ", with: ""), l.verdict, millions(l.investment), millions(l.loan),
                               year(l.firstIncome), year(l.payback), millions(l.npv), millions(l.incomes[PriceScenario.base.index]), millions(l.badYear)])
        }
        return [t(.compareHouseholds), "", table.render(), t(.millionsHeader)].joined(separator: "\n") + "\n"
    }

    private func caseName(_ kind: Sensitivity.Case.Kind) -> String {
        switch kind {
        case .lowPrice: t(.priceMinus30)
        case .highPrice: t(.pricePlus30)
        case .badYear: Catalogue.format(.compareBadYear, language, String(badYear))
        case .base: t(.priceBase)
        }
    }

    /// JSON for one or more households.
    public func json(_ advices: [(name: String, advice: Advice)]) -> String {
        func entry(_ l: Line, model: String?) -> JSONValue {
            .object([
                ("option", .string(model ?? "plan")), ("name", .string(l.name)), ("verdict", .string(l.verdict)),
                ("investment_vnd", .vnd(l.investment)), ("loan_vnd", .vnd(l.loan)),
                ("first_income_year", .optional(l.firstIncome) { .int(Int64($0)) }), ("cash_low_point_vnd", .vnd(l.lowPoint)),
                ("payback_year", .optional(l.payback) { .int(Int64($0)) }), ("risk_adjusted_npv_vnd", .vnd(l.npv)),
                ("income_low_vnd", .vnd(l.incomes[0])), ("income_base_vnd", .vnd(l.incomes[1])), ("income_high_vnd", .vnd(l.incomes[2])),
                ("bad_year_income_vnd", .vnd(l.badYear)), ("labour_days", .double(l.labour.rounded())),
                ("sensitivity", .array(l.sensitivity.cases.map { c in
                    .object([("case", .string(c.kind.rawValue)), ("npv_vnd", .vnd(c.npv)), ("payback_year", .optional(c.paybackYear) { .int(Int64($0)) }),
                             ("worst_year", .int(Int64(c.worstYear))), ("worst_year_cash_vnd", .vnd(c.worstCash)), ("income_vnd", .vnd(c.income))])
                })),
                ("tipping_point", .optional(l.tipping, JSONRenderer(language: language, settings: settings).tipping)),
            ])
        }
        let households: [JSONValue] = advices.map { name, advice in
            let rows = (advice.plan.map { [entry(line($0, discountRate: advice.discountRate), model: nil)] } ?? [])
                + advice.options.map { entry(line($0, discountRate: advice.discountRate), model: $0.model.id) }
            return .object([("name", .string(name)), ("household", JSONRenderer(language: language, settings: settings).household(advice.household)),
                            ("options", .array(rows))])
        }
        return JSONValue.object([("bad_year", .int(Int64(badYear))), ("households", .array(households))]).serialized() + "\n"
    }
}
