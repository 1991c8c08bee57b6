/// A model's money per unit of scale for one rule outcome, year by year: revenue and net operating income
/// per m² (or per unit) at each price, fixed yearly costs, the investment and labour lines, and the expected
/// hazard-loss share.
///
/// Every flow is affine in the scale (hired labour aside), so the NPV at any scale is a closed form of a
/// few precomputed sums: the scale search tries candidates in O(1) each, and the value can be cached per
/// rule outcome — households with the same outcome share it.
///
/// A class, immutable after it is made, so that the evaluator passes it around without copying its arrays.
public final class UnitEconomics: Sendable {
    /// Years after the investment year.
    public let horizon: Int
    /// Investment items that apply (the investment factor applied), mitigations last.
    public let items: [CostItem]
    public let investFixed: Double
    public let investPerScale: Double
    public let labourFixed: Double
    public let labourPerScale: Double
    /// Expected share of revenue lost to hazards each year.
    public let riskShare: Double
    /// Share of revenue lost in a bad year, when every hazard the rules expect strikes (at most all of it).
    public let badYearLoss: Double
    /// The year from which yields are mature (the longest ramp-up), within the horizon.
    public let matureYear: Int
    /// Revenue per scale unit, by price scenario (`PriceScenario.allCases` order) and year 1…horizon.
    let revenue: [[Double]]
    /// Revenue less revenue shares and per-scale costs, per scale unit, same layout.
    let net: [[Double]]
    /// Fixed operating costs by year 1…horizon.
    let fixedCost: [Double]
    /// Per-scale costs that do not move with the price (per-scale operating costs), base scenario, by year.
    let perScaleCost: [Double]
    let discountRate: Double
    /// Discounted sums for the closed-form NPV: Σ dₜ·net (base), Σ dₜ·(net − risk·revenue) (base), Σ dₜ·fixed, Σ dₜ.
    let valueNet: Double, valueRiskNet: Double, valueFixed: Double, annuity: Double
    /// Means over the mature years at base price: net and revenue per scale unit, and fixed costs.
    let matureNet: Double, matureRevenue: Double, matureFixed: Double
    /// The first year with revenue, nil when none within the horizon.
    public let firstRevenueYear: Int?

    /// Precomputes the model's economics for one rule outcome.
    /// - Complexity: O(scenarios × horizon × (outputs + costs)).
    public init(model: FarmModel, outcome: RuleOutcome, horizon: Int, discountRate: Double) {
        let adj = outcome.adjustment
        let factor = adj?.investment ?? 1
        var items: [CostItem] = []
        for (item, included) in zip(model.investment, outcome.includedItems) where included {
            var scaled = item
            scaled.fixed *= factor
            scaled.perScale *= factor
            items.append(scaled)
        }
        items += outcome.mitigations
        self.items = items
        investFixed = items.reduce(0) { $0 + $1.fixed }
        investPerScale = items.reduce(0) { $0 + $1.perScale }
        labourFixed = model.labour.fixedDays
        labourPerScale = model.labour.perScaleDays
        riskShare = outcome.risks.reduce(0) { $0 + $1.expectedLoss }
        badYearLoss = min(1, outcome.risks.reduce(0) { $0 + $1.loss })
        self.horizon = horizon
        self.discountRate = discountRate
        matureYear = min(horizon, model.outputs.map { (adj?.yieldCurve ?? $0.curve).count }.max() ?? 1)

        let costs = zip(model.operatingCosts, outcome.includedCosts).filter(\.1).map(\.0)
        let yieldFactor = adj?.yield ?? 1, priceFactor = adj?.price ?? 1, costFactor = adj?.operatingCost ?? 1
        var revenue: [[Double]] = [], net: [[Double]] = []
        var perScaleCosts = [Double](repeating: 0, count: horizon)
        var fixed = [Double](repeating: 0, count: horizon)
        for scenario in PriceScenario.allCases {
            var rev = [Double](repeating: 0, count: horizon), out = rev
            for year in 1...horizon {
                var total = 0.0
                var byOutput: [(String, Double)] = []
                for output in model.outputs {
                    let curve = adj?.yieldCurve ?? output.curve
                    var premium = 0.0
                    for p in output.premiums where p.applies(inYear: year) { premium += p.fraction }
                    let r = output.yieldPerScale.value * yieldFactor * Output.fraction(curve, year: year)
                        * output.price.price(scenario) * priceFactor * (1 + premium)
                    byOutput.append((output.id, r))
                    total += r
                }
                var cost = 0.0, fixedCost = 0.0, perScale = 0.0
                for c in costs where c.applies(inYear: year) {
                    let base = c.output.map { id in byOutput.first { $0.0 == id }?.1 ?? 0 } ?? total
                    cost += c.perScalePerYear * costFactor + c.shareOfRevenue * base
                    perScale += c.perScalePerYear * costFactor
                    fixedCost += c.fixedPerYear * costFactor
                }
                if scenario == .base { perScaleCosts[year - 1] = perScale }
                rev[year - 1] = total
                out[year - 1] = total - cost
                fixed[year - 1] = fixedCost
            }
            revenue.append(rev)
            net.append(out)
        }
        self.revenue = revenue
        self.net = net
        perScaleCost = perScaleCosts
        fixedCost = fixed
        var d = 1.0, vn = 0.0, vr = 0.0, vf = 0.0, a = 0.0
        let base = PriceScenario.base.index
        for t in 0..<horizon {
            d /= 1 + discountRate
            vn += d * net[base][t]
            vr += d * (net[base][t] - riskShare * revenue[base][t])
            vf += d * fixed[t]
            a += d
        }
        (valueNet, valueRiskNet, valueFixed, annuity) = (vn, vr, vf, a)
        let mature = (matureYear - 1)..<horizon
        let years = Double(mature.count)
        matureNet = net[base][mature].reduce(0, +) / years
        matureRevenue = revenue[base][mature].reduce(0, +) / years
        matureFixed = fixed[mature].reduce(0, +) / years
        firstRevenueYear = revenue[base].firstIndex { $0 > 0 }.map { $0 + 1 }
    }

