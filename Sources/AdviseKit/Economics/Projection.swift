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

    /// The household's resources, beyond the model's economics.
    public struct Resources: Sendable {
        /// Own capital; nil when not given (no gap, no loan).
        public var capital: Double?
        /// The loan programme of the household's category.
        public var programme: LoanProgramme?
        /// Person-days the family gives a year.
        public var familyDays: Double
        /// VND per hired person-day.
        public var wage: Double

        public init(capital: Double?, programme: LoanProgramme?, familyDays: Double, wage: Double) {
            self.capital = capital
            self.programme = programme
            self.familyDays = familyDays
            self.wage = wage
        }
    }

    /// Hired labour cost a year at a scale.
    static func hiredDays(_ e: UnitEconomics, _ scale: Double, _ r: Resources) -> Double {
        max(0, e.labour(at: scale) - r.familyDays)
    }

    /// Projects the model at `scale`.
    /// - Complexity: O(scenarios × horizon).
    public init(economics e: UnitEconomics, scale: Double, resources r: Resources) {
        let horizon = e.horizon
        items = e.items.map { ($0.id, $0.name, $0.cost(at: scale)) }
        investment = e.investment(at: scale)
        if let capital = r.capital {
            let gap = max(0, investment - capital)
            capitalGap = gap
            if gap > 0.5, let p = r.programme {
                loan = LoanSchedule(amount: min(gap, p.ceiling.value), rate: p.rate.value, termMonths: p.termMonths)
                programme = p
            }
        }
        let payments = loan?.payments(horizon: horizon)
        labourDays = e.labour(at: scale)
        hiredDays = Self.hiredDays(e, scale, r)
        let hiredCost = hiredDays * r.wage
        let base = PriceScenario.base.index

        var flows: [PriceScenario: [Double]] = [:]
        var operating = [Double](repeating: 0, count: horizon)
        for scenario in PriceScenario.allCases {
            var flow = [Double](repeating: 0, count: horizon + 1)
            flow[0] = -investment + (loan?.amount ?? 0)
            for t in 0..<horizon {
                let net = scale * e.net[scenario.index][t] - e.fixedCost[t] - hiredCost
                if scenario == .base { operating[t] = net }
                let debt = payments.map { $0[t].interest + $0[t].principal } ?? 0
                flow[t + 1] = net - debt
            }
            flows[scenario] = flow
        }
        cashFlow = flows
        let revenues = e.revenue[base].map { $0 * scale }
        let baseFlow = flows[.base] ?? []
        riskAdjustedCashFlow = [baseFlow.first ?? 0] + (0..<horizon).map { baseFlow[$0 + 1] - e.riskShare * revenues[$0] }

        let mature = (e.matureYear - 1)..<horizon
        annualNetIncome = operating[mature].reduce(0, +) / Double(mature.count)
        matureRevenue = revenues[mature].reduce(0, +) / Double(mature.count)
        expectedLoss = e.riskShare * matureRevenue
        riskAdjustedIncome = annualNetIncome - expectedLoss
        firstIncomeYear = revenues.firstIndex { $0 > 0.5 }.map { $0 + 1 }
        npv = e.npv(at: scale, hiredCost: hiredCost, riskAdjusted: false)
        riskAdjustedNPV = e.npv(at: scale, hiredCost: hiredCost, riskAdjusted: true)
        household = CashFlowMetrics(riskAdjustedCashFlow, discountRate: e.discountRate)
    }
}
