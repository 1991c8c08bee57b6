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

    /// Person-days a year hired because the family lacks them, at a scale.
    static func hiredDays(_ e: UnitEconomics, _ scale: Double, familyDays: Double) -> Double {
        max(0, e.labour(at: scale) - familyDays)
    }

    /// Projects the model at `scale`.
    /// - Complexity: O(scenarios × horizon).
    public init(economics e: UnitEconomics, scale: Double, resources r: Resources) {
        items = e.items.map { ($0.id, $0.name, $0.cost(at: scale)) }
        investment = e.investment(at: scale)
        (capitalGap, loan, programme) = Self.financing(investment: investment, r)
        labourDays = e.labour(at: scale)
        hiredDays = Self.hiredDays(e, scale, familyDays: r.familyDays)
        let hiredCost = hiredDays * r.wage
        var flows: [PriceScenario: [Double]] = [:]
        for scenario in PriceScenario.allCases {
            flows[scenario] = e.householdFlow(at: scale, hiredCost: hiredCost, loan: loan, scenario: scenario, riskAdjusted: false)
        }
        cashFlow = flows
        riskAdjustedCashFlow = e.householdFlow(at: scale, hiredCost: hiredCost, loan: loan, scenario: .base, riskAdjusted: true)
        annualNetIncome = e.annualNetIncome(at: scale, hiredCost: hiredCost)
        riskAdjustedIncome = e.riskAdjustedIncome(at: scale, hiredCost: hiredCost)
        matureRevenue = scale * e.matureRevenue
        expectedLoss = e.riskShare * matureRevenue
        firstIncomeYear = e.firstRevenueYear
        npv = e.npv(at: scale, hiredCost: hiredCost, riskAdjusted: false)
        riskAdjustedNPV = e.npv(at: scale, hiredCost: hiredCost, riskAdjusted: true)
        household = CashFlowMetrics(riskAdjustedCashFlow, discountRate: e.discountRate)
    }

    /// The capital gap (nil when capital is not known), and the loan that covers it, if the household's
    /// category has a programme.
    /// - Parameter ceiling: a lower loan ceiling than the programme's (a household's own limit), if any.
    static func financing(investment: Double, _ r: Resources, ceiling: Double? = nil) -> (gap: Double?, loan: LoanSchedule?, programme: LoanProgramme?) {
        guard let capital = r.capital else { return (nil, nil, nil) }
        let gap = max(0, investment - capital)
        guard gap > 0.5, let p = r.programme else { return (gap, nil, nil) }
        let amount = min(gap, p.ceiling.value, ceiling ?? .infinity)
        return (gap, LoanSchedule(amount: amount, rate: p.rate.value, termMonths: p.termMonths), p)
    }
}
