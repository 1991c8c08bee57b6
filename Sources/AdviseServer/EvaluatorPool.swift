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
    /// Counts the evaluators made: a cache taken under an earlier one holds economics of another year 0 (its
    /// expected prices start elsewhere) and is not kept.
    private var generation = 0

    init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// The evaluator whose year 0 is `year` (made anew when the year turns), and its generation.
    private func latest(year: Int?) -> (evaluator: Evaluator, generation: Int) {
        lock.withLock {
            if let current, current.year == year { return (current.evaluator, generation) }
            let evaluator = Evaluator(ruleSet: ruleSet, year: year)
            current = (year, evaluator)
            idle.removeAll()
            generation += 1
            return (evaluator, generation)
        }
    }

    /// The evaluator whose year 0 is `year`.
    func evaluator(year: Int?) -> Evaluator { latest(year: year).evaluator }

    /// Runs `body` with the evaluator of `year` and a cache no other request is using, made under that evaluator.
    func withCache<T>(year: Int?, _ body: (Evaluator, EvaluationCache) throws -> T) rethrows -> T {
        let (evaluator, made) = latest(year: year)
        let cache = lock.withLock { generation == made ? idle.popLast() : nil } ?? EvaluationCache()
        defer { lock.withLock { if generation == made, idle.count < 16 { idle.append(cache) } } }
        return try body(evaluator, cache)
    }
}
#endif
