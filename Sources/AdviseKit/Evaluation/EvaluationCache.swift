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
    /// how the row is chosen. 80 bytes, inline: no allocation a row.
    struct AnswerKey: Hashable {
        /// The deciding facts' values, by `HouseholdFact.rawValue` (room for the nine facts there are).
        var head: SIMD8<Double>
        var tail: Double
        var known: FactMask
        var plans: Bool
        var rank: RankBy

        /// The key of `facts`, keeping only the facts in `deciding` (the others count as unknown and 0).
        init(_ facts: DenseFacts, deciding: FactMask, plans: Bool, rank: RankBy) {
            let values = facts.values
            precondition(values.count <= 9, "AnswerKey holds nine facts; give it room for more")
            var head = SIMD8<Double>(), tail = 0.0
            for i in values.indices where deciding & 1 << FactMask(i) != 0 {
                if i < 8 { head[i] = values[i] } else { tail = values[i] }
            }
            self.head = head
            self.tail = tail
            known = facts.known & deciding
            self.plans = plans
            self.rank = rank
        }

        func hash(into hasher: inout Hasher) {
            var mixed = (tail + 0).bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(known) << 8 ^ (plans ? 1 : 0)
            for i in 0..<8 { mixed = (mixed ^ (head[i] + 0).bitPattern) &* 0x100_0000_01B3 ^ mixed >> 29 }
            hasher.combine(mixed)
            hasher.combine(rank)
        }
    }

    /// The answers remembered, in the order first met, and where each key's answer is. An index rather than
    /// the answer in the dictionary keeps the table small: its buckets are allocated at twice the entries.
    private var answers: [Evaluator.RowAnswer?] = []
    private var answerIndex: [AnswerKey: Int32] = [:]
    /// Answers kept at most: about 16 MB a worker (a 65,536-bucket index and the answers); once full, the
    /// first ones are kept and no more are added — a register's common profiles come early, and clearing
    /// would make a long run thrash.
    static let answerCapacity = 49_152

    /// Where the answer of `key` is, when remembered.
    func slot(_ key: AnswerKey) -> Int32? { answerIndex[key] }

    /// The answer remembered at `slot` (nil: no option).
    func answer(at slot: Int32) -> Evaluator.RowAnswer? { answers[Int(slot)] }

    /// Remembers the answer of `key`, while there is room; returns its slot.
    @discardableResult
    func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) -> Int32? {
        guard answers.count < Self.answerCapacity else { return nil }
        if answers.isEmpty {
            answers.reserveCapacity(Self.answerCapacity)
            answerIndex.reserveCapacity(Self.answerCapacity)
        }
        let slot = Int32(answers.count)
        answerIndex[key] = slot
        answers.append(answer)
        return slot
    }

    /// The batch rows met by this worker, by the text of their deciding columns (``RowMemo``).
    var rows = RowMemo()

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
