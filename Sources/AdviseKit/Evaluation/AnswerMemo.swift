/// Batch answers remembered: each by the facts that decide it (``AnswerKey``), in an array beside a small
/// index — the index's buckets are allocated at twice the entries, so answers kept inside it would cost
/// three times the memory — and the rows met by the text of their deciding columns (``RowMemo``).
struct AnswerMemo {
    private var answers: [Evaluator.RowAnswer?] = []
    private var index: [AnswerKey: Int32] = [:]
    var rows: RowMemo
    /// Answers kept at most; once full, the first ones are kept and no more are added — a register's
    /// common profiles come early, and clearing would make a long run thrash.
    let capacity: Int

    /// About 16 MB of answers: what a worker's own memo may hold (a batch run shares `workers` times it).
    static let capacity = 49_152

    init(capacity: Int) {
        self.capacity = capacity
        rows = RowMemo(capacity: 2 * capacity)
    }

    var count: Int32 { Int32(answers.count) }

    func slot(_ key: AnswerKey) -> Int32? { index[key] }

    func answer(at slot: Int32) -> Evaluator.RowAnswer? { answers[Int(slot)] }

    /// ``Evaluator/RowAnswer/row(members:otherIncome:landM2:)`` of the answer at `slot`, read in place.
    func row(at slot: Int32, members: Double, otherIncome: Double, landM2: Double) -> OptionSummary? {
        answers[Int(slot)]?.row(members: members, otherIncome: otherIncome, landM2: landM2)
    }

    /// Remembers the answer of `key`, while there is room; returns its slot.
    mutating func remember(_ key: AnswerKey, _ answer: Evaluator.RowAnswer?) -> Int32? {
        guard answers.count < capacity else { return nil }
        let slot = Int32(answers.count)
        index[key] = slot
        answers.append(answer)
        return slot
    }

    /// Takes in what another memo remembered that this one has not, while there is room (its slots
    /// renumbered). The answers are functions of their keys, so which memo remembered one first does not
    /// matter.
    mutating func absorb(_ other: AnswerMemo) {
        var slots = [Int32?](repeating: nil, count: other.answers.count)
        for (key, slot) in other.index.sorted(by: { $0.value < $1.value }) {
            slots[Int(slot)] = index[key] ?? remember(key, other.answers[Int(slot)])
        }
        rows.absorb(other.rows) { slots[Int($0)] }
    }
}
