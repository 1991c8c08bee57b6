/// Chooses, for each household, one of its options (nothing from the ward, a loan from a programme's
/// capital, a livelihood-support grant, or both) to lift the most households above the poverty line in
/// expectation, within the ward's resources: a multiple-choice knapsack with one budget per resource.
///
/// - Exact on small registers: a depth-first search over households, best options first, pruned by the
///   value the remaining households could add if budgets did not bind (tested against brute force).
/// - At ward scale: Lagrangian relaxation — a price per unit of each resource, each household taking the
///   option worth most after paying for what it uses; prices follow subgradient steps. Every price vector
///   gives an upper bound on the optimum (the dual); the best feasible choice found (the relaxed choice
///   repaired to fit, then improved greedily) is reported with its gap to the best bound.
public struct WardAllocator: Sendable {
    /// One way a household can go: its value (chance of being lifted) and what it uses of each resource.
    public struct Option: Sendable, Equatable {
        public var value: Double
        public var uses: [Double]

        public init(value: Double, uses: [Double]) {
            self.value = value
            self.uses = uses
        }
    }

    /// The chosen option of each household, its total value, an upper bound on the optimum, and how.
    public struct Result: Sendable, Equatable {
        public var choice: [Int]
        public var value: Double
        /// The least upper bound proved (equal to `value` when the search was exact).
        public var bound: Double
        public var exact: Bool
        /// (bound − value) / bound, 0 when exact.
        public var gap: Double { bound > 0 ? max(0, (bound - value) / bound) : 0 }
    }

    /// Options per household; option 0 of every household uses nothing (the household's own means).
    public var options: [[Option]]
    public var budgets: [Double]
    /// Registers up to this many households with a choice to make are solved exactly.
    public var exactLimit = 22

    public init(options: [[Option]], budgets: [Double]) {
        self.options = options
        self.budgets = budgets
    }

    public func solve() -> Result {
        let choosing = options.indices.filter { options[$0].count > 1 }
        if choosing.count <= exactLimit { return exact(choosing) }
        return lagrangian()
    }

    private func value(_ choice: [Int]) -> Double {
        zip(options, choice).reduce(0) { $0 + $1.0[$1.1].value }
    }

    private func fits(_ used: [Double]) -> Bool {
        zip(used, budgets).allSatisfy { $0 <= $1 + 1e-6 }
    }

    // MARK: Exact

    private func exact(_ choosing: [Int]) -> Result {
        var choice = [Int](repeating: 0, count: options.count)
        // The most a household can add over its own means, for the bound; households with most to add first.
        let gain = options.map { o in (o.map(\.value).max() ?? 0) - (o.first?.value ?? 0) }
        let order = choosing.sorted { gain[$0] > gain[$1] }
        var rest = [Double](repeating: 0, count: order.count + 1)
        for i in stride(from: order.count - 1, through: 0, by: -1) { rest[i] = rest[i + 1] + gain[order[i]] }
        let base = value(choice)
        var best = choice, bestValue = base
        var used = [Double](repeating: 0, count: budgets.count)
        func search(_ i: Int, _ value: Double) {
            if value > bestValue + 1e-12 {
                bestValue = value
                best = choice
            }
            guard i < order.count, value + rest[i] > bestValue + 1e-12 else { return }
            let h = order[i], own = options[h][0].value
            let ranked = options[h].indices.dropFirst().sorted { options[h][$0].value > options[h][$1].value }
            for o in ranked where options[h][o].value > own {
                let option = options[h][o]
                var next = used
                for r in next.indices { next[r] += option.uses[r] }
                guard fits(next) else { continue }
                let saved = used
                used = next
                choice[h] = o
                search(i + 1, value - own + option.value)
                choice[h] = 0
                used = saved
            }
            search(i + 1, value)
        }
        search(0, base)
        return Result(choice: best, value: bestValue, bound: bestValue, exact: true)
    }

    // MARK: Lagrangian

