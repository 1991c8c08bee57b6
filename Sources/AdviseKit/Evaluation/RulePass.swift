/// The suitability rules of one model evaluated for one household: what fired, what it costs and changes.
struct RulePass {
    var reasons: [Reason] = []
    var trace: [RuleTrace] = []
    var blocked = false
    var mitigations: [CostItem] = []
    var risks: [Risk] = []
    var adjustment: Adjustment?

    init(model: FarmModel, household: Household, facts: FactValues) {
        for rule in model.rules {
            let observed = rule.condition.facts.map { fact in
                Reason.Observation(fact: fact, value: household.level(fact) ?? household.number(fact).map(Self.number) ?? "?")
            }
            let holds = rule.condition(facts)
            let result: RuleTrace.Result = holds.map { $0 ? .fired : .notFired } ?? .skipped
            trace.append(RuleTrace(rule: rule.id, condition: rule.condition.text, effect: rule.effect.name, result: result, observed: observed))
            guard holds == true else { continue }
            reasons.append(Reason(rule: rule.id, effect: rule.effect.name, detail: .rule(rule.message), observed: observed))
            switch rule.effect {
            case .unsuitable: blocked = true
            case let .mitigation(item): mitigations.append(item)
            case let .risk(risk): risks.append(risk)
            case let .adjust(a): adjustment = adjustment.map { $0.combined(with: a) } ?? a
            case .warning: break
            }
        }
    }

    /// A number as it appears in traces: whole numbers without a decimal point.
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
