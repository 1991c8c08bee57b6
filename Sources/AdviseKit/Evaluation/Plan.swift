/// What a household asks of its plan beyond the best risk-adjusted NPV.
public struct PlanOptions: Sendable, Equatable {
    /// Some income within this many months (counted by whole years of the cash flow).
    public var firstIncomeWithinMonths: Int?
    /// By this year, the plan's income per member reaches the poverty line.
    public var abovePovertyByYear: Int?
    /// Borrow at most this much, VND.
    public var maxLoanVND: Double?

    public init(firstIncomeWithinMonths: Int? = nil, abovePovertyByYear: Int? = nil, maxLoanVND: Double? = nil) {
        self.firstIncomeWithinMonths = firstIncomeWithinMonths
        self.abovePovertyByYear = abovePovertyByYear
        self.maxLoanVND = maxLoanVND
    }
}

/// A whole-farm plan: one or more models side by side (or two intercropped on the same land), within the
/// household's land, capital plus the loan its category allows, with family labour and hired help costed.
public struct Plan: Sendable {
    /// One part of a plan: a model on its own land, or two models sharing land as an intercrop.
    public struct Component: Sendable {
        /// One model, or the two of an intercrop.
        public var models: [FarmModel]
        /// Each model's scale (m² or units); for an intercrop, its share of the shared land.
        public var scales: [Double]
        /// The intercrop, when the models share land.
        public var intercrop: Intercrop?
        /// Land the component takes, m².
        public var landM2: Double
        /// Each model's investment, VND.
        public var investments: [Double]
    }

    public var components: [Component]
    public var investment: Double
    public var capitalGap: Double?
    public var loan: LoanSchedule?
    public var programme: LoanProgramme?
    public var annualNetIncome: Double
    public var riskAdjustedIncome: Double
    public var npv: Double
    public var riskAdjustedNPV: Double
    public var firstIncomeYear: Int?
    /// The household's cash flow, years 0…horizon, base price, financing included.
    public var cashFlow: [Double]
    /// The same after expected hazard losses.
    public var riskAdjustedCashFlow: [Double]
    /// Payback year and lowest cash point of the risk-adjusted household cash flow.
    public var household: CashFlowMetrics
    public var landM2: Double
    public var labourDays: Double
    public var hiredDays: Double
    public var verdict: Verdict
    /// Years in which the plan's own cash, after the loan's instalments, is below zero: the household must
    /// find the shortfall elsewhere.
    public var loanShortfallYears: [Int]
    /// False when, over the loan's term, the plan does not earn its instalments: it is then not recommended.
    public var loanServiceable: Bool
    /// Intercrop and separate-plot notes that apply.
    public var notes: [LocalizedText]

    /// Each model's economics and scale, for sensitivity.
    let parts: [(UnitEconomics, Double)]
    /// Hired labour, VND a year.
    let hiredCost: Double

    /// Yearly income at maturity at a price scenario, after expected losses.
    public func income(_ scenario: PriceScenario) -> Double {
        parts.reduce(0) { $0 + $1.0.riskAdjustedIncome(at: $1.1, hiredCost: 0, scenario: scenario) } - hiredCost
    }

    /// Prices 30 % lower or higher, and a bad year `k`.
    public func sensitivity(badYear: Int, discountRate: Double) -> Sensitivity {
        Sensitivity(parts: parts, hiredCost: hiredCost, loan: loan, discountRate: discountRate, badYear: badYear)
    }

    /// The models in the plan, in order.
    public var modelIDs: [String] { components.flatMap { $0.models.map(\.id) } }
}
