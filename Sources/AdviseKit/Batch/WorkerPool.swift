import Foundation

/// The workers of a batch run — each a processor with its own rule set and its own cache — lent to the
/// parts of a chunk as threads take them up: a part borrows whichever worker is free, so that the work
/// spreads over the cores whatever the parts cost, and no two threads ever use one worker at once.
final class WorkerPool: @unchecked Sendable {
    let processors: [BatchProcessor]
    let caches: [EvaluationCache]
    private var free: [Int]
    private let condition = NSCondition()

    init(processors: [BatchProcessor]) {
        self.processors = processors
        caches = processors.map { _ in EvaluationCache() }
        free = Array(processors.indices.reversed())
    }

    /// Runs `body` with a free worker's processor and cache, waiting for one when all are busy.
    func with<T>(_ body: (BatchProcessor, EvaluationCache) -> T) -> T {
        condition.lock()
        while free.isEmpty { condition.wait() }
        let w = free.removeLast()
        condition.unlock()
        defer {
            condition.lock()
            free.append(w)
            condition.signal()
            condition.unlock()
        }
        return body(processors[w], caches[w])
    }
}
