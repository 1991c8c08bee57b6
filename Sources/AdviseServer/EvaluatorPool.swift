#if Server
import AdviseKit
import Foundation

/// What the server's requests share: one evaluator for the current year (its odds' draws and each model's
/// deviations are drawn once and shared, thread-safe) and economics caches, one per request in flight, so
/// that households with the same rule outcomes share their models' economics and odds.
final class EvaluatorPool: @unchecked Sendable {
    private let lock = NSLock()
    private let ruleSet: RuleSet
    private var current: (year: Int?, evaluator: Evaluator)?
    private var idle: [EvaluationCache] = []

    init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// The evaluator whose year 0 is `year` (made anew when the year turns).
    func evaluator(year: Int?) -> Evaluator {
        lock.withLock {
            if let current, current.year == year { return current.evaluator }
            let evaluator = Evaluator(ruleSet: ruleSet, year: year)
            current = (year, evaluator)
            idle.removeAll()
            return evaluator
        }
    }

    /// Runs `body` with a cache no other request is using.
    func withCache<T>(_ body: (EvaluationCache) throws -> T) rethrows -> T {
        let cache = lock.withLock { idle.popLast() } ?? EvaluationCache()
        defer { lock.withLock { if idle.count < 16 { idle.append(cache) } } }
        return try body(cache)
    }
}
#endif
