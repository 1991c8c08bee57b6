/// What a batch worker remembers beside the evaluator's economics (``EvaluationCache``): answers by the facts that
/// decide them (``AnswerMemo``), rows by the text of their deciding columns (``RowMemo``), and member counts and
/// other incomes by their text (``NumberMemo``). Not thread-safe: give each worker its own (it may move between
/// threads, hence `@unchecked Sendable`, but must never be used by two at once).
public final class BatchMemo: @unchecked Sendable {
    /// The models' economics by rule outcome, shared by the worker's households.
    public let evaluation: EvaluationCache

    public init(evaluation: EvaluationCache = EvaluationCache()) { self.evaluation = evaluation }

    /// The batch answers this memo remembered.
    private(set) var answers = AnswerMemo()
    /// The batch rows this memo remembered itself (in a batch run: since the last chunk).
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

    /// Hands over the rows this memo remembered itself (to be absorbed into the shared memo) and starts afresh.
    func takeRows() -> RowMemo {
        defer { rows = RowMemo(capacity: RowMemo.capacity) }
        return rows
    }
}
