/// Evaluates a household against every model of a rule set. Pure: values in, values out, no I/O.
public struct Evaluator: Sendable {
    /// The rule set evaluated against.
    public let ruleSet: RuleSet

    /// Creates an evaluator.
    public init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// Every model for the household, ranked, with reasons (and the rule trace when asked for).
    /// - Complexity: O(models × (rules + scenarios × horizon)).
    public func advise(_ household: Household, rankBy: RankBy = .riskAdjustedNPV, trace: Bool = false, cache: EvaluationCache? = nil) -> Advice {
        let settings = ruleSet.settings
        let facts = household.factValues(settings).dense
        let candidates = ruleSet.models.indices.map { candidate($0, household, facts, trace: trace, cache: cache) }
        let options = rank(candidates, by: rankBy, household).map { advice($0, household) }
        return Advice(ruleset: settings.ruleset, overrides: ruleSet.overrides, household: household, rankBy: rankBy,
                      horizon: settings.horizonYears, discountRate: settings.discountRate.value,
                      povertyLineMonth: settings.povertyLine.value / 12, options: options)
    }

    /// Only the best option — what a batch needs — built in full; the other models are ranked on their
    /// closed-form figures. Returns the first option even when every model is unsuitable.
    public func best(_ household: Household, rankBy: RankBy = .riskAdjustedNPV, cache: EvaluationCache? = nil) -> ModelAdvice? {
        let facts = household.factValues(ruleSet.settings).dense
        let candidates = ruleSet.models.indices.map { candidate($0, household, facts, trace: false, cache: cache) }
        return rank(candidates, by: rankBy, household).first.map { advice($0, household) }
    }

    /// One model for the household.
    public func evaluate(_ model: FarmModel, for household: Household, trace: Bool = false) -> ModelAdvice {
        advice(candidate(model, index: nil, household, household.factValues(ruleSet.settings).dense, trace: trace, cache: nil), household)
    }

    /// A model evaluated as far as ranking needs.
    struct Candidate {
        var model: FarmModel
        var pass: RulePass
        var economics: UnitEconomics
        var resources: Projection.Resources
        var limit: ScaleSearch.Limit
        var scale: Double
        var trials: [ScaleTrial]
        var verdict: Verdict
        var riskNPV: Double
        var npv: Double
        var income: Double
        var payback: Int??
    }

    private func candidate(_ index: Int, _ household: Household, _ facts: DenseFacts, trace: Bool, cache: EvaluationCache?) -> Candidate {
        candidate(ruleSet.models[index], index: index, household, facts, trace: trace, cache: cache)
    }

    private func candidate(_ model: FarmModel, index: Int?, _ household: Household, _ facts: DenseFacts, trace: Bool, cache: EvaluationCache?) -> Candidate {
        let settings = ruleSet.settings
        let pass = RulePass(model: model, household: household, facts: facts, trace: trace)
        let make = { UnitEconomics(model: model, outcome: pass.outcome, horizon: settings.horizonYears, discountRate: settings.discountRate.value) }
        let economics: UnitEconomics
        if let cache, let index {
            economics = cache.economics(model: index, outcome: pass.outcome.key, make: make)
        } else {
            economics = make()
        }
        let resources = Projection.Resources(capital: household.capitalVND, programme: settings.loanProgramme(for: household.loanCategory),
                                             familyDays: household.labour * settings.workdaysPerWorker.value, wage: settings.hiredLabourWage.value)
        let search = ScaleSearch(model: model, economics: economics, resources: resources, landM2: household.landM2)
        let limit = search.limit()
        var scale = model.scale.minimum, trials: [ScaleTrial] = []
        if case let .fits(upper) = limit { (scale, trials) = search.best(upper: upper) }
        let hired = Projection.hiredDays(economics, scale, resources) * resources.wage
        let riskNPV = economics.npv(at: scale, hiredCost: hired, riskAdjusted: true)
        let verdict: Verdict
        if pass.blocked || !isFit(limit) || riskNPV <= 0 {
            verdict = .unsuitable
        } else {
            let needsLoan = household.capitalVND.map { economics.investment(at: scale) - $0 > 0.5 && resources.programme != nil } ?? false
            verdict = pass.outcome.mitigations.isEmpty && !needsLoan ? .recommended : .conditional
        }
        return Candidate(model: model, pass: pass, economics: economics, resources: resources, limit: limit, scale: scale, trials: trials,
                         verdict: verdict, riskNPV: riskNPV, npv: economics.npv(at: scale, hiredCost: hired, riskAdjusted: false),
                         income: economics.riskAdjustedIncome(at: scale, hiredCost: hired), payback: nil)
    }

