/// Finds the best whole-farm plan for a household: up to three components — models on their own land, or
/// intercrops sharing land — chosen with their scales to maximise the risk-adjusted NPV within land and
/// money (capital plus the category's loan ceiling), hiring the labour the family lacks at the regional wage.
///
/// Exact over the rule set's scale steps: every component but the last is enumerated over its grid; given
/// them, the plan's value is concave in the last component's scale (linear, less a convex hired-labour
/// cost), so its best scale is at its minimum, its upper limit or next to the labour kink. A test holds the
/// planner to brute-force enumeration. Single options are one-component plans, so a plan is never worse
/// than the best single option.
struct Planner {
    /// A plan component as the search sees it: affine in one variable `x` (a model's scale, or the shared
    /// land of an intercrop).
    struct Item {
        var models: [Int]
        var shares: [Double]
        var intercrop: Intercrop?
        var grid: ScaleGrid
        var landPerX: Double
        var investFixed: Double, investPerX: Double
        var labourFixed: Double, labourPerX: Double
        /// Discounted value per unit of x (risk-adjusted, before financing) and the fixed part of it.
        var valuePerX: Double, valueFixed: Double
        /// The first year any of its models earns.
        var firstIncomeYear: Int?
        /// Operating cash in the poverty-check year, per unit of x and fixed.
        var cashPerX = 0.0, cashFixed = 0.0
        /// Each of its models valued past the horizon: to what year, and its labour days (fixed and per unit of x) —
        /// what the days hired after the horizon are charged on (``Valuation/residualHiredCharge(_:familyDays:)``).
        /// At most its two models, held inline: the search reads them for every scale it tries, without counting
        /// references.
        var residual = Residual(filler: (0, 0, 0))
    }

    typealias Residual = InlineList<2, (extent: Int, labourFixed: Double, labourPerX: Double)>

    /// What a plan must also meet, beyond land and money.
    struct Constraints: Sendable {
        /// Some component earns by this year.
        var firstIncomeYear: Int?
        /// In this year the plan's cash (after expected losses and hired labour) reaches `neededCash`.
        var povertyYear: Int?
        var neededCash = 0.0
    }

    let models: [FarmModel]
    /// Each model's scales for the household (starter scale and workers applied).
    let grids: [ScaleGrid]
    let economics: [UnitEconomics]
    let usable: [Bool]
    /// What keeping the current use is worth per m² over each model's valuation period.
    var baselinePerM2: [Double]
    let combinations: Combinations
    var money: ScaleSearch.Money
    /// The money of a pathway planned alone (its own loans and grants), by model index.
    var pathwayMoney: [Int: ScaleSearch.Money] = [:]
    /// The money of a plan of farm models beside work away: only loans and grants for any purpose.
    var mixedMoney: ScaleSearch.Money?
    /// The same beside a given pathway (by model index): with the working member's own loan for it
    /// (``Projection/Resources/workerProgramme(for:)``), up to its investment.
    var mixedMoneyBeside: [Int: ScaleSearch.Money] = [:]
    var landM2: Double
    let annuity: Double
    /// The most components in a plan (``bound(_:_:_:money:)`` holds three free items, ``value(_:_:_:money:)`` six models past the horizon).
    let maxComponents = 3
    var constraints = Constraints()

