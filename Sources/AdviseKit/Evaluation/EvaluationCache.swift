/// Remembers ``UnitEconomics`` by model and rule outcome, so that households with the same outcome (most of
/// a batch) share the work. Not thread-safe: give each worker its own.
public final class EvaluationCache {
    private struct Key: Hashable {
        var model: Int
        var outcome: RuleOutcome.Key
    }

    private var entries: [Key: UnitEconomics] = [:]
    /// Entries kept at most; the cache is emptied when it would grow past this.
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    func economics(model index: Int, outcome: RuleOutcome.Key, make: () -> UnitEconomics) -> UnitEconomics {
        let key = Key(model: index, outcome: outcome)
        if let hit = entries[key] { return hit }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        let value = make()
        entries[key] = value
        return value
    }
}
