import Dispatch
import Foundation

/// The workers of a batch run — each a processor with its own rule set and its own memo — lent to the
/// parts of a chunk as threads take them up: a part borrows whichever worker is free, so that the work
/// spreads over the cores whatever the parts cost, and no two threads ever use one worker at once.
///
/// The first worker is there from the start; the others are made on another thread (each loads its own copy
/// of the rule set, ~25 ms) and join as they are ready, so that answering starts at once. ``finish()`` waits
/// for that thread: nothing the run started outlives it.
final class WorkerPool: @unchecked Sendable {
    private var workers: [(processor: BatchProcessor, memo: BatchMemo)] = []
    private var free: [Int] = []
    private let condition = NSCondition()
    private let making = DispatchGroup()

    /// A pool of `first` and `count - 1` more workers made by `make` (given their number) in the background.
    init(first: BatchProcessor, count: Int, make: @escaping @Sendable (Int) -> BatchProcessor) {
        add(first)
        guard count > 1 else { return }
        DispatchQueue.global().async(group: making) { [self] in
            for w in 1..<count { add(make(w)) }
        }
    }

    /// Waits until every worker is made.
    func finish() { making.wait() }

    private func add(_ processor: BatchProcessor) {
        condition.lock()
        workers.append((processor, BatchMemo()))
        free.append(workers.count - 1)
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` with a free worker's processor and memo, waiting for one when all are busy.
    func with<T>(_ body: (BatchProcessor, BatchMemo) -> T) -> T {
        condition.lock()
        while free.isEmpty { condition.wait() }
        let w = free.removeLast()
        let worker = workers[w]
        condition.unlock()
        defer {
            condition.lock()
            free.append(w)
            condition.signal()
            condition.unlock()
        }
        return body(worker.processor, worker.memo)
    }

    /// The memos of the workers there are now (call between chunks, when no worker is lent).
    var memos: [BatchMemo] {
        condition.lock()
        defer { condition.unlock() }
        return workers.map(\.memo)
    }
}
