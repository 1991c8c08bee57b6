/// The money of one model at one scale for one household: investment, loan, yearly cash flows at the
/// three prices, and the figures an officer quotes.
///
/// The NPV is affine in the scale between the kink where hired labour starts, which is what lets
/// ``ScaleSearch`` find the best scale exactly by trying only the ends and that kink.
public struct Projection: Sendable {
    /// The investment, itemised (mitigations included).
    public var items: [(id: String, name: LocalizedText, vnd: Double)]
    public var investment: Double
    /// Investment beyond own capital; nil when capital is not known.
    public var capitalGap: Double?
    /// The loan taken to cover the gap, if any.
    public var loan: LoanSchedule?
    /// The loan programme lending it.
    public var programme: LoanProgramme?
    /// Household cash flow (years 0…horizon) at each price, financing included.
    public var cashFlow: [PriceScenario: [Double]]
    /// Base-price cash flow after expected hazard losses.
    public var riskAdjustedCashFlow: [Double]
    /// Average yearly net operating income from maturity to the horizon, at base price, before financing.
    public var annualNetIncome: Double
    /// The same after expected hazard losses.
    public var riskAdjustedIncome: Double
    /// Expected yearly hazard loss at maturity.
    public var expectedLoss: Double
    /// Mature yearly revenue at base price.
    public var matureRevenue: Double
    /// First year with revenue, nil when none within the horizon.
    public var firstIncomeYear: Int?
    /// Person-days a year the model needs, and those hired because the family lacks them.
    public var labourDays: Double
    public var hiredDays: Double
    /// NPV of the conversion itself (before financing) at base price. A loan changes when money goes out
    /// and comes back, not what the conversion is worth; so more capital never lowers an option's NPV.
    public var npv: Double
    /// The same after expected hazard losses: what options are ranked by.
    public var riskAdjustedNPV: Double
    /// Payback year and cash low point of the household's own risk-adjusted cash flow, financing included.
    public var household: CashFlowMetrics

    /// The inputs a projection needs beyond the model: the rule outcome and the household's resources.
    public struct Inputs: Sendable {
        public var adjustment: Adjustment?
        public var mitigations: [CostItem]
        public var risks: [Risk]
        public var capital: Double?
        public var programme: LoanProgramme?
        public var familyDays: Double
        public var wage: Double
        public var discountRate: Double
        public var horizon: Int
        public var facts: FactValues
    }

    /// The investment items that apply to the household (the investment multiplier applied), then the mitigations.
    static func investmentItems(_ model: FarmModel, _ inputs: Inputs) -> [CostItem] {
        let factor = inputs.adjustment?.investment ?? 1
        let own = model.investment.filter { $0.when.map { $0(inputs.facts) ?? false } ?? true }.map { item in
            var scaled = item
            scaled.fixed *= factor
            scaled.perScale *= factor
            return scaled
        }
        return own + inputs.mitigations
    }

    /// Projects the model at `scale`.
    public init(model: FarmModel, scale: Double, inputs: Inputs) {
        let horizon = inputs.horizon
        let adj = inputs.adjustment
        items = Self.investmentItems(model, inputs).map { ($0.id, $0.name, $0.cost(at: scale)) }
        investment = items.reduce(0) { $0 + $1.vnd }

        if let capital = inputs.capital {
            let gap = max(0, investment - capital)
            capitalGap = gap
            if gap > 0.5, let p = inputs.programme {
                loan = LoanSchedule(amount: min(gap, p.ceiling.value), rate: p.rate.value, termMonths: p.termMonths)
                programme = p
            }
        }
        let payments = loan?.payments(horizon: horizon)

        labourDays = model.labour.days(at: scale)
        hiredDays = max(0, labourDays - inputs.familyDays)
        let hiredCost = hiredDays * inputs.wage

        let costs = model.operatingCosts.filter { $0.when.map { $0(inputs.facts) ?? false } ?? true }
        let yieldFactor = adj?.yield ?? 1, priceFactor = adj?.price ?? 1, costFactor = adj?.operatingCost ?? 1
        let expectedShare = inputs.risks.reduce(0) { $0 + $1.expectedLoss }
        let matureYear = min(horizon, model.outputs.map { (adj?.yieldCurve ?? $0.curve).count }.max() ?? 1)

        var flows: [PriceScenario: [Double]] = [:]
        var riskFlow: [Double] = []
        var projectFlow = [-investment], riskProjectFlow = [-investment]
        var operatingNet: [Double] = []
        var revenues: [Double] = []
        for scenario in PriceScenario.allCases {
            var flow = [-investment + (loan?.amount ?? 0)]
            for year in 1...horizon {
                var revenue = 0.0
                var byOutput: [String: Double] = [:]
                for output in model.outputs {
                    let curve = adj?.yieldCurve ?? output.curve
                    let premium = output.premiums.filter { $0.applies(inYear: year) }.reduce(0) { $0 + $1.fraction }
                    let r = output.yieldPerScale.value * scale * yieldFactor * Output.fraction(curve, year: year)
                        * output.price.price(scenario) * priceFactor * (1 + premium)
                    byOutput[output.id] = r
                    revenue += r
                }
                var cost = hiredCost
                for c in costs where c.applies(inYear: year) {
                    let share = c.output.map { byOutput[$0] ?? 0 } ?? revenue
                    cost += (c.fixedPerYear + c.perScalePerYear * scale) * costFactor + c.shareOfRevenue * share
                }
                let debt = payments.map { $0[year - 1].interest + $0[year - 1].principal } ?? 0
                flow.append(revenue - cost - debt)
                if scenario == .base {
                    revenues.append(revenue)
                    operatingNet.append(revenue - cost)
                    riskFlow.append(revenue - cost - debt - expectedShare * revenue)
                    projectFlow.append(revenue - cost)
                    riskProjectFlow.append(revenue - cost - expectedShare * revenue)
                }
            }
            flows[scenario] = flow
        }
        cashFlow = flows
        riskAdjustedCashFlow = [flows[.base]?.first ?? 0] + riskFlow

        let matureSlice = operatingNet[(matureYear - 1)...]
        annualNetIncome = matureSlice.reduce(0, +) / Double(matureSlice.count)
        let matureRevenues = revenues[(matureYear - 1)...]
        matureRevenue = matureRevenues.reduce(0, +) / Double(matureRevenues.count)
        expectedLoss = expectedShare * matureRevenue
        riskAdjustedIncome = annualNetIncome - expectedLoss
        firstIncomeYear = revenues.firstIndex { $0 > 0.5 }.map { $0 + 1 }
        npv = CashFlowMetrics.npv(projectFlow, discountRate: inputs.discountRate)
        riskAdjustedNPV = CashFlowMetrics.npv(riskProjectFlow, discountRate: inputs.discountRate)
        household = CashFlowMetrics(riskAdjustedCashFlow, discountRate: inputs.discountRate)
    }
}
