/// Batch answers remembered: each by the facts that decide it (``AnswerKey``), in arrays beside a
/// ``HashIndex``. A worker's rows met before are answered from its ``RowMemo`` without coming here; this
/// memo serves rows that spell a known household differently (`7000`, `7000m2`), JSON Lines, and
/// households that differ only in members or other income.
struct AnswerMemo {
    private var keys: [AnswerKey] = []
    private var answers: [Evaluator.RowAnswer?] = []
    private var index = HashIndex()
    /// Answers kept at most; once full, the first ones are kept and no more are added — a register's
    /// common profiles come early, and clearing would make a long run thrash.
    let capacity: Int

    /// About 5 MB of answers: what a worker's memo may hold (rows met before are answered by the
    /// ``RowMemo``, so this memo only needs the profiles a chunk's new rows share).
    static let capacity = 16_384

    init(capacity: Int = Self.capacity) { self.capacity = capacity }

    /// The answer remembered for `key` (which may be nil: no option), or nil when none is.
    func answer(_ key: AnswerKey) -> Evaluator.RowAnswer?? { index.find(key.hash64) { keys[Int($0)] == key }.map { answers[Int($0)] } }

    /// Remembers the answer of `key` (not remembered yet), while there is room.
    mutating func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) {
        guard answers.count < capacity else { return }
        index.insert(key.hash64, UInt32(answers.count))
        keys.append(key)
        answers.append(answer)
    }
}
