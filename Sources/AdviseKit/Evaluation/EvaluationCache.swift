/// A model's rule outcome and its economics, shared by every household with the same outcome.
public final class OutcomeEconomics: Sendable {
    public let outcome: RuleOutcome
    public let economics: UnitEconomics

    init(_ model: FarmModel, key: RuleOutcome.Key, valuation: Valuation) {
        outcome = RuleOutcome(model, key: key)
        economics = UnitEconomics(model: model, outcome: outcome, valuation: valuation)
    }
}

/// Remembers ``OutcomeEconomics`` by model and rule-outcome key, so that households with the same outcome
/// (most of a batch, a server's requests) share the work. Not thread-safe: give each worker its own (it may move
/// between threads, hence `@unchecked Sendable`, but must never be used by two at once).
public final class EvaluationCache: @unchecked Sendable {
    private struct Key: Hashable {
        var model: Int
        var outcome: RuleOutcome.Key

        func hash(into hasher: inout Hasher) {
            hasher.combine(outcome.rules ^ outcome.items << 21 ^ outcome.costs << 42 ^ UInt64(model) << 59)
        }
    }

    private var entries: [Key: OutcomeEconomics] = [:]

    /// Entries kept at most; the cache is emptied when it would grow past this.
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    func lookup(model index: Int, key: RuleOutcome.Key, make: () -> OutcomeEconomics) -> OutcomeEconomics {
        let k = Key(model: index, outcome: key)
        if let hit = entries[k] { return hit }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        let value = make()
        entries[k] = value
        return value
    }
}
