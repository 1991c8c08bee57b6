/// A model's money per unit of scale for one rule outcome, year by year: revenue and net operating income
/// per m² (or per unit) at each price, fixed yearly costs, the investment and labour lines, re-investment
/// when the model's life ends inside the horizon, the value of the life left at the horizon, and the
/// expected hazard-loss share.
///
/// Every flow is affine in the scale (labour aside), so the NPV at any scale is a closed form of a few
/// precomputed sums: the scale search tries candidates in O(1) each, and the value can be cached per rule
/// outcome — households with the same outcome share it.
///
/// **Life.** A model lives `life` years (its `life` figure; the horizon when it has none). When that is
/// shorter than the horizon its investment is made again at `life`, `2·life`, … (a barn rebuilt, a net-house
/// re-covered); an item with a life of its own is bought again on its own cycle. Yields go on along the curve
/// (a re-covered net-house does not start again from its first crop). The model is valued to the end of the cycle that
/// covers the horizon (`extent`): the flows after the horizon are its **residual value** — the discounted
/// net flow of the life it has left, with its labour valued at the family rate. Orchards (30-year coconut)
/// so keep the value of their bearing years, and a goat herd re-stocked in year 8 is valued to year 16.
///
/// A class, immutable after it is made, so that the evaluator passes it around without copying its arrays.
public final class UnitEconomics: Sendable {
    /// The most years any flow is computed for (an orchard's life, a baseline's comparison period).
    public static let maxYears = 60

    /// The years a model is valued over within a horizon: its life (a life past the horizon leaves residual
    /// value), or whole lives covering the horizon (re-invested as each ends).
    public static func extent(of model: FarmModel, horizon: Int) -> Int {
        let life = min(maxYears, max(1, Int((model.lifeYears?.value ?? Double(horizon)).rounded())))
        return life >= horizon ? life : min(maxYears, (horizon + life - 1) / life * life)
    }
    /// The model's id and role (what a loan or grant restricted to some models, or to a purpose, checks).
    public let modelID: String
    public let role: Role
    /// Years after the investment year that the household plans over.
    public let horizon: Int
    /// The last year the model is valued to: the end of the life cycle that covers the horizon.
    public let extent: Int
    /// Investment items that apply (the investment factor applied), mitigations last.
    public let items: [CostItem]
    public let investFixed: Double
    public let investPerScale: Double
    public let labourFixed: Double
    public let labourPerScale: Double
    /// Expected share of revenue lost to hazards and expected replanting (or restocking) cost per scale
    /// unit, by year 1…maxYears (index year − 1), exactly as the odds draw them.
    public let hazards: HazardExpectation
    /// The hazards that apply, for the odds (``RiskSimulation``).
    public let risks: [Risk]
    /// The rules' adjustment of yield, price, costs and curve for this outcome, if any (what a logged
    /// prediction states its yields and prices after).
    public let adjustment: Adjustment?
    /// Each output's market (nil: a steady price), and per scale unit by year 1…maxYears at base price its
    /// revenue and the share of it kept after revenue-linked costs: what a price path moves.
    public let outputMarkets: [String?]
    /// Each output's name (what a phase of income is called).
    public let outputNames: [LocalizedText]
    let outputRevenue: [[Double]], outputKept: [[Double]]
    /// What of the value moves with each price (``PriceExposure``): the closed form of a tipping point.
    public let priceExposures: [PriceExposure]
    /// Share of revenue lost in a bad year, when every hazard the rules expect strikes (at most all of it).
    public let badYearLoss: Double
    /// The year from which yields are mature (the longest ramp-up), within the horizon.
    public let matureYear: Int
    /// Revenue per scale unit, by price scenario (`PriceScenario.allCases` order) and year 1…maxYears.
    let revenue: [[Double]]
    /// Revenue less revenue shares and per-scale costs, per scale unit, same layout.
    let net: [[Double]]
    /// Fixed operating costs by year 1…maxYears.
    let fixedCost: [Double]
    /// Per-scale costs that do not move with the price (per-scale operating costs), base scenario, by year.
    let perScaleCost: [Double]
    /// Investment made again by year (1…maxYears): each item at multiples of its life (the model's, unless
    /// it has its own) within the valuation period.
    let reinvestFixed: [Double], reinvestPerScale: [Double]
    let valuation: Valuation
    public var discountRate: Double { valuation.discountRate }
    /// Discounted sums for the closed-form NPV (residual value and re-investment included): per scale unit
    /// at base price, without and with expected losses; the fixed part; Σ dₜ over the horizon.
    let valueNet: Double, valueRiskNet: Double, valueFixed: Double
    public let annuity: Double
    /// The residual value's parts: per scale unit (without and with expected losses) and fixed.
    let residualNet: Double, residualRiskNet: Double, residualFixed: Double
    /// Σ_{t ≤ T} dₜ·(risk-adjusted net − labour at the family rate) per scale unit, T = 0…maxYears: what
    /// keeping the model (as a baseline) is worth over any period.
    let cumulativeValue: [Double]
    /// Means over the mature years at base price: net, revenue and expected hazard loss (lost revenue and replanting)
    /// per scale unit, and fixed costs.
    let matureNet: Double, matureRevenue: Double, matureFixed: Double
    public let matureLoss: Double
    /// The first year with revenue, nil when none within the horizon.
    public let firstRevenueYear: Int?

