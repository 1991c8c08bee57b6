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
    public struct Options: Sendable, Equatable {
        public var draws: Int
        public var seed: UInt64

        public init(draws: Int = 1000, seed: UInt64 = 1) {
            self.draws = draws
            self.seed = seed
        }
    }

    let options: Options
    /// Years drawn (the longest valuation period involved).
    let years: Int
    /// Each model's deviations, by its identity.
    private var deviations: [ObjectIdentifier: Deviation] = [:]

    /// One model's per-scale-unit deviation from its risk-adjusted flow in each draw d: `value[d]`, the
    /// discounted sum over its valuation period; `cash[d * horizon + t]`, the deviation in year t + 1; and,
    /// for the current use's baseline, `cumulative[d * (years + 1) + t]`, the discounted sum over years 1…t
    /// (a conversion gives it up over its own period).
    struct Deviation {
        var value: [Double]
        var cash: [Double]
        var cumulative: [Double]
    }

    /// Draws the price paths and hazard years, one draw at a time, and keeps each model's deviations.
    /// - Parameters:
    ///   - economics: every model the household's options and plan use.
    ///   - baseline: the current use's economics, if any.
    /// - Complexity: O(draws × years × (markets² + hazards + Σ outputs)), memory O(draws × (models × horizon + years)).
    public init(options: Options, markets: MarketModel, economics: [UnitEconomics], baseline: UnitEconomics? = nil) {
        self.options = options
        var models: [UnitEconomics] = []
        for e in economics + [baseline].compactMap({ $0 }) where !models.contains(where: { $0 === e }) { models.append(e) }
        let years = min(UnitEconomics.maxYears, models.map(\.extent).max() ?? 1)
        self.years = years
        var hazardNames: [String] = []
        for e in models { for r in e.risks where !hazardNames.contains(r.hazard) { hazardNames.append(r.hazard) } }
        let n = max(0, options.draws), m = markets.ids.count, h = hazardNames.count
        // Per model: where each output's price comes from, which hazard each risk is, the discount factors.
        let marketIndex = models.map { e in e.outputMarkets.map { id in id.flatMap { markets.ids.firstIndex(of: $0) } } }
        let riskHazard = models.map { e in e.risks.map { hazardNames.firstIndex(of: $0.hazard) ?? 0 } }
        let discount = models.map { e in (1...years).map { pow(1 + e.discountRate, -Double($0)) } }
        // Each model's outputs laid out flat for the hot loop: revenue and kept share by [output][year], and
        // where each output's price factor sits in a draw's path (-1: a steady price).
        let revenueFlat = models.map { e in e.outputRevenue.flatMap { $0.prefix(years) } }
        let keptFlat = models.map { e in e.outputKept.flatMap { $0.prefix(years) } }
        let priceOffset = marketIndex.map { $0.map { $0.map { $0 * years } ?? -1 } }
        var values = models.map { _ in [Double](repeating: 0, count: n) }
        var cashes = models.map { e in [Double](repeating: 0, count: n * e.horizon) }
        var cumulatives = models.map { e in e === baseline ? [Double](repeating: 0, count: n * (years + 1)) : [] }
        // Each market is drawn for as long as a model selling on it is valued.
        var marketYears = [Int](repeating: 0, count: m)
        for (k, e) in models.enumerated() {
            for case let i? in marketIndex[k] { marketYears[i] = max(marketYears[i], min(years, e.extent)) }
        }
        let shockYears = markets.shockYears(marketYears)
        var random = RandomSource(seed: options.seed)
        var prices = [Double](repeating: 1, count: m * years), hazards = [Double](repeating: 1, count: h * years)
        var scratch = [Double](repeating: 0, count: 2 * m)
        var loss = [Double](repeating: 0, count: years), replant = loss
        for d in 0..<n {
            markets.path(years: marketYears, shocks: shockYears, stride: years, random: &random, into: &prices, scratch: &scratch)
            for i in hazards.indices { hazards[i] = random.uniform() }
            for (k, e) in models.enumerated() {
                for t in 0..<years { loss[t] = 0; replant[t] = 0 }
                for (r, risk) in e.risks.enumerated() {
                    let base = riskHazard[k][r] * years
                    for t in 0..<years where hazards[base + t] < risk.likelihood {
                        replant[t] += risk.replantPerScale
                        for j in t..<min(years, t + risk.lasts) { loss[j] += risk.loss }
                    }
                }
                // The model's arrays, taken out once per draw (not per year and output).
                let revenueOf = revenueFlat[k], keptOf = keptFlat[k], offsets = priceOffset[k], discountOf = discount[k]
                let riskShare = e.riskShare, riskCost = e.riskCost
                let horizon = e.horizon, extent = min(years, e.extent), keepAll = !cumulatives[k].isEmpty
                var sum = 0.0, value = 0.0
                cashes[k].withUnsafeMutableBufferPointer { cash in
                    cumulatives[k].withUnsafeMutableBufferPointer { cumulative in
                        for t in 0..<(keepAll ? years : extent) {
                            var kept = 0.0, revenue = 0.0, expected = 0.0
                            for o in offsets.indices {
                                let r = revenueOf[o * years + t]
                                guard r != 0 else { continue }
                                let at = offsets[o]
                                let factor = at >= 0 ? prices[at + t] : 1
                                kept += (factor - 1) * r * keptOf[o * years + t]
                                revenue += factor * r
                                expected += r
                            }
                            let dev = kept - (min(1, loss[t]) * revenue - riskShare * expected) - (replant[t] - riskCost)
                            if t < horizon { cash[d * horizon + t] = dev }
                            sum += discountOf[t] * dev
                            if keepAll { cumulative[d * (years + 1) + t + 1] = sum }
                            if t + 1 == extent { value = sum }
                        }
                    }
                }
                values[k][d] = value
            }
        }
        for (k, e) in models.enumerated() {
            deviations[ObjectIdentifier(e)] = Deviation(value: values[k], cash: cashes[k], cumulative: cumulatives[k])
        }
    }

    /// The deviations of one model, nil when the simulation did not draw for it.
    func deviation(_ e: UnitEconomics) -> Deviation? { deviations[ObjectIdentifier(e)] }

    /// The odds of a projection.
    /// - Parameters:
    ///   - members: household members, for income per member.
    ///   - otherIncome: the household's yearly income beside the projection's land, VND.
    ///   - capital: own capital (what is left after investing carries the first instalments).
    ///   - startYear: the calendar year of year 0.
    ///   - povertyLineMonth: the poverty line in a calendar year, VND per person per month.
    public func profile(_ p: Projection, members: Double, otherIncome: Double = 0, capital: Double?, startYear: Int,
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
        let term = p.loan.map { min(horizon, ($0.termMonths + 11) / 12) } ?? 0
        let cushion = max(0, (capital ?? 0) - p.investment)
        var npvs = [Double](repeating: 0, count: n), gains = npvs
        var losses = 0, missed = 0, below = 0
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
            if term > 0 {
                var buffer = cushion
                for t in 1...term {
                    buffer += p.riskAdjustedCashFlow[t]
                    for (dev, part) in parts { buffer += part.scale * dev.cash[d * horizon + t - 1] }
                    if buffer < -0.5 {
                        missed += 1
                        break
                    }
                }
            }
        }
        npvs.sort()
        gains.sort()
        func percentile(_ sorted: [Double], _ q: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[Int((q * Double(sorted.count - 1)).rounded())]
        }
        let share = { (k: Int) in n > 0 ? Double(k) / Double(n) : 0 }
        return RiskProfile(draws: n, seed: options.seed,
                           p10NPV: percentile(npvs, 0.1), p50NPV: percentile(npvs, 0.5), p90NPV: percentile(npvs, 0.9),
                           p10Gain: percentile(gains, 0.1), p50Gain: percentile(gains, 0.5), p90Gain: percentile(gains, 0.9),
                           meanNPV: n > 0 ? npvs.reduce(0, +) / Double(n) : p.riskAdjustedNPV,
                           pLoss: share(losses), pMissedInstalment: share(missed), pBelowPovertyLine: share(below),
                           povertyYear: calendarYear, povertyLineMonth: line)
    }
}
