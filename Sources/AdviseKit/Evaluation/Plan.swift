/// What a household asks of its plan beyond the best risk-adjusted gain.
public struct PlanOptions: Sendable, Equatable {
    /// Some income within this many months (counted by whole years of the cash flow).
    public var firstIncomeWithinMonths: Int?
    /// By this year, the plan's income per member reaches the poverty line.
    public var abovePovertyByYear: Int?
    /// Borrow at most this much, VND.
    public var maxLoanVND: Double?
    /// Only these models (by id) may be in the plan: a ward's place in one model, say.
    public var onlyModels: Set<String>?
    /// Use at most this much of the land, m²; the rest keeps its current use.
    public var maxLandM2: Double?
    /// Invest at most this much of the household's own capital, VND (grants and loans beside it); what is not
    /// invested stays its cushion.
    public var maxOwnCapitalVND: Double?

    public init(firstIncomeWithinMonths: Int? = nil, abovePovertyByYear: Int? = nil, maxLoanVND: Double? = nil, onlyModels: Set<String>? = nil,
                maxLandM2: Double? = nil, maxOwnCapitalVND: Double? = nil) {
        self.firstIncomeWithinMonths = firstIncomeWithinMonths
        self.abovePovertyByYear = abovePovertyByYear
        self.maxLoanVND = maxLoanVND
        self.onlyModels = onlyModels
        self.maxLandM2 = maxLandM2
        self.maxOwnCapitalVND = maxOwnCapitalVND
    }
}

/// A whole-farm plan: one or more models side by side (or two intercropped on the same land), within the
/// household's land, capital plus the loan its category allows, with labour costed. Its money is a
/// ``Projection`` over its parts — the same core an option's is.
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
    /// The plan's money.
    public var projection: Projection
    public var verdict: Verdict
    /// Intercrop, separate-plot and idle-land notes that apply.
    public var notes: [LocalizedText]
    /// The odds, when simulated.
    public var risk: RiskProfile? = nil

    public var investment: Double { projection.investment }
    public var capitalGap: Double? { projection.capitalGap }
    public var loan: LoanSchedule? { projection.loan }
    public var programme: LoanProgramme? { projection.programme }
    public var annualNetIncome: Double { projection.annualNetIncome }
    public var riskAdjustedIncome: Double { projection.riskAdjustedIncome }
    public var npv: Double { projection.npv }
    public var riskAdjustedNPV: Double { projection.riskAdjustedNPV }
    public var firstIncomeYear: Int? { projection.firstIncomeYear }
    /// The household's cash flow, years 0…horizon, base price, financing included.
    public var cashFlow: [Double] { projection.cashFlow[.base] ?? [] }
    /// The same after expected hazard losses.
    public var riskAdjustedCashFlow: [Double] { projection.riskAdjustedCashFlow }
    /// Payback year and lowest cash point of the risk-adjusted household cash flow.
    public var household: CashFlowMetrics { projection.household }
    /// Land the plan uses, m².
    public var landM2: Double { components.reduce(0) { $0 + $1.landM2 } }
    public var labourDays: Double { projection.labourDays }
    public var hiredDays: Double { projection.hiredDays }
    /// Years in which the plan's own cash, after the loan's instalments, is below zero.
    public var loanShortfallYears: [Int] { projection.loanShortfallYears }
    /// False when, over the loan's term, the plan does not earn its instalments: it is then not recommended.
    public var loanServiceable: Bool { projection.loanServiceable }
    /// The models in the plan, in order.
    public var modelIDs: [String] { components.flatMap { $0.models.map(\.id) } }
}