    /// Precomputes the model's economics for one rule outcome.
    /// - Complexity: O(scenarios × maxYears × (outputs + costs)).
    public init(model: FarmModel, outcome: RuleOutcome, valuation: Valuation) {
        let adj = outcome.adjustment
        adjustment = adj
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
        self.valuation = valuation
        modelID = model.id
        role = model.role
        let horizon = valuation.horizon, years = Self.maxYears
        investFixed = items.reduce(0) { $0 + $1.fixed }
        investPerScale = items.reduce(0) { $0 + $1.perScale }
        labourFixed = model.labour.fixedDays
        labourPerScale = model.labour.perScaleDays
        let hazards = HazardExpectation(risks: outcome.risks, years: Self.maxYears)
        self.hazards = hazards
        let share = hazards.lossShare, replant = hazards.replant
        risks = outcome.risks
        outputMarkets = model.outputs.map(\.market)
        outputNames = model.outputs.map(\.name)
        badYearLoss = min(1, outcome.risks.reduce(0) { $0 + $1.loss })
        self.horizon = horizon
        let life = min(years, max(1, Int((model.lifeYears?.value ?? Double(horizon)).rounded())))
        let extent = Self.extent(of: model, horizon: horizon)
        self.extent = extent
        // The first year at full yield (a contract's curve falls to 0 after it ends).
        matureYear = min(horizon, model.outputs.map { output in
            let curve = adj?.yieldCurve ?? output.curve
            return (curve.indices.max { curve[$0] < curve[$1] || (curve[$0] == curve[$1] && $0 > $1) } ?? 0) + 1
        }.max() ?? 1)

        let costs = zip(model.operatingCosts, outcome.includedCosts).filter(\.1).map(\.0)
        let yieldFactor = adj?.yield ?? 1, priceFactor = adj?.price ?? 1, costFactor = adj?.operatingCost ?? 1
        var revenue: [[Double]] = [], net: [[Double]] = []
        var perScaleCosts = [Double](repeating: 0, count: years)
        var fixed = [Double](repeating: 0, count: years)
        var outputRevenue = [[Double]](repeating: perScaleCosts, count: model.outputs.count)
        var outputKept = [[Double]](repeating: [Double](repeating: 1, count: years), count: model.outputs.count)
        for scenario in PriceScenario.allCases {
            var rev = [Double](repeating: 0, count: years), out = rev
            for year in 1...years {
                var total = 0.0
                var byOutput: [(String, Double)] = []
                for output in model.outputs {
                    let curve = adj?.yieldCurve ?? output.curve
                    var premium = 0.0
                    for p in output.premiums where p.applies(inYear: year) { premium += p.fraction }
                    // The base scenario follows the expected path from today's price; low and high are flat.
                    let path = scenario == .base ? valuation.outlook.factor(output.market, year: year) : 1
                    let r = output.yieldPerScale.value * yieldFactor * Output.fraction(curve, year: year)
                        * output.price.price(scenario) * path * priceFactor * (1 + premium)
                    byOutput.append((output.id, r))
                    total += r
                }
                var cost = 0.0, fixedCost = 0.0, perScale = 0.0
                for c in costs where c.applies(inYear: year) {
                    let base = c.output.map { id in byOutput.first { $0.0 == id }?.1 ?? 0 } ?? total
                    cost += c.perScalePerYear * costFactor + c.shareOfRevenue * base
                    perScale += c.perScalePerYear * costFactor
                    fixedCost += c.fixedPerYear * costFactor
                    if scenario == .base {
                        for (o, output) in model.outputs.enumerated() where c.output == nil || c.output == output.id {
                            outputKept[o][year - 1] -= c.shareOfRevenue
                        }
                    }
                }
                if scenario == .base {
                    perScaleCosts[year - 1] = perScale
                    for o in byOutput.indices { outputRevenue[o][year - 1] = byOutput[o].1 }
                }
                rev[year - 1] = total
                out[year - 1] = total - cost
                fixed[year - 1] = fixedCost
            }
            revenue.append(rev)
            net.append(out)
        }
        self.revenue = revenue
        self.net = net
        self.outputRevenue = outputRevenue
        self.outputKept = outputKept
        priceExposures = PriceExposure.exposures(of: model, revenue: outputRevenue, kept: outputKept, lost: share, discountRate: valuation.discountRate)
        perScaleCost = perScaleCosts
        fixedCost = fixed
        var reinvestFixed = [Double](repeating: 0, count: years), reinvestPerScale = reinvestFixed
        for item in items {
            for y in stride(from: item.lifeYears ?? life, to: extent, by: item.lifeYears ?? life) {
                reinvestFixed[y - 1] += item.fixed
                reinvestPerScale[y - 1] += item.perScale
            }
        }
        (self.reinvestFixed, self.reinvestPerScale) = (reinvestFixed, reinvestPerScale)

        let family = valuation.familyDayValue
        var d = 1.0, vn = 0.0, vr = 0.0, vf = 0.0, a = 0.0, rn = 0.0, rr = 0.0, rf = 0.0, cumulative = 0.0
        var cumulativeValue = [0.0]
        let base = PriceScenario.base.index
        for t in 0..<years {
            d /= 1 + valuation.discountRate
            let n = net[base][t] - reinvestPerScale[t]
            let r = n - share[t] * revenue[base][t] - replant[t]
            let f = fixed[t] + reinvestFixed[t]
            if t < horizon {
                vn += d * n
                vr += d * r
                vf += d * f
                a += d
            } else if t < extent {
                rn += d * (n - labourPerScale * family)
                rr += d * (r - labourPerScale * family)
                rf += d * (f + labourFixed * family)
            }
            cumulative += d * (r - labourPerScale * family)
            cumulativeValue.append(cumulative)
        }
        (residualNet, residualRiskNet, residualFixed) = (rn, rr, rf)
        (valueNet, valueRiskNet, valueFixed, annuity) = (vn + rn, vr + rr, vf + rf, a)
        self.cumulativeValue = cumulativeValue
        let mature = (matureYear - 1)..<horizon
        let count = Double(mature.count)
        matureNet = net[base][mature].reduce(0, +) / count
        matureRevenue = revenue[base][mature].reduce(0, +) / count
        matureLoss = mature.reduce(0) { $0 + share[$1] * revenue[base][$1] + replant[$1] } / count
        matureFixed = fixed[mature].reduce(0, +) / count
        firstRevenueYear = revenue[base].prefix(horizon).firstIndex { $0 > 0 }.map { $0 + 1 }
    }

