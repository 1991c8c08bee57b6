/// Rows per model, as a batch's quick path counts them: by the index of the model in the remembered rows'
/// memo (``RowMemo/models``, the shared one or the worker's own), added to ``BatchSummary/byModel`` once
/// per run of rows rather than hashing the model's id a row.
struct ModelTally {
    private var shared: [Int] = [], own: [Int] = []

    /// Counts a row of the model at `index` of the shared memo's models, or the worker's own.
    mutating func count(_ index: Int32, shared isShared: Bool) {
        let i = Int(index)
        if isShared {
            if i >= shared.count { shared += [Int](repeating: 0, count: i + 1 - shared.count) }
            shared[i] += 1
        } else {
            if i >= own.count { own += [Int](repeating: 0, count: i + 1 - own.count) }
            own[i] += 1
        }
    }

    /// Adds the counts to `summary`, with the models' ids from `memo`'s memos.
    func add(to summary: inout BatchSummary, _ memo: BatchMemo) {
        for (i, n) in shared.enumerated() where n > 0 { summary.byModel[memo.model(Int32(i), shared: true), default: 0] += n }
        for (i, n) in own.enumerated() where n > 0 { summary.byModel[memo.model(Int32(i), shared: false), default: 0] += n }
    }
}
