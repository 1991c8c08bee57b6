import Foundation

/// The odds: a seeded Monte Carlo simulation of an option's or a plan's money over price paths and
/// hazard years.
///
/// Each draw has one price path per market (``MarketModel``: log-normal, mean-reverting, correlated) and,
/// per hazard name and year, one uniform number: a hazard of likelihood p strikes in the years where it is
/// below p, so one flood hits every model on the farm, and a worse flood (lower p) only strikes when a
/// milder one does. A hazard that kills trees takes `lasts` years of revenue and costs its replanting.
///
/// The draws are shared by every option and the plan of a household (common random numbers: options
/// differ by what they are, not by luck), and a model's deviation from its expected cash flow is computed
/// once per draw and scaled: every flow is affine in the scale, so each option and plan costs O(draws).
/// Same input and seed, same output, on any machine.
public struct RiskSimulation {
    /// How many draws, from which seed.
    public struct Options: Sendable, Hashable {
        public var draws: Int
        public var seed: UInt64

        public init(draws: Int = 1000, seed: UInt64 = 1) {
            self.draws = draws
            self.seed = seed
        }
    }

    let options: Options
    /// Years drawn (the bank's).
    let years: Int
    /// Each model's deviations, by its identity.
    private var deviations: [ObjectIdentifier: Deviation] = [:]

    /// One model's per-scale-unit deviation from its risk-adjusted flow in each draw d: `value[d]`, the
    /// discounted sum over its valuation period; `cash[d * horizon + t]`, the deviation in year t + 1; and,
    /// for the current use's baseline, `cumulative[d * (years + 1) + t]`, the discounted sum over years 1…t
    /// (a conversion gives it up over its own period).
    public struct Deviation: Sendable {
        var value: [Double]
        var cash: [Double]
        var cumulative: [Double]
    }

    /// The simulation of a household's models over the bank's draws.
    /// - Parameters:
    ///   - economics: every model the household's options and plan use.
    ///   - baseline: the current use's economics, if any.
    ///   - deviation: a model's deviations (``deviation(of:cumulative:bank:)``, or remembered ones).
    public init(bank: DrawBank, economics: [UnitEconomics], baseline: UnitEconomics? = nil,
                deviation: (UnitEconomics, Bool) -> Deviation? = { _, _ in nil }) {
        options = bank.options
        years = bank.years
        for e in economics + [baseline].compactMap({ $0 }) where deviations[ObjectIdentifier(e)] == nil {
            let cumulative = e === baseline
            deviations[ObjectIdentifier(e)] = deviation(e, cumulative) ?? Self.deviation(of: e, cumulative: cumulative, bank: bank)
        }
    }

    /// The simulation with its own bank, drawn for the markets and the hazards of the given models (as the
    /// evaluator does for a rule set; for tests and tools).
    public init(options: Options, markets: MarketModel, economics: [UnitEconomics], baseline: UnitEconomics? = nil) {
        var hazards: [String] = []
        for e in economics + [baseline].compactMap({ $0 }) { for r in e.risks where !hazards.contains(r.hazard) { hazards.append(r.hazard) } }
        let years = min(UnitEconomics.maxYears, (economics + [baseline].compactMap { $0 }).map(\.extent).max() ?? 1)
        self.init(bank: DrawBank(options: options, markets: markets, hazards: hazards, years: years), economics: economics, baseline: baseline)
    }

