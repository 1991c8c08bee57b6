/// A rule condition, parsed and type-checked once when the rules load and evaluated per household.
public struct Condition: Sendable {
    /// The expression as the rule author wrote it.
    public let text: String
    /// The household facts it reads, in order of first use.
    public let facts: [HouseholdFact]
    /// Where it is written, when it comes from a file.
    public var location: SourceLocation?
    let evaluate: @Sendable ([Double]) -> Bool
    /// Bit `fact.rawValue` set for every fact the condition reads.
    let required: FactMask

    init(text: String, facts: [HouseholdFact], evaluate: @escaping @Sendable ([Double]) -> Bool) {
        self.text = text
        self.facts = facts
        self.evaluate = evaluate
        required = facts.reduce(0) { $0 | 1 << FactMask($1.rawValue) }
    }

    /// The compiled check alone, for the evaluator's hot loop.
    var check: Check { Check(required: required, evaluate: evaluate) }

    /// A compiled condition without its text: what the evaluator runs per household.
    struct Check: Sendable {
        let required: FactMask
        let evaluate: @Sendable ([Double]) -> Bool

        /// nil when the condition reads a fact that is not known.
        func holds(_ f: DenseFacts) -> Bool? { required & ~f.known != 0 ? nil : evaluate(f.values) }
    }

    /// Evaluates the condition. Returns nil when it reads a fact the household did not give.
    public func callAsFunction(_ values: FactValues) -> Bool? { holds(values.dense) }

    /// Evaluates the condition on dense facts; nil when it reads a fact that is not known.
    public func holds(_ f: DenseFacts) -> Bool? { required & ~f.known != 0 ? nil : evaluate(f.values) }
}
