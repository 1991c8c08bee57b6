/// Batch answers remembered: each by the facts that decide it (``AnswerKey``), in an array beside a small
/// index — the index's buckets are allocated at twice the entries, so answers kept inside it would cost
/// three times the memory. A worker's rows met before are answered from its ``RowMemo`` without coming
/// here; this memo serves rows that spell a known household differently (`7000`, `7000m2`), JSON Lines, and
/// households that differ only in members or other income.
struct AnswerMemo {
    private var answers: [Evaluator.RowAnswer?] = []
    private var index: [AnswerKey: Int32] = [:]
    /// Answers kept at most; once full, the first ones are kept and no more are added — a register's
    /// common profiles come early, and clearing would make a long run thrash.
    let capacity: Int

    /// About 16 MB of answers: what a worker's memo may hold.
    static let capacity = 49_152

    init(capacity: Int = Self.capacity) { self.capacity = capacity }

    func slot(_ key: AnswerKey) -> Int32? { index[key] }

    func answer(at slot: Int32) -> Evaluator.RowAnswer? { answers[Int(slot)] }

    /// Remembers the answer of `key`, while there is room.
    mutating func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) {
        guard answers.count < capacity else { return }
        index[key] = Int32(answers.count)
        answers.append(answer)
    }
}
