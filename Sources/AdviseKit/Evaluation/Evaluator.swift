/// Evaluates a household against every model of a rule set. Pure: values in, values out, no I/O.
public struct Evaluator: Sendable {
    /// The rule set evaluated against.
    public let ruleSet: RuleSet

    /// Creates an evaluator.
    public init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// Every model for the household, ranked.
    /// - Complexity: O(models × rules + models × candidates × horizon).
    public func advise(_ household: Household, rankBy: RankBy = .riskAdjustedNPV) -> Advice {
        let settings = ruleSet.settings
        let options = ruleSet.models.map { evaluate($0, for: household) }
        return Advice(ruleset: settings.ruleset, overrides: ruleSet.overrides, household: household, rankBy: rankBy, horizon: settings.horizonYears,
                      discountRate: settings.discountRate.value, povertyLineMonth: settings.povertyLine.value / 12,
                      options: Self.rank(options, by: rankBy))
    }

    /// One model for the household.
    public func evaluate(_ model: FarmModel, for household: Household) -> ModelAdvice {
        let settings = ruleSet.settings
        let facts = household.factValues(settings)
        let pass = RulePass(model: model, household: household, facts: facts)
        let programme = settings.loanProgramme(for: household.loanCategory)
        let inputs = Projection.Inputs(
            adjustment: pass.adjustment, mitigations: pass.mitigations, risks: pass.risks,
            capital: household.capitalVND, programme: programme,
            familyDays: household.labour * settings.workdaysPerWorker.value, wage: settings.hiredLabourWage.value,
            discountRate: settings.discountRate.value, horizon: settings.horizonYears, facts: facts)
        let search = ScaleSearch(model: model, inputs: inputs, landM2: household.landM2)

        var reasons = pass.reasons
        var blocked = pass.blocked
        let scale: Double
        let projection: Projection
        var trials: [ScaleTrial] = []
        switch search.limit() {
        case let .fits(upper):
            (scale, projection, trials) = search.best(upper: upper)
        case let .land(need):
            blocked = true
            reasons.append(Reason(rule: "scale.land", effect: "unsuitable", detail: .landTooSmall(needM2: need, haveM2: household.landM2), observed: [.init(fact: .landM2, value: RulePass.number(household.landM2))]))
            scale = model.scale.minimum
            projection = Projection(model: model, scale: scale, inputs: inputs)
        case let .capital(need, ceiling):
            blocked = true
            reasons.append(Reason(rule: "scale.capital", effect: "unsuitable", detail: .capitalShort(needVND: need, haveVND: household.capitalVND ?? 0, loanCeilingVND: ceiling), observed: [.init(fact: .capitalVND, value: RulePass.number(household.capitalVND ?? 0))]))
            scale = model.scale.minimum
            var withoutCapital = inputs
            withoutCapital.capital = nil
            projection = Projection(model: model, scale: scale, inputs: withoutCapital)
        }

        if let loan = projection.loan, let programme = projection.programme {
            reasons.append(Reason(rule: "loan.needed", effect: "info", detail: .loanNeeded(amountVND: loan.amount, programme: programme.name), observed: []))
        }
        if household.capitalVND == nil {
            reasons.append(Reason(rule: "capital.unknown", effect: "info", detail: .capitalUnknown(needVND: projection.investment), observed: []))
        }
        if projection.hiredDays > 0.5 {
            reasons.append(Reason(rule: "labour.hired", effect: "warning", detail: .hiredLabour(days: projection.hiredDays, costVND: projection.hiredDays * settings.hiredLabourWage.value), observed: [.init(fact: .labour, value: RulePass.number(household.labour))]))
        }
        if !blocked, projection.riskAdjustedNPV <= 0 {
            blocked = true
            reasons.append(Reason(rule: "economics.npv", effect: "unsuitable", detail: .doesNotPay(npvVND: projection.riskAdjustedNPV, horizon: settings.horizonYears), observed: []))
        }

        let verdict: Verdict = blocked ? .unsuitable : (pass.mitigations.isEmpty && projection.loan == nil ? .recommended : .conditional)
        let perMonth = projection.riskAdjustedIncome / max(1, household.members) / 12
        return ModelAdvice(
            model: model, verdict: verdict, scale: scale, areaM2: model.scale.areaM2(scale),
            units: model.scale.isUnits ? scale : nil, projection: projection, reasons: reasons, trace: pass.trace, trials: trials,
            incomePerMemberMonth: perMonth, abovePovertyLine: perMonth >= settings.povertyLine.value / 12,
            incomePerLabourDay: projection.labourDays > 0 ? projection.riskAdjustedIncome / projection.labourDays : nil)
    }

    /// Orders options: suitable before unsuitable, then by the metric, then by model id (so output is stable).
    public static func rank(_ options: [ModelAdvice], by rankBy: RankBy) -> [ModelAdvice] {
        func key(_ o: ModelAdvice) -> Double {
            let p = o.projection
            switch rankBy {
            case .riskAdjustedNPV: return -p.riskAdjustedNPV
            case .income: return -p.riskAdjustedIncome
            case .npv: return -p.npv
            case .payback: return Double(p.household.paybackYear ?? 1_000)
            case .firstIncome: return Double(p.firstIncomeYear ?? 1_000)
            }
        }
        return options.sorted { a, b in
            let ua = a.verdict == .unsuitable, ub = b.verdict == .unsuitable
            if ua != ub { return !ua }
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            if a.projection.riskAdjustedNPV != b.projection.riskAdjustedNPV { return a.projection.riskAdjustedNPV > b.projection.riskAdjustedNPV }
            return a.model.id < b.model.id
        }
    }
}