    /// Economics with family labour free and no wage (as the rule set's examples of pure model arithmetic).
    public convenience init(model: FarmModel, outcome: RuleOutcome, horizon: Int, discountRate: Double) {
        self.init(model: model, outcome: outcome, valuation: Valuation(horizon: horizon, discountRate: discountRate))
    }

    /// Average yearly net operating income from maturity to the horizon, base price, before financing.
    public func annualNetIncome(at scale: Double, hiredCost: Double) -> Double {
        scale * matureNet - matureFixed - hiredCost
    }

    /// The same after expected hazard losses.
    public func riskAdjustedIncome(at scale: Double, hiredCost: Double) -> Double {
        scale * (matureNet - matureLoss) - matureFixed - hiredCost
    }

    /// Income in one year (1…maxYears) at base price after expected losses, before financing and
    /// re-investment, at a scale.
    public func riskAdjustedIncome(inYear year: Int, at scale: Double) -> Double {
        let t = min(max(year, 1), Self.maxYears) - 1, b = PriceScenario.base.index
        return scale * (net[b][t] - expectedLoss(t, b)) - fixedCost[t]
    }

    /// Operating cash in one year (1…horizon) at base price after expected losses and re-investment,
    /// before financing and hired labour: a part per scale unit and a fixed part.
    public func riskAdjustedCash(inYear year: Int) -> (perScale: Double, fixed: Double) {
        let t = min(max(year, 1), horizon) - 1, b = PriceScenario.base.index
        return (net[b][t] - expectedLoss(t, b) - reinvestPerScale[t], fixedCost[t] + reinvestFixed[t])
    }