    /// One model's deviations over every draw of the bank (`cumulative` for the current use's baseline).
    /// - Complexity: O(draws × years × (outputs + risks)).
    public static func deviation(of e: UnitEconomics, cumulative keepAll: Bool, bank: DrawBank) -> Deviation {
        let n = max(0, bank.options.draws), years = bank.years, m = bank.markets.count, h = bank.hazards.count
        let horizon = e.horizon, extent = min(years, e.extent)
        // Where each output's price sits in a draw's paths (-1: a steady price), each risk's hazard, the
        // discount factors, and the outputs laid out flat for the hot loop.
        let offsets = e.outputMarkets.map { id in id.flatMap { bank.markets.firstIndex(of: $0) }.map { $0 * years } ?? -1 }
        let riskHazard = e.risks.map { bank.hazards.firstIndex(of: $0.hazard) }
        let discountOf = (1...years).map { pow(1 + e.discountRate, -Double($0)) }
        let revenueOf = e.outputRevenue.flatMap { $0.prefix(years) }, keptOf = e.outputKept.flatMap { $0.prefix(years) }
        let share = e.hazards.lossShare, replantCost = e.hazards.replant
        var value = [Double](repeating: 0, count: n), cash = [Double](repeating: 0, count: n * horizon)
        var cumulative = keepAll ? [Double](repeating: 0, count: n * (years + 1)) : []
        var loss = [Double](repeating: 0, count: years), replant = loss
        let last = keepAll ? years : extent
        bank.prices.withUnsafeBufferPointer { prices in
            bank.hazardDraws.withUnsafeBufferPointer { hazards in
                for d in 0..<n {
                    for t in 0..<years { loss[t] = 0; replant[t] = 0 }
                    for (r, risk) in e.risks.enumerated() {
                        guard let hazard = riskHazard[r] else { continue }
                        let base = (d * h + hazard) * years
                        for t in 0..<years where hazards[base + t] < risk.likelihood && risk.strikes(inYear: t + 1) {
                            replant[t] += risk.replantPerScale
                            for j in t..<min(years, t + risk.lasts) { loss[j] += risk.loss }
                        }
                    }
                    let path = d * m * years
                    var sum = 0.0
                    for t in 0..<last {
                        var kept = 0.0, revenue = 0.0, expected = 0.0
                        for o in offsets.indices {
                            let r = revenueOf[o * years + t]
                            guard r != 0 else { continue }
                            let at = offsets[o]
                            let factor = at >= 0 ? prices[path + at + t] : 1
                            kept += (factor - 1) * r * keptOf[o * years + t]
                            revenue += factor * r
                            expected += r
                        }
                        let dev = kept - (min(1, loss[t]) * revenue - share[t] * expected) - (replant[t] - replantCost[t])
                        if t < horizon { cash[d * horizon + t] = dev }
                        sum += discountOf[t] * dev
                        if keepAll { cumulative[d * (years + 1) + t + 1] = sum }
                        if t + 1 == extent { value[d] = sum }
                    }
                }
            }
        }
        return Deviation(value: value, cash: cash, cumulative: cumulative)
    }

    /// The deviations of one model, nil when the simulation did not draw for it.
    func deviation(_ e: UnitEconomics) -> Deviation? { deviations[ObjectIdentifier(e)] }

    /// The odds of a projection.
    /// - Parameters:
    ///   - members: household members, for income per member.
    ///   - otherIncome: the household's yearly income beside the projection's land, VND.
    ///   - budget: what the household pays instalments from beside the projection's cash.
    ///   - startYear: the calendar year of year 0.
    ///   - povertyLineMonth: the poverty line in a calendar year, VND per person per month.
    public func profile(_ p: Projection, members: Double, otherIncome: Double = 0, budget: InstalmentBudget, startYear: Int,
                        povertyLineMonth: (Int) -> Double) -> RiskProfile {
        let n = max(0, options.draws), years = self.years
        let horizon = p.riskAdjustedCashFlow.count - 1
        // A model the simulation did not draw for counts at its expected flow (no deviation).
        let parts = p.parts.compactMap { part in deviation(part.economics).map { ($0, part) } }
        let baselines = p.parts.compactMap { part in part.baseline.flatMap(deviation).map { ($0, part) } }
        let matureYear = min(horizon, p.parts.map(\.economics.matureYear).max() ?? 1)
        let calendarYear = startYear + matureYear
        let line = povertyLineMonth(calendarYear)
        let hired = p.labour.hiredCost
        let income = p.parts.reduce(0) { $0 + $1.economics.riskAdjustedIncome(inYear: matureYear, at: $1.scale) } - hired + otherIncome
        var npvs = [Double](repeating: 0, count: n), gains = npvs
        var losses = 0, below = 0
        for d in 0..<n {
            var npv = p.riskAdjustedNPV, baseline = p.baselineNPV
            for (dev, part) in parts { npv += part.scale * dev.value[d] }
            for (dev, part) in baselines {
                baseline += part.baselineAreaM2 * dev.cumulative[d * (years + 1) + min(years, part.baselineYears)]
            }
            npvs[d] = npv
            gains[d] = npv - baseline
            if gains[d] < 0 { losses += 1 }
            var yearIncome = income
            for (dev, part) in parts { yearIncome += part.scale * dev.cash[d * horizon + matureYear - 1] }
            if yearIncome / max(1, members) / 12 < line { below += 1 }
        }
        let mean = n > 0 ? npvs.reduce(0, +) / Double(n) : p.riskAdjustedNPV
        let npv = Self.percentiles(&npvs, [0.1, 0.5, 0.9]), gain = Self.percentiles(&gains, [0.1, 0.5, 0.9])
        let share = { (k: Int) in n > 0 ? Double(k) / Double(n) : 0 }
        return RiskProfile(draws: n, seed: options.seed,
                           p10NPV: npv[0], p50NPV: npv[1], p90NPV: npv[2],
                           p10Gain: gain[0], p50Gain: gain[1], p90Gain: gain[2],
                           meanNPV: mean,
                           pLoss: share(losses), pMissedInstalment: missedInstalmentShare(p, budget: budget), pBelowPovertyLine: share(below),
                           povertyYear: calendarYear, povertyLineMonth: line)
    }

