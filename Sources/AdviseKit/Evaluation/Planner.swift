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
    }

    /// What a plan must also meet, beyond land and money.
    struct Constraints: Sendable {
        /// Some component earns by this year.
        var firstIncomeYear: Int?
        /// In this year the plan's cash (after expected losses and hired labour) reaches `neededCash`.
        var povertyYear: Int?
        var neededCash = 0.0
    }

    let models: [FarmModel]
    let economics: [UnitEconomics]
    let usable: [Bool]
    /// What keeping the current use is worth per m² over each model's valuation period.
    var baselinePerM2: [Double]
    let combinations: Combinations
    let money: ScaleSearch.Money
    /// The money of a pathway planned alone (its own loans and grants), by model index.
    var pathwayMoney: [Int: ScaleSearch.Money] = [:]
    let landM2: Double
    let annuity: Double
    /// The most components in a plan.
    var maxComponents = 3
    var constraints = Constraints()

    /// The items a plan can use: every usable model alone, and every intercrop of two usable models.
    var items: [Item] {
        var result: [Item] = []
        for i in models.indices where usable[i] {
            let e = economics[i], g = ScaleGrid(models[i].scale)
            let cash = e.riskAdjustedCash(inYear: constraints.povertyYear ?? 1)
            result.append(Item(models: [i], shares: [1], intercrop: nil, grid: g, landPerX: g.areaPerScale,
                               investFixed: e.investFixed, investPerX: e.investPerScale, labourFixed: e.labourFixed, labourPerX: e.labourPerScale,
                               valuePerX: e.valueRiskNet - e.investPerScale - baselinePerM2[i] * g.areaPerScale, valueFixed: -e.investFixed - e.valueFixed,
                               firstIncomeYear: e.firstRevenueYear, cashPerX: cash.perScale, cashFixed: -cash.fixed))
        }
        for crop in combinations.intercrops {
            let indices = crop.models.compactMap { id in models.firstIndex { $0.id == id } }
            guard indices.count == 2, indices.allSatisfy({ usable[$0] }) else { continue }
            let shares = indices.map { crop.shares[models[$0].id] ?? 1 }
            let grids = indices.map { ScaleGrid(models[$0].scale) }
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
                               cashFixed: sum { e, _ in -e.riskAdjustedCash(inYear: constraints.povertyYear ?? 1).fixed }))
        }
        return result
    }

    /// The best choice of items and their variables, or nil when no plan has a positive value.
    func best() -> (items: [Item], xs: [Double], value: Double)? {
        let all = items
        var best: (items: [Item], xs: [Double], value: Double)?
        func consider(_ chosen: [Item], _ xs: [Double]) {
            guard meets(chosen, xs) else { return }
            let v = value(chosen, xs)
            guard v > 0.5 else { return }
            if let b = best, v <= b.value + 0.5 { return }
            best = (chosen, xs, v)
        }
        for subset in subsets(all) {
            if let year = constraints.firstIncomeYear, !subset.contains(where: { ($0.firstIncomeYear ?? .max) <= year }) { continue }
            enumerate(subset, fixed: [], money: money(subset), consider)
        }
        return best
    }

    /// Subsets of 1…maxComponents items that use no model twice; a pathway (work away from the farm) is a
    /// plan on its own: its worker and its own loan do not mix with farm models.
    func subsets(_ all: [Item]) -> [[Item]] {
        var result: [[Item]] = []
        let alone = { (item: Item) in item.models.contains { models[$0].role == .pathway } }
        func extend(_ current: [Item], from start: Int) {
            if !current.isEmpty { result.append(current) }
            guard current.count < maxComponents, !current.contains(where: alone) else { return }
            for i in start..<all.count {
                let used = Set(current.flatMap(\.models))
                guard used.isDisjoint(with: all[i].models), current.isEmpty || !alone(all[i]) else { continue }
                extend(current + [all[i]], from: i + 1)
            }
        }
        extend([], from: 0)
        return result
    }

    /// Enumerates the outer items over their grids, and the last at its candidates.
    private func enumerate(_ items: [Item], fixed: [Double], money: ScaleSearch.Money, _ body: ([Item], [Double]) -> Void) {
        guard fixed.count < items.count else { return body(items, fixed) }
        let index = fixed.count
        let item = items[index]
        let usedLand = zip(items, fixed).reduce(0) { $0 + $1.0.landPerX * $1.1 }
        let usedMoney = zip(items, fixed).reduce(0) { $0 + $1.0.investFixed + $1.0.investPerX * $1.1 }
        var limit = item.landPerX > 0 ? (landM2 - usedLand) / item.landPerX : Double.infinity
        if let capital = money.capital {
            let left = capital + money.loanCeiling - usedMoney - item.investFixed
            limit = min(limit, item.investPerX > 0 ? left / item.investPerX : (left >= 0 ? .infinity : -1))
        }
        guard let upper = item.grid.floor(limit) else { return }
        if index == items.count - 1, constraints.povertyYear == nil {
            var candidates = [item.grid.minimum, upper]
            if item.labourPerX > 0 {
                let labour = zip(items, fixed).reduce(0) { $0 + $1.0.labourFixed + $1.0.labourPerX * $1.1 } + item.labourFixed
                if let below = item.grid.floor((money.familyDays - labour) / item.labourPerX) {
                    candidates += [min(below, upper), min(below + item.grid.step, upper)]
                }
            }
            candidates.sort()
            var last = -Double.infinity
            for x in candidates where x >= item.grid.minimum && x <= upper && x != last {
                body(items, fixed + [x])
                last = x
            }
            return
        }
        var x = item.grid.minimum
        while x <= upper + 1e-9 {
            enumerate(items, fixed: fixed + [x], money: money, body)
            x += item.grid.step
        }
    }

    /// True when the plan meets the poverty-line constraint (first income is checked per subset).
    func meets(_ items: [Item], _ xs: [Double]) -> Bool {
        guard constraints.povertyYear != nil else { return true }
        var cash = 0.0, labour = 0.0
        for (item, x) in zip(items, xs) {
            cash += item.cashFixed + item.cashPerX * x
            labour += item.labourFixed + item.labourPerX * x
        }
        return cash - money(items).labour(labour).hiredCost >= constraints.neededCash - 0.5
    }

    /// The money a plan of these items has: a pathway alone has its own loans and grants.
    func money(_ items: [Item]) -> ScaleSearch.Money {
        items.count == 1 && items[0].models.count == 1 ? pathwayMoney[items[0].models[0]] ?? money : money
    }

    /// The plan's risk-adjusted NPV before financing, over keeping the current use on the land it takes.
    func value(_ items: [Item], _ xs: [Double]) -> Double {
        var v = 0.0, labour = 0.0
        for (item, x) in zip(items, xs) {
            v += item.valueFixed + item.valuePerX * x
            labour += item.labourFixed + item.labourPerX * x
        }
        return v - money(items).labour(labour).valued * annuity
    }
}