    /// Average yearly income at maturity at one price scenario, after expected hazard losses, before financing.
    public func riskAdjustedIncome(at scale: Double, hiredCost: Double, scenario: PriceScenario) -> Double {
        let mature = (matureYear - 1)..<horizon
        let s = scenario.index
        let margin = mature.reduce(0) { $0 + net[s][$1] - expectedLoss($1, s) } / Double(mature.count)
        return scale * margin - matureFixed - hiredCost
    }

    /// The project's yearly operating cash (years 1…horizon, before financing and hired labour, re-investment
    /// included) with the base price moved by `priceFactor` (revenue and revenue-linked costs move,
    /// per-scale and fixed costs do not), after expected hazard losses — except in `badYear`, when every
    /// expected hazard strikes at once and its full loss replaces the expectation.
    public func operatingCash(at scale: Double, priceFactor: Double, badYear: Int?) -> [Double] {
        let b = PriceScenario.base.index
        return (0..<horizon).map { t in
            let margin = net[b][t] + perScaleCost[t]
            var cash = scale * (priceFactor * margin - perScaleCost[t]) - fixedCost[t] - reinvestment(at: scale, year: t + 1)
            cash -= (t + 1 == badYear ? badYearLoss : hazards.lossShare[t]) * scale * priceFactor * revenue[b][t] + scale * hazards.replant[t]
            return cash
        }
    }

    /// The project's operating cash flow, years 0…horizon, before financing and labour: the investment, then
    /// each year's net operating income less re-investment (and expected hazard losses, when asked).
    public func projectFlow(at scale: Double, scenario: PriceScenario, riskAdjusted: Bool) -> [Double] {
        let s = scenario.index
        var flow = [Double](repeating: 0, count: horizon + 1)
        flow[0] = -investment(at: scale)
        for t in 0..<horizon {
            var cash = scale * net[s][t] - fixedCost[t] - reinvestment(at: scale, year: t + 1)
            if riskAdjusted { cash -= scale * expectedLoss(t, s) }
            flow[t + 1] = cash
        }
        return flow
    }

    /// Whether output `o` earns in `year` (1…maxYears) at base price.
    func earns(_ o: Int, inYear year: Int) -> Bool { outputRevenue[o][min(max(year, 1), Self.maxYears) - 1] > 0 }

    /// Investment at a scale.
    public func investment(at scale: Double) -> Double { investFixed + investPerScale * scale }

    /// The investment made again in `year` (1-based) at a scale: the items whose life ends then.
    public func reinvestment(at scale: Double, year: Int) -> Double {
        year >= 1 && year <= reinvestFixed.count ? reinvestFixed[year - 1] + reinvestPerScale[year - 1] * scale : 0
    }

    /// Person-days a year at a scale.
    public func labour(at scale: Double) -> Double { labourFixed + labourPerScale * scale }

    /// NPV before financing at base price, at a scale, with a yearly labour charge (hired cost, plus the
    /// family's days at their value when the ranking value is wanted); residual value and re-investment
    /// included.
    public func npv(at scale: Double, hiredCost: Double, riskAdjusted: Bool) -> Double {
        -investment(at: scale) + scale * (riskAdjusted ? valueRiskNet : valueNet) - valueFixed - hiredCost * annuity
    }

    /// The discounted value of the life left after the horizon, at a scale (part of ``npv(at:hiredCost:riskAdjusted:)``).
    public func residualValue(at scale: Double, riskAdjusted: Bool) -> Double {
        scale * (riskAdjusted ? residualRiskNet : residualNet) - residualFixed
    }

    /// What keeping this model going is worth per scale unit over years 1…`years`, risk-adjusted, its labour
    /// at the family rate — the value a conversion gives up on the land it takes when this is the current use.
    public func keepingValue(years: Int) -> Double {
        cumulativeValue[min(max(0, years), Self.maxYears)]
    }

    /// Average yearly income per scale unit at maturity, risk-adjusted, base price — what keeping it earns.
    public var keepingIncome: Double { matureNet - matureLoss }

    /// What of the value moves with the prices of `key` (a market, or an output's own), if any of its outputs sells at them.
    public func exposure(_ key: String) -> PriceExposure? { priceExposures.first { $0.key == key } }

    /// Expected hazard loss per scale unit in year t + 1 at price scenario s: lost revenue and replanting.
    private func expectedLoss(_ t: Int, _ s: Int) -> Double { hazards.lossShare[t] * revenue[s][t] + hazards.replant[t] }
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
