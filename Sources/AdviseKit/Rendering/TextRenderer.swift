/// The advice as a readable terminal report: the household, the recommendation, a ranked table, then
/// each option's money and reasons (and, with `--explain`, every rule's evaluation).
public struct TextRenderer: Sendable {
    public var language: Language
    public var explain: Bool
    /// The settings, for unit names and level names.
    public var settings: RegionalSettings

    public init(language: Language, explain: Bool = false, settings: RegionalSettings) {
        self.language = language
        self.explain = explain
        self.settings = settings
    }

    private func t(_ key: Catalogue.Key) -> String { Catalogue.text(key, language) }

    public func render(_ advice: Advice) -> String {
        var out: [String] = []
        let r = advice.ruleset
        out.append("\(t(.ruleset)): \(r.name(language)) — \(r.id) \(r.version) (\(r.effective))" + Catalogue.rulesetSource(r.source, language))
        for o in advice.overrides {
            out.append("\(t(.override)): \(o.id) (\(o.file)) — \(o.paths.joined(separator: ", "))")
        }
        out.append(householdLine(advice.household))
        if !advice.household.assumed.isEmpty { out.append(t(.assumedNote)) }
        if !advice.stale.isEmpty { out.append(Catalogue.format(.staleNote, language, String(advice.stale.count))) }
        out.append("")
        if let plan = advice.recommendedPlan {
            out.append(contentsOf: planLines(plan, advice, title: t(.recommendation)))
        } else if let best = advice.recommendation {
            out.append("\(t(.recommendation)): \(best.model.name(language)) — \(scaleText(best)), \(t(.investment).lowercased()) \(NumberFormat.moneyProse(best.projection.investment, language)), \(t(.netIncome).lowercased()) \(NumberFormat.moneyProse(best.projection.riskAdjustedIncome, language)) (\(t(.afterRisk))).")
        } else if let baseline = advice.baseline {
            out.append(Catalogue.format(.keepCurrentUse, language, baseline.name(language)))
        } else {
            out.append(t(.noRecommendation))
        }
        if let plan = advice.plan, advice.recommendedPlan == nil {
            out.append("")
            out.append(contentsOf: planLines(plan, advice, title: t(.planTitle)))
        } else if advice.planSearched, advice.plan == nil {
            out.append("")
            out.append("\(t(.planTitle)): \(t(.planNone))")
        }
        out.append("")
        out.append(table(advice))
        out.append(t(.millionsHeader) + " (\(t(.rankedBy)) \(Catalogue.rankBy(advice.rankBy, language)))")
        for (index, option) in advice.options.enumerated() {
            out.append("")
            out.append(contentsOf: details(option, rank: index + 1, advice: advice))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func level(_ scale: String, _ id: String) -> String {
        settings.scales[scale]?.level(id)?.name(language) ?? id
    }

    private func planLines(_ p: Plan, _ advice: Advice, title: String) -> [String] {
        let m = { (v: Double) in NumberFormat.moneyProse(v, language) }
        let parts = p.components.map { c -> String in
            let each = zip(c.models, c.scales).map { model, s in
                "\(model.name(language)) \(model.scale.short(s, language))"
            }
            return c.intercrop == nil ? each.joined() : "\(each.joined(separator: " + ")) (\(t(.intercropWith)), \(NumberFormat.grouped(c.landM2, language)) m²)"
        }
        var out = ["\(title): " + parts.joined(separator: " · ") + " — \(Catalogue.verdict(p.verdict, language))"]
        var figures = "   \(t(.investment)) \(m(p.investment))"
        if let grant = p.projection.financing.grant { figures += "; \(t(.grant).lowercased()) \(m(p.projection.financing.grantAmount)) (\(grant.name(language)))" }
        for (loan, programme) in p.projection.loans { figures += "; \(t(.loan).lowercased()) \(m(loan.amount)) (\(programme.name(language)))" }
        figures += "; \(t(.incomePerYear).lowercased()) \(m(p.riskAdjustedIncome)) (\(t(.afterRisk))); NPV \(m(p.riskAdjustedNPV))"
        if advice.baseline != nil { figures += "; \(t(.gain).lowercased()) \(m(p.projection.gainNPV))" }
        figures += "; \(t(.firstIncome).lowercased()) \(year(p.firstIncomeYear)); \(t(.payback).lowercased()) \(year(p.household.paybackYear))"
        out.append(figures)
        if let r = p.risk {
            out += Catalogue.odds(r, hasBaseline: advice.baseline != nil, hasLoan: p.loan != nil, otherIncomeAssumed: advice.household.assumed.contains(.otherIncomeVND), linesEnd: settings.povertyLinesEnd, language).map { "   " + $0 }
        }
        for note in p.notes { out.append("   - \(note(language))") }
        // "Do not borrow for this plan" only for a plan given up for its loan (a rule set without the repayment
        // constraint); a plan the household carries may pay some instalments from what it earns beside the plan.
        if p.verdict == .unsuitable, !p.loanServiceable { out.append("   - \(t(.planUnserviceable))") }
        for y in p.loanShortfallYears { out.append("   - " + Catalogue.format(.planLoanShortfall, language, String(y))) }
        return out
    }

    private func householdLine(_ h: Household) -> String {
        func mark(_ fact: HouseholdFact) -> String { h.assumed.contains(fact) ? "*" : "" }
        let cong = settings.congM2.value
        let land = "\(NumberFormat.grouped(h.landM2, language)) m² (\(NumberFormat.short(h.landM2 / cong, language)) công; \(Catalogue.format(.congNote, language, NumberFormat.grouped(cong, language))))"
        let capital = h.capitalVND.map { NumberFormat.money($0, language) } ?? t(.notGiven)
        var parts = ["\(t(.land)) \(land)", "\(t(.capital)) \(capital)"]
        parts.append("\(t(.flood)): \(level("flood", h.flood))\(mark(.flood))")
        parts.append("\(t(.salinity)): \(level("salinity", h.salinity))\(mark(.salinity))")
        parts.append("\(t(.labour)): \(NumberFormat.short(h.labour, language)) \(t(.workers))\(mark(.labour))")
        parts.append("\(t(.members)): \(NumberFormat.short(h.members, language))\(mark(.members))")
        parts.append("\(t(.currentUse)): \(level("current_use", h.currentUse))\(mark(.currentUse))")
        parts.append("\(t(.loanCategory)): \(level("loan_category", h.loanCategory))\(mark(.loanCategory))")
        if h.assumed.contains(.otherIncomeVND) {
            parts.append(t(.otherIncomeNotGiven))
        } else if h.otherIncomeVND > 0 {
            parts.append("\(t(.otherIncome)) \(NumberFormat.moneyProse(h.otherIncomeVND / 12, language))\(t(.perMonth))")
        }
        let id = h.id.map { " \($0)" } ?? ""
        return "\(t(.household))\(id): " + parts.joined(separator: " · ")
    }

    private func scaleText(_ o: ModelAdvice) -> String { o.model.scale.describe(o.scale, language) }

    private func shortScale(_ o: ModelAdvice) -> String {
        o.model.scale.short(o.scale, language)
    }

    private func year(_ y: Int?) -> String { y.map { String($0) } ?? "—" }

    private func table(_ advice: Advice) -> String {
        var table = TextTable(
            headers: [t(.rank), t(.model), t(.verdict), t(.scale), t(.investment), t(.incomePerYear), t(.riskNPV), t(.gain), t(.firstIncome), t(.payback)],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .right, .right])
        for (i, o) in advice.options.enumerated() {
            let p = o.projection
            table.rows.append([
                String(i + 1), o.model.name(language), Catalogue.verdict(o.verdict, language), shortScale(o),
                NumberFormat.millions(p.investment, language), NumberFormat.millions(p.riskAdjustedIncome, language),
                NumberFormat.millions(p.riskAdjustedNPV, language), NumberFormat.millions(p.gainNPV, language),
                year(p.firstIncomeYear), year(p.household.paybackYear),
            ])
        }
        return table.render()
    }

    private func details(_ o: ModelAdvice, rank: Int, advice: Advice) -> [String] {
        let p = o.projection
        let m = { (v: Double) in NumberFormat.money(v, language) }
        var out = ["\(rank). \(o.model.name(language)) — \(Catalogue.verdict(o.verdict, language)) (\(scaleText(o)))"]
        let items = p.items.map { "\($0.name(language)) \(NumberFormat.moneyProse($0.vnd, language))" }.joined(separator: "; ")
        out.append("   \(t(.investment)): \(m(p.investment)) — \(items)")
        if let grant = p.financing.grant {
            out.append("   \(t(.grant)): \(m(p.financing.grantAmount)) — \(grant.name(language))")
        }
        if let gap = p.capitalGap, gap > 0 {
            var line = "   \(t(.capitalGap)): \(m(gap))"
            for (loan, programme) in p.loans {
                line += "; \(t(.loan).lowercased()) \(m(loan.amount)) — \(programme.name(language)), "
                line += Catalogue.loanTerms(loan, language)
            }
            out.append(line)
        }
        out.append("   \(t(.netIncome)): \(m(p.annualNetIncome)); \(t(.afterRisk)) \(m(p.riskAdjustedIncome)); \(t(.perMember)) \(m(o.incomePerMemberMonth))\(t(.perMonth)) (\(o.abovePovertyLine ? t(.abovePoverty) : t(.belowPoverty)) \(o.povertyYear): \(m(o.povertyLineMonth)))"
            + (Catalogue.lineAssumed(o.povertyYear, linesEnd: settings.povertyLinesEnd, line: m(o.povertyLineMonth), language).map { " " + $0 } ?? ""))
        if !p.incomePhases.isEmpty {
            out.append("   \(t(.incomePhases)): " + Catalogue.phases(p.incomePhases, language))
        }
        let labour = "   \(t(.labourDays)): \(NumberFormat.grouped(p.labourDays, language)) \(t(.daysPerYear))"
        out.append(labour + (o.incomePerLabourDay.map { "; \(m($0)) \(t(.perLabourDay))" } ?? ""))
        let flows = (p.cashFlow[.base] ?? []).enumerated().map { "\($0.offset): \(NumberFormat.short($0.element / 1e6, places: 1, language))" }
        out.append("   \(t(.cashFlow)): " + flows.joined(separator: " | "))
        let bands = PriceScenario.allCases.map { s -> String in
            let metrics = CashFlowMetrics(p.cashFlow[s] ?? [], discountRate: advice.discountRate)
            let name: Catalogue.Key = s == .low ? .priceLow : (s == .base ? .priceBase : .priceHigh)
            return "\(t(name)) NPV \(NumberFormat.moneyProse(metrics.npv, language))"
        }
        out.append("   \(t(.priceBands)): " + bands.joined(separator: " / "))
        let payback = p.household.paybackYear.map { "\(t(.paybackIn)) \($0)" } ?? "\(t(.noPayback)) \(advice.horizon) \(t(.year))"
        out.append("   \(t(.lowPoint)): \(m(p.household.lowPoint)) (\(t(.year)) \(p.household.lowPointYear)); \(payback)")
        // Only options that can be done have odds (the evaluator leaves them out for the rest).
        if let r = o.risk {
            out += Catalogue.odds(r, hasBaseline: advice.baseline != nil, hasLoan: p.loan != nil, otherIncomeAssumed: advice.household.assumed.contains(.otherIncomeVND), linesEnd: settings.povertyLinesEnd, language).map { "   " + $0 }
        }
        if !o.reasons.isEmpty {
            out.append("   \(t(.reasons)):")
            for reason in o.reasons {
                out.append("   - [\(reason.rule)] \(Catalogue.reason(reason.detail, language))")
            }
        }
        if !o.whatWouldChange.isEmpty {
            out.append("   \(t(.whatWouldChange)): " + o.whatWouldChange.map { Catalogue.change($0, settings: settings, language) }.joined(separator: "; "))
        }
        if explain {
            out.append("   \(t(.trace)):")
            for trace in o.trace {
                let observed = trace.observed.map { "\($0.fact.name)=\($0.value)" }.joined(separator: ", ")
                let result = switch trace.result {
                case .fired: t(.fired)
                case .notFired: t(.notFired)
                case .skipped: t(.skipped)
                }
                out.append("   · \(trace.rule) [\(trace.effect)] \(t(.when)) \(trace.condition) — \(observed.isEmpty ? "" : observed + " → ")\(result)")
            }
            if !o.trials.isEmpty {
                let trials = o.trials.map { "\(NumberFormat.short($0.scale, language)): \(NumberFormat.millions($0.riskAdjustedNPV, language))" }
                out.append("   \(t(.scalesTried)): " + trials.joined(separator: " | "))
            }
        }
        return out
    }
}
