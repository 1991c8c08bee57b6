/// The figures of a household's best option that a batch writes and adds up, computed without the
/// itemised investment, the three price scenarios or the reasons. Equal to the matching fields of the
/// full ``ModelAdvice`` (a test holds them together).
public struct OptionSummary: Sendable, Equatable {
    public var model: String
    public var verdict: Verdict
    public var areaM2: Double
    public var units: Double?
    public var investment: Double
    public var programme: String?
    public var loan: Double?
    public var annualNetIncome: Double
    public var riskAdjustedIncome: Double
    public var npv: Double
    public var riskAdjustedNPV: Double
    /// Risk-adjusted NPV over keeping the current use.
    public var gainNPV: Double
    public var paybackYear: Int?
    public var firstIncomeYear: Int?
    public var incomePerMemberMonth: Double
    public var abovePovertyLine: Bool
    /// The odds, when the batch simulates them (`--risk`).
    public var risk: RiskProfile? {
        get { odds?.profile }
        set { odds = newValue.map(Odds.init) }
    }
    /// The odds out of line: most summaries (a batch's memo of answers) have none, and copy the less.
    private var odds: Odds?

    private final class Odds: Sendable, Equatable {
        let profile: RiskProfile
        init(_ profile: RiskProfile) { self.profile = profile }
        static func == (a: Odds, b: Odds) -> Bool { a.profile == b.profile }
    }

    /// The summary of an answer — an option, or a whole-farm plan (`model` joins the models' ids with `+`, `area_m2`
    /// is the land used) — with the household's income per member as the evaluator finds it.
    public init(_ answer: some Answer, incomePerMemberMonth: Double, abovePovertyLine: Bool) {
        let p = answer.projection
        self.init(model: answer.modelIDs.joined(separator: "+"), verdict: answer.verdict, areaM2: answer.landM2, units: answer.units,
                  investment: p.investment, programme: p.programmeIDs, loan: p.loanTotal, annualNetIncome: p.annualNetIncome,
                  riskAdjustedIncome: p.riskAdjustedIncome, npv: p.npv, riskAdjustedNPV: p.riskAdjustedNPV, gainNPV: p.gainNPV,
                  paybackYear: p.household.paybackYear, firstIncomeYear: p.firstIncomeYear, incomePerMemberMonth: incomePerMemberMonth,
                  abovePovertyLine: abovePovertyLine)
    }

    init(model: String, verdict: Verdict, areaM2: Double, units: Double?, investment: Double, programme: String?, loan: Double?,
         annualNetIncome: Double, riskAdjustedIncome: Double, npv: Double, riskAdjustedNPV: Double, gainNPV: Double, paybackYear: Int?,
         firstIncomeYear: Int?, incomePerMemberMonth: Double, abovePovertyLine: Bool) {
        self.model = model
        self.verdict = verdict
        self.areaM2 = areaM2
        self.units = units
        self.investment = investment
        self.programme = programme
        self.loan = loan
        self.annualNetIncome = annualNetIncome
        self.riskAdjustedIncome = riskAdjustedIncome
        self.npv = npv
        self.riskAdjustedNPV = riskAdjustedNPV
        self.gainNPV = gainNPV
        self.paybackYear = paybackYear
        self.firstIncomeYear = firstIncomeYear
        self.incomePerMemberMonth = incomePerMemberMonth
        self.abovePovertyLine = abovePovertyLine
    }
}