    /// Average yearly net operating income from maturity to the horizon, base price, before financing.
    public func annualNetIncome(at scale: Double, hiredCost: Double) -> Double {
        scale * matureNet - matureFixed - hiredCost
    }

    /// The same after expected hazard losses.
    public func riskAdjustedIncome(at scale: Double, hiredCost: Double) -> Double {
        scale * (matureNet - riskShare * matureRevenue) - matureFixed - hiredCost
    }

    /// Operating cash in one year (1…horizon) at base price after expected losses, before financing and
    /// hired labour: a part per scale unit and a fixed part.
    public func riskAdjustedCash(inYear year: Int) -> (perScale: Double, fixed: Double) {
        let t = min(max(year, 1), horizon) - 1, b = PriceScenario.base.index
        return (net[b][t] - riskShare * revenue[b][t], fixedCost[t])
    }

    /// Average yearly income at maturity at one price scenario, after expected hazard losses, before financing.
    public func riskAdjustedIncome(at scale: Double, hiredCost: Double, scenario: PriceScenario) -> Double {
        let mature = (matureYear - 1)..<horizon
        let s = scenario.index
        let margin = mature.reduce(0) { $0 + net[s][$1] - riskShare * revenue[s][$1] } / Double(mature.count)
        return scale * margin - matureFixed - hiredCost
    }

    /// The project's yearly operating cash (years 1…horizon, before financing and hired labour) with the
    /// base price moved by `priceFactor` (revenue and revenue-linked costs move, per-scale and fixed costs
    /// do not), after expected hazard losses — except in `badYear`, when every expected hazard strikes at
    /// once and its full loss replaces the expectation.
    public func operatingCash(at scale: Double, priceFactor: Double, badYear: Int?) -> [Double] {
        let b = PriceScenario.base.index
        return (0..<horizon).map { t in
            let margin = net[b][t] + perScaleCost[t]
            var cash = scale * (priceFactor * margin - perScaleCost[t]) - fixedCost[t]
            cash -= (t + 1 == badYear ? badYearLoss : riskShare) * scale * priceFactor * revenue[b][t]
            return cash
        }
    }

    /// The household's cash flow, years 0…horizon: the investment less the loan, then each year's net
    /// operating income less hired labour and loan repayments (and expected hazard losses, when asked).
    public func householdFlow(at scale: Double, hiredCost: Double, loan: LoanSchedule?, scenario: PriceScenario, riskAdjusted: Bool) -> [Double] {
        let payments = loan?.payments(horizon: horizon)
        let s = scenario.index
        var flow = [Double](repeating: 0, count: horizon + 1)
        flow[0] = -investment(at: scale) + (loan?.amount ?? 0)
        for t in 0..<horizon {
            var cash = scale * net[s][t] - fixedCost[t] - hiredCost
            if let payments { cash -= payments[t].interest + payments[t].principal }
            if riskAdjusted { cash -= riskShare * scale * revenue[s][t] }
            flow[t + 1] = cash
        }
        return flow
    }

    /// Investment at a scale.
    public func investment(at scale: Double) -> Double { investFixed + investPerScale * scale }

    /// Person-days a year at a scale.
    public func labour(at scale: Double) -> Double { labourFixed + labourPerScale * scale }

    /// NPV before financing at base price, at a scale, with a yearly hired-labour cost.
    public func npv(at scale: Double, hiredCost: Double, riskAdjusted: Bool) -> Double {
        -investment(at: scale) + scale * (riskAdjusted ? valueRiskNet : valueNet) - valueFixed - hiredCost * annuity
    }
}

extension PriceScenario {
    /// Position in `allCases`.
    var index: Int {
        switch self {
        case .low: 0
        case .base: 1
        case .high: 2
        }
    }
}
