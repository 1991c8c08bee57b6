@testable import AdviseKit
import Testing

/// The allocation against brute force: on random registers of up to 10 households the exact search finds
/// the optimum; the Lagrangian method at scale stays within the budgets, never claims more than the optimum,
/// and its bound is never below it.
@Suite struct WardAllocatorTests {
    /// A random register: each household has its own means (option 0) and up to three options using two
    /// or three resources.
    static func instance(seed: UInt64, households: Int) -> WardAllocator {
        var random = RandomSource(seed: seed)
        let resources = 2 + Int(random.uniform() * 2)
        var options: [[WardAllocator.Option]] = []
        for _ in 0..<households {
            let own = (random.uniform() * 0.3).rounded(toPlaces: 2)
            var list = [WardAllocator.Option(value: own, uses: Array(repeating: 0, count: resources))]
            for _ in 0..<Int(random.uniform() * 4) {
                let uses = (0..<resources).map { _ in random.uniform() < 0.5 ? (random.uniform() * 50).rounded() : 0 }
                list.append(.init(value: min(1, own + (random.uniform() * 0.7).rounded(toPlaces: 2)), uses: uses))
            }
            options.append(list)
        }
        let budgets = (0..<resources).map { _ in (random.uniform() * 120).rounded() }
        return WardAllocator(options: options, budgets: budgets)
    }

    /// Every combination of options: the best value within the budgets.
    static func bruteForce(_ a: WardAllocator) -> Double {
        var best = -1.0
        var choice = [Int](repeating: 0, count: a.options.count)
        func go(_ h: Int) {
            if h == a.options.count {
                var used = [Double](repeating: 0, count: a.budgets.count)
                var value = 0.0
                for (i, o) in choice.enumerated() {
                    value += a.options[i][o].value
                    for k in used.indices { used[k] += a.options[i][o].uses[k] }
                }
                if zip(used, a.budgets).allSatisfy({ $0 <= $1 + 1e-6 }) { best = max(best, value) }
                return
            }
            for o in a.options[h].indices {
                choice[h] = o
                go(h + 1)
            }
            choice[h] = 0
        }
        go(0)
        return best
    }

    static func used(_ a: WardAllocator, _ choice: [Int]) -> [Double] {
        var used = [Double](repeating: 0, count: a.budgets.count)
        for (h, o) in choice.enumerated() { for k in used.indices { used[k] += a.options[h][o].uses[k] } }
        return used
    }

    @Test(arguments: 0..<120)
    func theExactSearchFindsTheOptimum(_ seed: Int) {
        let a = Self.instance(seed: UInt64(seed), households: 1 + seed % 10)
        let optimum = Self.bruteForce(a)
        let result = a.solve()
        #expect(result.exact)
        #expect(abs(result.value - optimum) < 1e-9, "seed \(seed): \(result.value) against \(optimum)")
        #expect(zip(Self.used(a, result.choice), a.budgets).allSatisfy { $0 <= $1 + 1e-6 })
    }

    @Test(arguments: 0..<60)
    func theLagrangianMethodIsFeasibleAndBoundsTheOptimum(_ seed: Int) {
        var a = Self.instance(seed: UInt64(1000 + seed), households: 4 + seed % 7)
        let optimum = Self.bruteForce(a)
        a.exactLimit = 0
        let result = a.solve()
        #expect(!result.exact)
        #expect(zip(Self.used(a, result.choice), a.budgets).allSatisfy { $0 <= $1 + 1e-6 }, "seed \(seed): within the budgets")
        #expect(result.value <= optimum + 1e-9)
        #expect(result.bound >= optimum - 1e-9, "seed \(seed): the bound \(result.bound) is below the optimum \(optimum)")
        #expect(result.value >= 0.8 * optimum, "seed \(seed): \(result.value) against \(optimum)")
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = (0..<places).reduce(1.0) { v, _ in v * 10 }
        return (self * f).rounded() / f
    }
}
