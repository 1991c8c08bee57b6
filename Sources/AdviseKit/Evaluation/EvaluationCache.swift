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
/// (most of a batch) share the work, and a batch's answers (``AnswerMemo``) and rows (``RowMemo``). Not thread-safe: give each worker its own (it may move between
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

    /// The batch answers this cache remembered.
    private(set) var answers = AnswerMemo()
    /// The batch rows this cache remembered itself (in a batch run: since the last chunk).
    private(set) var rows = RowMemo(capacity: RowMemo.capacity)
    /// The rows all of a batch run's workers remembered before this chunk, read by each while none writes
    /// it (``BatchRun`` hands it out and takes it back between chunks); empty otherwise.
    var sharedRows = RowMemo(capacity: 0)
    /// A batch's member counts and other incomes, by their text.
    var numbers = NumberMemo()

    /// The answer remembered for `key` (which may be nil: no option), or nil when none is.
    func answer(_ key: AnswerKey) -> Evaluator.RowAnswer?? { answers.answer(key) }

    /// Remembers the answer of `key`, while there is room.
    func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) { answers.remember(key, answer) }

    /// Reads a batch row's bytes and finds it among the rows remembered (``RowMemo``); nil when it needs the
    /// full path.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, _ layout: RowMemo.Layout) -> RowMemo.Row? {
        guard var row = rows.read(bytes, layout) else { return nil }
        if let offset = sharedRows.find(row.hash, rows.key[...]) {
            row.entry = (offset, true)
        } else if let offset = rows.find(row.hash, rows.key[...]) {
            row.entry = (offset, false)
        }
        return row
    }

    /// The remembered row at `entry`.
    func row(_ at: RowMemo.Place) -> RowMemo.Entry { at.shared ? sharedRows.entry(at.offset) : rows.entry(at.offset) }

    /// Appends the written columns of a remembered row, before (`head`) or after the household's own.
    func append(_ entry: RowMemo.Entry, at: RowMemo.Place, head: Bool, to out: inout OutputBuffer) {
        if at.shared { sharedRows.append(entry, at: at.offset, head: head, to: &out) } else { rows.append(entry, at: at.offset, head: head, to: &out) }
    }

    /// The id of a remembered row's model.
    func model(_ index: Int32, shared: Bool) -> String { shared ? sharedRows.model(index) : rows.model(index) }

    /// Remembers the row last read with what its answer leaves to rows like it.
    func remember(_ row: RowMemo.Row, _ remembered: RowMemo.Remembered) { rows.remember(row, remembered) }

    /// Hands over the rows this cache remembered itself (to be absorbed into the shared memo) and starts afresh.
    func takeRows() -> RowMemo {
        defer { rows = RowMemo(capacity: RowMemo.capacity) }
        return rows
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
