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
/// (most of a batch) share the work, and a batch's answers and rows (``AnswerMemo``). Not thread-safe: give each worker its own (it may move between
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

    /// The batch answers and rows this cache remembered itself (in a batch run: since the last chunk).
    private(set) var memo = AnswerMemo(capacity: AnswerMemo.capacity)
    /// What all of a batch run's workers remembered before this chunk, read by each while none writes it
    /// (``BatchRun`` hands it out and takes it back between chunks); empty otherwise.
    var shared = AnswerMemo(capacity: 0)

    /// Where the answer of `key` is: slots below the shared memo's count are there, the rest in ``memo``.
    func slot(_ key: AnswerKey) -> Int32? { shared.slot(key) ?? memo.slot(key).map { $0 + shared.count } }

    /// The answer at `slot` (nil: no option).
    func answer(at slot: Int32) -> Evaluator.RowAnswer? { slot < shared.count ? shared.answer(at: slot) : memo.answer(at: slot - shared.count) }

    /// The row of the answer at `slot` for a household of `members` with `otherIncome`, on `landM2` (read in
    /// place: a batch asks it for most of its rows).
    func row(at slot: Int32, members: Double, otherIncome: Double, landM2: Double) -> OptionSummary? {
        slot < shared.count ? shared.row(at: slot, members: members, otherIncome: otherIncome, landM2: landM2)
            : memo.row(at: slot - shared.count, members: members, otherIncome: otherIncome, landM2: landM2)
    }

    /// Remembers the answer of `key`, while there is room; returns its slot.
    @discardableResult
    func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) -> Int32? { memo.remember(key, answer).map { $0 + shared.count } }

    /// Reads a batch row and finds it among the rows remembered (``RowMemo``); nil when it needs the full path.
    func read(_ line: Substring, _ layout: RowMemo.Layout) -> RowMemo.Row? {
        guard var row = memo.rows.read(line, layout) else { return nil }
        if let entry = shared.rows.entry(row.hash, memo.rows.key) {
            row.entry = entry
        } else if var entry = memo.rows.entry(row.hash, memo.rows.key) {
            entry.slot += shared.count
            row.entry = entry
        }
        return row
    }

    /// Remembers the row last read with its answer's slot (not when the answer is in the shared memo: such
    /// a row is a new spelling of a profile the run knows, and is answered from there without evaluation).
    func remember(_ row: RowMemo.Row, slot: Int32, landM2: Double) {
        guard slot >= shared.count else { return }
        memo.rows.remember(row, slot: slot - shared.count, landM2: landM2)
    }

    /// Hands over what this cache remembered itself (to be absorbed into the shared memo) and starts afresh.
    func takeMemo() -> AnswerMemo {
        defer { memo = AnswerMemo(capacity: AnswerMemo.capacity) }
        return memo
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
