/// A rule condition, parsed and type-checked once when the rules load and evaluated per household.
public struct Condition: Sendable {
    /// The expression as the rule author wrote it.
    public let text: String
    /// The household facts it reads, in order of first use.
    public let facts: [HouseholdFact]
    /// Where it is written, when it comes from a file.
    public var location: SourceLocation?
    let evaluate: @Sendable ([Double]) -> Bool

    init(text: String, facts: [HouseholdFact], evaluate: @escaping @Sendable ([Double]) -> Bool) {
        self.text = text
        self.facts = facts
        self.evaluate = evaluate
    }

    /// Evaluates the condition. Returns nil when it reads a fact the household did not give.
    public func callAsFunction(_ values: FactValues) -> Bool? { holds(values.dense) }

    /// Evaluates the condition on dense facts; nil when it reads a fact that is not known.
    public func holds(_ f: DenseFacts) -> Bool? {
        for fact in facts where !f.known[fact.rawValue] { return nil }
        return evaluate(f.values)
    }
}
