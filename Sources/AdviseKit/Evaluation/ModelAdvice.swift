/// The evaluator's answer for one model: verdict, chosen scale, money, and the reasons — an ``Answer`` of one part.
public struct ModelAdvice: Sendable {
    /// The model evaluated.
    public var model: FarmModel
    public var verdict: Verdict
    /// Chosen scale in the model's own terms (m² or units).
    public var scale: Double
    /// Land the scale takes, m².
    public var areaM2: Double
    /// Units, for unit-scaled models.
    public var units: Double?
    /// The money at that scale.
    public var projection: Projection
    /// Why: every rule that fired, and every limit the engine found.
    public var reasons: [Reason]
    /// Every rule and its result, for `--explain`.
    public var trace: [RuleTrace]
    /// The scales tried, for `--explain`.
    public var trials: [ScaleTrial]
    /// Monthly income per household member with this model at maturity, VND: the model's risk-adjusted
    /// income, the household's other income, and the current use of the land it leaves.
    public var incomePerMemberMonth: Double
    /// True when that income reaches the poverty line in force in ``povertyYear``.
    public var abovePovertyLine: Bool
    /// The calendar year compared with the poverty line (the first year at full yield), and the line then.
    public var povertyYear: Int
    public var povertyLineMonth: Double
    /// Risk-adjusted yearly income per person-day of labour, VND.
    public var incomePerLabourDay: Double?
    /// For an option that is not recommended, the single changes that would move it up (when asked for).
    public var whatWouldChange: [Change] = []
    /// The odds, when simulated.
    public var risk: RiskProfile?
    /// The model's economics for this household (the projection's one part).
    var economics: UnitEconomics { projection.parts[0].economics }
}

/// The whole answer for one household: every model, ranked best first.
public struct Advice: Sendable {
    public var ruleset: RuleSetInfo
    /// Override files applied to the rule set, so advice can be traced to the figures behind it.
    public var overrides: [AppliedOverride]
    public var household: Household
    public var rankBy: RankBy
    public var horizon: Int
    public var discountRate: Double
    /// The poverty line in force in ``povertyLineYear`` (the year of the advice), VND per person per month.
    public var povertyLineMonth: Double
    public var povertyLineYear: Int
    /// Ranked best first; unsuitable options last.
    public var options: [ModelAdvice]
    /// The best whole-farm plan, when plans were asked for and one pays.
    public var plan: Plan?
    /// True when plans were asked for (so a nil `plan` means none pays or meets the conditions).
    public var planSearched: Bool
    /// The baseline model of the household's current use — what keeping it earns — if it has one.
    public var baseline: FarmModel? = nil
    /// How the odds were simulated, when they were.
    public var odds: RiskSimulation.Options? = nil
    /// Figures of the rule set past their date or with old sources (`figure.expired`, `figure.stale`): every
    /// output says so.
    public var stale: [Diagnostic] = []

    /// The first option that is not unsuitable: the best single model.
    public var best: ModelAdvice? { options.first { $0.verdict != .unsuitable } }

    /// What the advice recommends — the headline of the text, report and message, and `recommended_plan`
    /// in JSON: the best whole-farm plan (which may be one model alone), unless it is unsuitable.
    public var recommendedPlan: Plan? { plan.flatMap { $0.verdict == .unsuitable ? nil : $0 } }

    /// The model to start with (`recommendation` in JSON): the best-ranked option of the recommended plan.
    /// Without one, the best single model — unless plans were searched and none met the household's
    /// conditions (then nothing is recommended). When the best plan is unsuitable (its loan cannot be
    /// repaid), the best single model is the answer, and the headline.
    public var recommendation: ModelAdvice? {
        guard let plan = recommendedPlan else { return planSearched && plan == nil ? nil : best }
        return options.first { plan.modelIDs.contains($0.model.id) }
    }
}

/// What options are ranked by.
public enum RankBy: String, Sendable, CaseIterable {
    /// Risk-adjusted NPV over keeping the current use, highest first (the default).
    case gain
    /// The gain in a bad draw (its 10th percentile over the odds), highest first: the cautious ranking.
    case downside
    /// Risk-adjusted NPV, highest first, ignoring what the current use earns.
    case riskAdjustedNPV = "risk-npv"
    /// Risk-adjusted yearly income at maturity, highest first.
    case income
    /// NPV at base price, highest first.
    case npv
    /// Payback year, earliest first.
    case payback
    /// First year with income, earliest first.
    case firstIncome = "first-income"
}
