/// How an option or a plan stands up to prices 30 % lower or higher than the base, and to a bad year in
/// which every hazard the rules expect for the household strikes at once: its NPV, whether it still pays
/// back, and its worst year.
public struct Sensitivity: Sendable {
    /// One case.
    public struct Case: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case lowPrice = "price-30"
            case base
            case highPrice = "price+30"
            case badYear = "bad-year"
        }

        public var kind: Kind
        /// NPV before financing.
        public var npv: Double
        /// The household's payback year, financing included; nil when not within the horizon.
        public var paybackYear: Int?
        /// The year with the least cash after instalments, and that cash.
        public var worstYear: Int
        public var worstCash: Double
        /// Yearly income at maturity in this case (the bad year's own income for `badYear`).
        public var income: Double
    }

    /// The year the bad year falls in.
    public var badYear: Int
    public var cases: [Case]

    /// Computes the cases for a set of models at their scales sharing the household's money and labour.
    /// - Parameters:
    ///   - parts: each model's economics and scale.
    ///   - hiredCost: hired labour, VND a year.
    ///   - loans: the loans, if any; `grant`: a grant received in year 0.
    ///   - familyValue: what the family's own labour days are valued at, VND a year (charged in the NPV, not the cash).
    ///   - residualHired: what the days hired after the horizon cost beyond the family rate (``Projection/residualHired``).
    ///
    /// The NPV adds the parts' residual value at the base price to every case (the price and the bad year
    /// move the horizon's flows only), so the base case equals the projection's risk-adjusted NPV.
    public init(parts: [(UnitEconomics, Double)], hiredCost: Double, familyValue: Double = 0, residualHired: Double = 0, loans: [LoanSchedule], grant: Double = 0,
                discountRate: Double, badYear: Int) {
        let horizon = parts.first?.0.horizon ?? 1
        let k = min(max(1, badYear), horizon)
        self.badYear = k
        let investment = parts.reduce(0) { $0 + $1.0.investment(at: $1.1) }
        let residual = parts.reduce(0) { $0 + $1.0.residualValue(at: $1.1, riskAdjusted: true) } - familyValue * (parts.first?.0.annuity ?? 0) - residualHired
        cases = Case.Kind.allCases.map { kind in
            let factor = kind == .lowPrice ? 0.7 : (kind == .highPrice ? 1.3 : 1)
            var operating = [Double](repeating: -hiredCost, count: horizon)
            for (e, s) in parts {
                for (t, v) in e.operatingCash(at: s, priceFactor: factor, badYear: kind == .badYear ? k : nil).enumerated() { operating[t] += v }
            }
            let project = [-investment] + operating
            let household = Projection.householdFlow(project, hiredCost: 0, loans: loans, grant: grant)
            let worst = household.indices.dropFirst().min { household[$0] < household[$1] } ?? 1
            let matureYear = parts.map(\.0.matureYear).max() ?? 1
            let income = kind == .badYear ? operating[k - 1] : operating[(matureYear - 1)...].reduce(0, +) / Double(horizon - matureYear + 1)
            return Case(kind: kind, npv: CashFlowMetrics.npv(project, discountRate: discountRate) + residual,
                        paybackYear: CashFlowMetrics(household, discountRate: discountRate).paybackYear,
                        worstYear: worst, worstCash: household[worst], income: income)
        }
    }

    /// The case of a kind.
    public subscript(_ kind: Case.Kind) -> Case? { cases.first { $0.kind == kind } }
}