    private func lagrangian() -> Result {
        let r = budgets.count
        var prices = [Double](repeating: 0, count: r)
        var bestBound = Double.infinity
        var best = improve([Int](repeating: 0, count: options.count)), bestValue = value(best)
        // A step scaled to the values and budgets: a chance (≤ 1) against a budget in VND.
        let scale = budgets.map { $0 > 0 ? 1 / $0 : 0 }
        var step = 2.0
        for iteration in 0..<200 {
            var choice = [Int](repeating: 0, count: options.count)
            var used = [Double](repeating: 0, count: r)
            var dual = zip(prices, budgets).reduce(0) { $0 + $1.0 * $1.1 }
            for (h, list) in options.enumerated() {
                var pick = 0, worth = -Double.infinity
                for (o, option) in list.enumerated() {
                    let w = option.value - zip(prices, option.uses).reduce(0) { $0 + $1.0 * $1.1 }
                    if w > worth + 1e-15 { (pick, worth) = (o, w) }
                }
                choice[h] = pick
                dual += worth
                for k in 0..<r { used[k] += list[pick].uses[k] }
            }
            bestBound = min(bestBound, dual)
            let feasible = repair(choice)
            let v = value(feasible)
            if v > bestValue {
                bestValue = v
                best = feasible
            }
            // Subgradient: raise the price of an over-used resource, lower an idle one's (not below 0).
            let excess = (0..<r).map { (used[$0] - budgets[$0]) * scale[$0] }
            let norm = excess.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-18 { break }
            let t = step * max(1e-9, dual - bestValue) / norm
            for k in 0..<r { prices[k] = max(0, prices[k] + t * excess[k] * scale[k]) }
            if iteration % 20 == 19 { step /= 2 }
        }
        let improved = improve(best)
        if value(improved) > bestValue {
            best = improved
            bestValue = value(improved)
        }
        return Result(choice: best, value: bestValue, bound: max(bestValue, bestBound), exact: false)
    }

    /// How much of the budgets an option takes, as a sum of shares (a resource with no budget counts as
    /// infinite when used).
    private func share(_ option: Option) -> Double {
        zip(option.uses, budgets).reduce(0) { $0 + ($1.1 > 0 ? $1.0 / $1.1 : ($1.0 > 0 ? .infinity : 0)) }
    }

    /// A choice made to fit: households holding an over-used resource go back to their own means, the least
    /// value per share of the budgets first. O(n log n).
    func repair(_ start: [Int]) -> [Int] {
        var choice = start
        var used = [Double](repeating: 0, count: budgets.count)
        for (h, o) in choice.enumerated() { for k in used.indices { used[k] += options[h][o].uses[k] } }
        guard !fits(used) else { return choice }
        let ratio = { (h: Int) -> Double in
            let o = self.options[h][choice[h]]
            return (o.value - self.options[h][0].value) / max(1e-12, self.share(o))
        }
        for h in choice.indices.filter({ choice[$0] != 0 }).sorted(by: { ratio($0) < ratio($1) }) {
            guard !fits(used) else { break }
            let option = options[h][choice[h]]
            guard budgets.indices.contains(where: { used[$0] > budgets[$0] + 1e-6 && option.uses[$0] > 0 }) else { continue }
            for k in used.indices { used[k] -= option.uses[k] }
            choice[h] = 0
        }
        return choice
    }

    /// Raises households while the budgets allow: every upgrade, best value per share of the budgets first,
    /// taken when it still fits and still improves on the household's option by then.
    func improve(_ start: [Int]) -> [Int] {
        var choice = start
        var used = [Double](repeating: 0, count: budgets.count)
        for (h, o) in choice.enumerated() { for k in used.indices { used[k] += options[h][o].uses[k] } }
        var moves: [(h: Int, o: Int, ratio: Double)] = []
        for (h, list) in options.enumerated() {
            for (o, option) in list.enumerated() where option.value > list[0].value + 1e-12 {
                moves.append((h, o, (option.value - list[0].value) / max(1e-12, share(option))))
            }
        }
        moves.sort { $0.ratio > $1.ratio || ($0.ratio == $1.ratio && ($0.h, $0.o) < ($1.h, $1.o)) }
        for move in moves {
            let current = options[move.h][choice[move.h]], option = options[move.h][move.o]
            guard option.value > current.value + 1e-12 else { continue }
            var next = used
            for k in next.indices { next[k] += option.uses[k] - current.uses[k] }
            guard fits(next) else { continue }
            used = next
            choice[move.h] = move.o
        }
        return choice
    }
}
