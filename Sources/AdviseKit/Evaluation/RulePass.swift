/// Helpers to explain a model's rule evaluation for one household: reasons of the fired rules, and the
/// trace of every rule for `--explain`.
enum RulePass {
    /// The reasons of the rules that fired.
    static func reasons(_ model: FarmModel, _ key: RuleOutcome.Key, _ household: Household) -> [Reason] {
        model.rules.indices.filter(key.fired).map { index in
            let rule = model.rules[index]
            return Reason(rule: rule.id, effect: rule.effect.name, detail: .rule(rule.message), observed: observations(rule.condition.facts, household))
        }
    }

    /// Every rule: its condition, the values it read, and whether it fired.
    static func trace(_ model: FarmModel, _ facts: DenseFacts, _ household: Household) -> [RuleTrace] {
        model.rules.map { rule in
            let result: RuleTrace.Result = rule.condition.holds(facts).map { $0 ? .fired : .notFired } ?? .skipped
            return RuleTrace(rule: rule.id, condition: rule.condition.text, effect: rule.effect.name, result: result,
                             observed: observations(rule.condition.facts, household))
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