    /// The share of the draws in which, in some year of the loan's term, the household cannot pay an
    /// instalment: its cash — what is left of its capital, then each year the projection's own cash after
    /// hired labour and the instalment, in that draw, and what is spare beside it (``InstalmentBudget``) —
    /// falls below zero. 0 without a loan.
    /// - Parameter above: stop counting once the share is surely above this (a constraint needs no more).
    /// - Complexity: O(draws × term × parts).
    public func missedInstalmentShare(_ p: Projection, budget: InstalmentBudget, above: Double = 1) -> Double {
        Self.missedInstalmentShare(p, budget: budget, draws: options.draws, above: above) { deviation($0)?.cash }
    }

    /// ``missedInstalmentShare(_:budget:above:)`` over `draws` draws, each part's yearly cash deviations given
    /// by `cash` (a model without them counts at its expected flow).
    static func missedInstalmentShare(_ p: Projection, budget: InstalmentBudget, draws: Int, above: Double,
                                      cash: (UnitEconomics) -> [Double]?) -> Double {
        let n = max(0, draws)
        let horizon = p.riskAdjustedCashFlow.count - 1
        let loans = p.financing.schedules
        guard !loans.isEmpty, n > 0, horizon > 0 else { return 0 }
        let term = min(horizon, loans.map(\.years).max() ?? 1)
        let parts = p.parts.compactMap { part in cash(part.economics).map { ($0, part.scale) } }
        // The expected cash of each year, with what is spare beside it, is the same in every draw.
        var expected: [Double] = []
        expected.reserveCapacity(term)
        for t in 1...term { expected.append(p.riskAdjustedCashFlow[t] + budget.spare(inYear: t)) }
        var missed = 0
        let enough = Int((above * Double(n)).rounded(.down)) + 1
        // Draw by draw, without a buffer: each part's deviations of a draw are contiguous (year by year).
        func count(_ deviation: (Int, Int) -> Double) {
            var d = 0
            while d < n, missed < enough {
                var cash = budget.cushion
                for t in 0..<term {
                    cash += expected[t] + deviation(d, t)
                    if cash < -0.5 {
                        missed += 1
                        break
                    }
                }
                d += 1
            }
        }
        switch parts.count {
        case 0: count { _, _ in 0 }
        case 1:
            let (a, sa) = parts[0]
            a.withUnsafeBufferPointer { a in count { d, t in sa * a[d * horizon + t] } }
        case 2:
            let (a, sa) = parts[0], (b, sb) = parts[1]
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in
                count { d, t in sa * a[d * horizon + t] + sb * b[d * horizon + t] }
            } }
        default:
            count { d, t in parts.reduce(0) { $0 + $1.1 * $1.0[d * horizon + t] } }
        }
        return Double(missed) / Double(n)
    }

    /// The values at quantiles `qs` (ascending) of `values`: the element at rank round(q · (n − 1)) of the
    /// sorted values, found by selection in O(n) instead of a sort (the array is reordered). 0 when empty.
    static func percentiles(_ values: inout [Double], _ qs: [Double]) -> [Double] {
        guard !values.isEmpty else { return qs.map { _ in 0 } }
        var low = 0
        return qs.map { q in
            let rank = Int((q * Double(values.count - 1)).rounded())
            select(&values, rank, from: low, to: values.count - 1)
            low = rank
            return values[rank]
        }
    }

    /// Puts the element of rank `k` at index k, the smaller ones before it and the larger after, within
    /// `values[low...high]` (quickselect with a median-of-three pivot).
    private static func select(_ values: inout [Double], _ k: Int, from low: Int, to high: Int) {
        var (lo, hi) = (low, high)
        values.withUnsafeMutableBufferPointer { v in
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if v[mid] < v[lo] { v.swapAt(mid, lo) }
                if v[hi] < v[lo] { v.swapAt(hi, lo) }
                if v[hi] < v[mid] { v.swapAt(hi, mid) }
                let pivot = v[mid]
                var (i, j) = (lo, hi)
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while pivot < v[j] { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return }
            }
        }
    }
}