    /// The items a plan can use: every usable model alone, and every intercrop of two usable models.
    var items: [Item] {
        var result: [Item] = []
        for i in models.indices where usable[i] && grids[i].maximum >= grids[i].minimum {
            let e = economics[i], g = grids[i]
            let cash = e.riskAdjustedCash(inYear: constraints.povertyYear ?? 1)
            result.append(Item(models: [i], shares: [1], intercrop: nil, grid: g, landPerX: g.areaPerScale,
                               investFixed: e.investFixed, investPerX: e.investPerScale, labourFixed: e.labourFixed, labourPerX: e.labourPerScale,
                               valuePerX: e.valueRiskNet - e.investPerScale - baselinePerM2[i] * g.areaPerScale, valueFixed: -e.investFixed - e.valueFixed,
                               firstIncomeYear: e.firstRevenueYear, cashPerX: cash.perScale, cashFixed: -cash.fixed,
                               residual: residual([e], shares: [1])))
        }
        for crop in combinations.intercrops {
            let indices = crop.models.compactMap { id in models.firstIndex { $0.id == id } }
            guard indices.count == 2, indices.allSatisfy({ usable[$0] && self.grids[$0].maximum >= self.grids[$0].minimum }) else { continue }
            let shares = indices.map { crop.shares[models[$0].id] ?? 1 }
            let grids = indices.map { self.grids[$0] }
            let step = grids.map(\.step).max() ?? 100
            let low = zip(grids, shares).map { $0.minimum / $1 }.max() ?? step
            let high = zip(grids, shares).map { $0.maximum / $1 }.min() ?? step
            let minimum = (low / step).rounded(.up) * step
            guard minimum <= high else { continue }
            let es = indices.map { economics[$0] }
            func sum(_ f: (UnitEconomics, Double) -> Double) -> Double { zip(es, shares).reduce(0) { $0 + f($1.0, $1.1) } }
            result.append(Item(models: indices, shares: shares, intercrop: crop,
                               grid: ScaleGrid(minimum: minimum, maximum: high, step: step, areaPerScale: 1, isUnits: false), landPerX: 1,
                               investFixed: sum { e, _ in e.investFixed }, investPerX: sum { e, s in e.investPerScale * s },
                               labourFixed: sum { e, _ in e.labourFixed }, labourPerX: sum { e, s in e.labourPerScale * s },
                               valuePerX: sum { e, s in (e.valueRiskNet - e.investPerScale) * s } - baselinePerM2[indices.max { economics[$0].extent < economics[$1].extent }!],
                               valueFixed: sum { e, _ in -e.investFixed - e.valueFixed },
                               firstIncomeYear: es.compactMap(\.firstRevenueYear).min(),
                               cashPerX: sum { e, s in e.riskAdjustedCash(inYear: constraints.povertyYear ?? 1).perScale * s },
                               cashFixed: sum { e, _ in -e.riskAdjustedCash(inYear: constraints.povertyYear ?? 1).fixed },
                               residual: residual(es, shares: shares)))
        }
        return result
    }

    /// The models of an item valued past the horizon, with their labour per unit of the item's x.
    private func residual(_ es: [UnitEconomics], shares: [Double]) -> Residual {
        var result = Residual(filler: (0, 0, 0))
        for (e, share) in zip(es, shares) where e.extent > money.valuation.horizon { result.append((e.extent, e.labourFixed, e.labourPerScale * share)) }
        return result
    }

    /// The best choice of items and their variables, or nil when no plan has a positive value.
    ///
    /// Subsets are tried smallest first (in the order ``subsets(_:)`` lists them within a size), and each
    /// candidate replaces the best only when it is worth more than half a đồng more: so among plans of
    /// equal value the one with fewer components, then the earlier, wins. A subset, or an outer scale of
    /// it, whose upper bound (``bound(_:_:_:money:)``) cannot beat the best is skipped: the answer is the one
    /// full enumeration gives, found with a small part of the work.
    ///
    /// - Parameter prepared: the items and subsets, when a search that runs the planner on many budgets and sizes
    ///   has them from ``prepare()`` (they depend on neither).
    func best(_ prepared: Prepared? = nil) -> (items: [Item], xs: [Double], value: Double)? {
        let (all, ordered) = (prepared ?? prepare()).parts
        var best: Best?
        var xs: [Double] = []
        xs.reserveCapacity(maxComponents)
        for subset in ordered {
            if let year = constraints.firstIncomeYear, !subset.contains(where: { (all[$0].firstIncomeYear ?? .max) <= year }) { continue }
            let funds = money(all, subset)
            guard bound(all, subset, xs, money: funds) > (best?.value ?? 0) + 0.5 else { continue }
            enumerate(all, subset, &xs, money: funds, best: &best)
        }
        return best.map { b in (b.subset.map { all[$0] }, b.xs, b.value) }
    }