    private func isFit(_ limit: ScaleSearch.Limit) -> Bool {
        if case .fits = limit { return true }
        return false
    }

    /// The household's payback year for a candidate (built only when ranking by payback).
    private func payback(_ c: Candidate) -> Int? {
        Projection(economics: c.economics, scale: c.scale, resources: c.resources).household.paybackYear
    }

    /// Orders candidates: suitable before unsuitable, then by the metric, then by risk-adjusted NPV, then
    /// by model id, so output is stable.
    private func rank(_ candidates: [Candidate], by rankBy: RankBy, _ household: Household) -> [Candidate] {
        var candidates = candidates
        if rankBy == .payback {
            for i in candidates.indices { candidates[i].payback = .some(payback(candidates[i])) }
        }
        func key(_ c: Candidate) -> Double {
            switch rankBy {
            case .riskAdjustedNPV: return -c.riskNPV
            case .income: return -c.income
            case .npv: return -c.npv
            case .payback: return Double((c.payback ?? nil) ?? 1_000)
            case .firstIncome: return Double(c.economics.firstRevenueYear ?? 1_000)
            }
        }
        return candidates.sorted { a, b in
            let ua = a.verdict == .unsuitable, ub = b.verdict == .unsuitable
            if ua != ub { return !ua }
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            if a.riskNPV != b.riskNPV { return a.riskNPV > b.riskNPV }
            return a.model.id < b.model.id
        }
    }

    /// The full answer for a candidate: projection, reasons, figures per member and per labour day.
    private func advice(_ c: Candidate, _ household: Household) -> ModelAdvice {
        let settings = ruleSet.settings
        let model = c.model
        var reasons = c.pass.reasons(model, household)
        let projection: Projection
        switch c.limit {
        case .fits:
            projection = Projection(economics: c.economics, scale: c.scale, resources: c.resources)
        case let .land(need):
            reasons.append(Reason(rule: "scale.land", effect: "unsuitable", detail: .landTooSmall(needM2: need, haveM2: household.landM2),
                                  observed: RulePass.observations([.landM2], household)))
            projection = Projection(economics: c.economics, scale: c.scale, resources: c.resources)
        case let .capital(need, ceiling):
            reasons.append(Reason(rule: "scale.capital", effect: "unsuitable",
                                  detail: .capitalShort(needVND: need, haveVND: household.capitalVND ?? 0, loanCeilingVND: ceiling),
                                  observed: RulePass.observations([.capitalVND], household)))
            var withoutCapital = c.resources
            withoutCapital.capital = nil
            projection = Projection(economics: c.economics, scale: c.scale, resources: withoutCapital)
        }
        if let loan = projection.loan, let programme = projection.programme {
            reasons.append(Reason(rule: "loan.needed", effect: "info", detail: .loanNeeded(amountVND: loan.amount, programme: programme.name), observed: []))
        }
        if household.capitalVND == nil {
            reasons.append(Reason(rule: "capital.unknown", effect: "info", detail: .capitalUnknown(needVND: projection.investment), observed: []))
        }
        if projection.hiredDays > 0.5 {
            reasons.append(Reason(rule: "labour.hired", effect: "warning", detail: .hiredLabour(days: projection.hiredDays, costVND: projection.hiredDays * c.resources.wage),
                                  observed: RulePass.observations([.labour], household)))
        }
        if !c.pass.blocked, isFit(c.limit), projection.riskAdjustedNPV <= 0 {
            reasons.append(Reason(rule: "economics.npv", effect: "unsuitable", detail: .doesNotPay(npvVND: projection.riskAdjustedNPV, horizon: settings.horizonYears), observed: []))
        }
        let perMonth = projection.riskAdjustedIncome / max(1, household.members) / 12
        return ModelAdvice(
            model: model, verdict: c.verdict, scale: c.scale, areaM2: model.scale.areaM2(c.scale),
            units: model.scale.isUnits ? c.scale : nil, projection: projection, reasons: reasons, trace: c.pass.trace, trials: c.trials,
            incomePerMemberMonth: perMonth, abovePovertyLine: perMonth >= settings.povertyLine.value / 12,
            incomePerLabourDay: projection.labourDays > 0 ? projection.riskAdjustedIncome / projection.labourDays : nil)
    }
}
