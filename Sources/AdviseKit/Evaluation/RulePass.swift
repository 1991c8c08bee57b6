/// The suitability rules and item conditions of one model evaluated for one household.
struct RulePass {
    /// Indices of the rules that fired, in order.
    var fired: [Int] = []
    var blocked = false
    var outcome: RuleOutcome
    /// Every rule's evaluation, when a trace was asked for.
    var trace: [RuleTrace] = []

    init(model: FarmModel, household: Household, facts: DenseFacts, trace traced: Bool) {
        var outcome = RuleOutcome(adjustment: nil, mitigations: [], risks: [], includedItems: [], includedCosts: [], key: .init())
        var firedBits = [Bool](repeating: false, count: model.rules.count)
        for (index, rule) in model.rules.enumerated() {
            let holds = rule.condition.holds(facts)
            if traced {
                let result: RuleTrace.Result = holds.map { $0 ? .fired : .notFired } ?? .skipped
                trace.append(RuleTrace(rule: rule.id, condition: rule.condition.text, effect: rule.effect.name, result: result,
                                       observed: Self.observations(rule.condition.facts, household)))
            }
            guard holds == true else { continue }
            fired.append(index)
            firedBits[index] = true
            switch rule.effect {
            case .unsuitable: blocked = true
            case let .mitigation(item): outcome.mitigations.append(item)
            case let .risk(risk): outcome.risks.append(risk)
            case let .adjust(a): outcome.adjustment = outcome.adjustment.map { $0.combined(with: a) } ?? a
            case .warning: break
            }
        }
        outcome.includedItems = model.investment.map { $0.when.map { $0.holds(facts) ?? false } ?? true }
        outcome.includedCosts = model.operatingCosts.map { $0.when.map { $0.holds(facts) ?? false } ?? true }
        outcome.key.append(firedBits)
        outcome.key.append(outcome.includedItems)
        outcome.key.append(outcome.includedCosts)
        self.outcome = outcome
    }

    /// The reasons of the fired rules.
    func reasons(_ model: FarmModel, _ household: Household) -> [Reason] {
        fired.map { index in
            let rule = model.rules[index]
            return Reason(rule: rule.id, effect: rule.effect.name, detail: .rule(rule.message), observed: Self.observations(rule.condition.facts, household))
        }
    }

    static func observations(_ facts: [HouseholdFact], _ household: Household) -> [Reason.Observation] {
        facts.map { fact in Reason.Observation(fact: fact, value: household.level(fact) ?? household.number(fact).map(number) ?? "?") }
    }

    /// A number as it appears in traces: whole numbers without a decimal point.
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
