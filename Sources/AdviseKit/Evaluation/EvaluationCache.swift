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
/// (most of a batch) share the work. Not thread-safe: give each worker its own (it may move between
/// threads, hence `@unchecked Sendable`, but must never be used by two at once).
public final class EvaluationCache: @unchecked Sendable {
    private struct Key: Hashable {
        var model: Int
        var outcome: RuleOutcome.Key

        func hash(into hasher: inout Hasher) {
            hasher.combine(outcome.rules ^ outcome.items << 21 ^ outcome.costs << 42 ^ UInt64(model) << 59)
        }
    }

    private var entries: [Key: OutcomeEconomics] = [:]

    /// What decides a batch answer: the deciding facts (``Evaluator/answer(_:rankBy:plans:cache:)``) and
    /// how the row is chosen.
    struct AnswerKey: Hashable {
        /// The deciding facts' values, inline (no allocation a row; room for 16 facts).
        var values: SIMD16<Double>
        var known: FactMask
        var plans: Bool
        var rank: RankBy

        init(values: [Double], known: FactMask, plans: Bool, rank: RankBy) {
            var v = SIMD16<Double>()
            for (i, x) in values.prefix(16).enumerated() { v[i] = x }
            self.values = v
            self.known = known
            self.plans = plans
            self.rank = rank
        }
    }

    private var answers: [AnswerKey: Evaluator.RowAnswer?] = [:]
    /// Answers kept at most (about 10 MB); once full, the first ones are kept and no more are added — a
    /// register's common profiles come early, and clearing would make a long run thrash.
    static let answerCapacity = 16_384

    func answer(_ key: AnswerKey) -> Evaluator.RowAnswer?? { answers[key] }

    func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) {
        guard answers.count < Self.answerCapacity else { return }
        answers[key] = .some(answer)
    }
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