    /// The best choice found so far: the items `subset` of all, their variables and the plan's value.
    private typealias Best = (subset: [Int], xs: [Double], value: Double)

    /// The items and their subsets in the order ``best(_:)`` tries them: what does not change with the money
    /// or the land.
    struct Prepared {
        fileprivate let parts: (items: [Item], ordered: [[Int]])
    }

    /// The items and subsets for ``best(_:)``.
    func prepare() -> Prepared {
        let all = items
        return Prepared(parts: (all, subsets(all).enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)))
    }

    /// An upper bound of the value of any plan of the items `subset` of `all` whose first `fixed.count`
    /// variables are `fixed`: the others at least their minimum and at most their maximum, as fractions
    /// within the land and the money (each bound alone, the smaller kept), and every labour day at the
    /// family's value, the least a day costs (the true cost is convex: hired days cost more). −∞ when even
    /// the minimums do not fit.
    func bound(_ all: [Item], _ subset: [Int], _ fixed: [Double], money: ScaleSearch.Money) -> Double {
        let dayValue = money.valuation.familyDayValue * annuity
        var value = 0.0, land = 0.0, cash = 0.0
        // The free items' gains per unit and what a unit takes (at most three: no allocation).
        var gains = (0.0, 0.0, 0.0), lands = (0.0, 0.0, 0.0), cashes = (0.0, 0.0, 0.0), rooms = (0.0, 0.0, 0.0)
        var free = 0
        // Items are read field by field, never copied whole (a copy would count references to their arrays).
        for (position, index) in subset.enumerated() {
            let grid = all[index].grid, landPerX = all[index].landPerX, investPerX = all[index].investPerX
            let valuePerX = all[index].valuePerX, labourPerX = all[index].labourPerX
            let x = position < fixed.count ? fixed[position] : grid.minimum
            value += all[index].valueFixed + valuePerX * x - dayValue * (all[index].labourFixed + labourPerX * x)
            land += landPerX * x
            cash += all[index].investFixed + investPerX * x
            let gain = valuePerX - dayValue * labourPerX
            guard position >= fixed.count, gain > 0, grid.maximum > x else { continue }
            let room = grid.maximum - x
            switch free {
            case 0: (gains.0, lands.0, cashes.0, rooms.0) = (gain, landPerX, investPerX, room)
            case 1: (gains.1, lands.1, cashes.1, rooms.1) = (gain, landPerX, investPerX, room)
            default: (gains.2, lands.2, cashes.2, rooms.2) = (gain, landPerX, investPerX, room)
            }
            free += 1
        }
        let landLeft = landM2 - land
        let cashLeft = money.capital.map { $0 + money.loanCeiling - cash } ?? .infinity
        guard landLeft >= -1e-6, cashLeft >= -1e-6 else { return -.infinity }
        guard free > 0 else { return value }
        /// The most the free items add within one resource, the best value per unit of it first.
        func fill(_ capacity: Double, _ uses: (Double, Double, Double)) -> Double {
            var order = [(gains.0, uses.0, rooms.0), (gains.1, uses.1, rooms.1), (gains.2, uses.2, rooms.2)]
            order.removeLast(3 - free)
            order.sort { $0.0 * $1.1 > $1.0 * $0.1 }
            var left = max(0, capacity), total = 0.0
            for (gain, use, room) in order {
                let x = use > 0 ? min(room, left / use) : room
                total += gain * x
                left = max(0, left - use * x)
            }
            return total
        }
        return value + min(fill(landLeft, lands), fill(cashLeft, cashes))
    }

    /// Subsets of 1…maxComponents items, as indices into `all`, that use no model twice and at most one
    /// pathway (work away from the farm): a pathway takes some of the household's workers (its scale is
    /// capped to them), and farm models use the land with the days the workers left give.
    func subsets(_ all: [Item]) -> [[Int]] {
        let masks = all.map { $0.models.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) } }
        let away = all.map { $0.models.contains { models[$0].role == .pathway } }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int, used: UInt64) {
            if !current.isEmpty { result.append(current) }
            guard current.count < maxComponents else { return }
            let hasPathway = current.contains { away[$0] }
            for i in start..<all.count where used & masks[i] == 0 && !(hasPathway && away[i]) {
                current.append(i)
                extend(from: i + 1, used: used | masks[i])
                current.removeLast()
            }
        }
        extend(from: 0, used: 0)
        return result
    }

    /// Enumerates the outer items of `subset` over their grids (skipping scales whose bound cannot beat the
    /// best so far) and the last at its candidates, keeping in `best` each choice of variables that meets the
    /// conditions and is worth more than half a đồng more than it (and more than nothing).
    private func enumerate(_ all: [Item], _ subset: [Int], _ fixed: inout [Double], money: ScaleSearch.Money, best: inout Best?) {
        let index = fixed.count
        guard index < subset.count else {
            guard meets(all, subset, fixed, money: money) else { return }
            let v = value(all, subset, fixed, money: money)
            if v > 0.5, v > (best?.value ?? -.infinity) + 0.5 { best = (subset, fixed, v) }
            return
        }
        let at = subset[index], grid = all[at].grid
        var usedLand = 0.0, usedMoney = 0.0, labour = 0.0
        for (position, x) in fixed.enumerated() {
            let other = subset[position]
            usedLand += all[other].landPerX * x
            usedMoney += all[other].investFixed + all[other].investPerX * x
            labour += all[other].labourFixed + all[other].labourPerX * x
        }
        let landPerX = all[at].landPerX, investPerX = all[at].investPerX
        var limit = landPerX > 0 ? (landM2 - usedLand) / landPerX : Double.infinity
        if let capital = money.capital {
            let left = capital + money.loanCeiling - usedMoney - all[at].investFixed
            limit = min(limit, investPerX > 0 ? left / investPerX : (left >= 0 ? .infinity : -1))
        }
        guard let upper = grid.floor(limit) else { return }
        if index == subset.count - 1, constraints.povertyYear == nil {
            // At most the two ends and two scales beside each of three kinks, held inline (no array an outer scale).
            var candidates = InlineArray<8, Double>(repeating: .infinity)
            (candidates[0], candidates[1]) = (grid.minimum, upper)
            var count = 2
            func kink(days: Double, perX: Double) {
                guard perX > 0, let below = grid.floor((money.familyDays - days) / perX) else { return }
                (candidates[count], candidates[count + 1]) = (min(below, upper), min(below + grid.step, upper))
                count += 2
            }
            // The value is concave in the last x, with a kink where the labour of the years counted crosses the
            // family's days: over the horizon (every model), and in each stretch after it (the models still valued).
            kink(days: labour + all[at].labourFixed, perX: all[at].labourPerX)
            let residual = all[at].residual
            for (i, end) in residual.lazy.map(\.extent).enumerated() where !residual[..<i].contains(where: { $0.extent == end }) {
                var days = 0.0, perX = 0.0
                for (position, x) in fixed.enumerated() {
                    for r in all[subset[position]].residual where r.extent >= end { days += r.labourFixed + r.labourPerX * x }
                }
                for r in residual where r.extent >= end { (days, perX) = (days + r.labourFixed, perX + r.labourPerX) }
                kink(days: days, perX: perX)
            }
            // Each scale once, smallest first (an insertion sort of at most eight).
            for i in 1..<count {
                var j = i
                while j > 0, candidates[j - 1] > candidates[j] {
                    candidates.swapAt(j - 1, j)
                    j -= 1
                }
            }
            var last = -Double.infinity
            for i in 0..<count {
                let x = candidates[i]
                guard x >= grid.minimum, x <= upper, x != last else { continue }
                fixed.append(x)
                enumerate(all, subset, &fixed, money: money, best: &best)
                fixed.removeLast()
                last = x
            }
            return
        }
        var x = grid.minimum
        while x <= upper + 1e-9 {
            fixed.append(x)
            if bound(all, subset, fixed, money: money) > (best?.value ?? 0) + 0.5 { enumerate(all, subset, &fixed, money: money, best: &best) }
            fixed.removeLast()
            x += grid.step
        }
    }

    /// True when the plan meets the poverty-line constraint (first income is checked per subset).
    func meets(_ items: [Item], _ xs: [Double]) -> Bool { meets(items, Array(items.indices), xs, money: money(items)) }

    /// The same for the items `subset` of `all`, with their money.
    func meets(_ all: [Item], _ subset: [Int], _ xs: [Double], money: ScaleSearch.Money) -> Bool {
        guard constraints.povertyYear != nil else { return true }
        var cash = 0.0, labour = 0.0
        for (position, index) in subset.enumerated() {
            cash += all[index].cashFixed + all[index].cashPerX * xs[position]
            labour += all[index].labourFixed + all[index].labourPerX * xs[position]
        }
        return cash - money.labour(labour).hiredCost >= constraints.neededCash - 0.5
    }

    /// The money a plan of these items has: a pathway alone has its own loans and grants; farm models beside
    /// a pathway only what finances any purpose.
    func money(_ items: [Item]) -> ScaleSearch.Money { money(items, Array(items.indices)) }

    /// The same for the items `subset` of `all`.
    func money(_ all: [Item], _ subset: [Int]) -> ScaleSearch.Money {
        if subset.count == 1, all[subset[0]].models.count == 1 { return pathwayMoney[all[subset[0]].models[0]] ?? money }
        var away: Int?, farm = false
        for index in subset {
            for model in all[index].models { if models[model].role == .pathway { away = model } else { farm = true } }
        }
        guard let away, farm else { return money }
        return mixedMoneyBeside[away] ?? mixedMoney ?? money
    }

    /// The plan's risk-adjusted NPV before financing, over keeping the current use on the land it takes.
    func value(_ items: [Item], _ xs: [Double]) -> Double { value(items, Array(items.indices), xs, money: money(items)) }

    /// The same for the items `subset` of `all`, with their money.
    func value(_ all: [Item], _ subset: [Int], _ xs: [Double], money: ScaleSearch.Money) -> Double {
        var v = 0.0, labour = 0.0
        for (position, index) in subset.enumerated() {
            v += all[index].valueFixed + all[index].valuePerX * xs[position]
            labour += all[index].labourFixed + all[index].labourPerX * xs[position]
        }
        // The models valued past the horizon with their days at these scales, held inline (no array a candidate):
        // at most two models in each of ``maxComponents`` components.
        var residual = InlineList<6, (extent: Int, days: Double)>(filler: (0, 0))
        for position in subset.indices {
            for r in all[subset[position]].residual { residual.append((r.extent, r.labourFixed + r.labourPerX * xs[position])) }
        }
        return v - money.labour(labour).valued * annuity - money.residualHired(residual)
    }
}

/// A list of at most `capacity` elements held inline: what the planner reads for every choice of scales it tries,
/// without allocating or counting references. Appending past the capacity is a programming error.
struct InlineList<let capacity: Int, Element>: RandomAccessCollection {
    private var storage: InlineArray<capacity, Element>
    private(set) var endIndex = 0
    var startIndex: Int { 0 }

    /// An empty list; `filler` stands in the unused places.
    init(filler: Element) { storage = InlineArray(repeating: filler) }

    subscript(position: Int) -> Element { storage[position] }

    mutating func append(_ element: Element) {
        storage[endIndex] = element
        endIndex += 1
    }
}
