/// A suitability rule: when its condition holds for the household, its effect applies to the model.
public struct SuitabilityRule: Sendable {
    /// Unique within the model.
    public var id: String
    /// Over household facts and regional constants.
    public var condition: Condition
    /// What happens when it holds.
    public var effect: RuleEffect
    /// The reason shown to the officer.
    public var message: LocalizedText
    /// Where the rule is written.
    public var location: SourceLocation
}

/// What a suitability rule does when it fires.
public enum RuleEffect: Sendable {
    /// The model does not fit this household.
    case unsuitable
    /// The model fits on a condition that costs money; the cost enters the investment.
    case mitigation(CostItem)
    /// Yield, price or cost change for this household.
    case adjust(Adjustment)
    /// A caution to tell the household.
    case warning
    /// An expected yearly loss: likelihood × share of revenue lost.
    case risk(Risk)

    /// The effect's name in output and in rule files.
    public var name: String {
        switch self {
        case .unsuitable: "unsuitable"
        case .mitigation: "mitigation"
        case .adjust: "adjust"
        case .warning: "warning"
        case .risk: "risk"
        }
    }
}

/// Multipliers on a model's figures for one household, and optionally a different yield ramp-up.
public struct Adjustment: Sendable {
    public var yield = 1.0
    public var price = 1.0
    public var operatingCost = 1.0
    public var investment = 1.0
    /// Replaces every output's ramp-up curve (an existing garden already bears).
    public var yieldCurve: [Double]?
    public var provenance: Provenance

    /// Two adjustments applied one after the other.
    func combined(with other: Adjustment) -> Adjustment {
        var r = self
        r.yield *= other.yield
        r.price *= other.price
        r.operatingCost *= other.operatingCost
        r.investment *= other.investment
        r.yieldCurve = other.yieldCurve ?? yieldCurve
        return r
    }
}

/// A hazard: in a year with probability `likelihood`, `loss` of the revenue is lost — for `lasts` years
/// when it kills trees or stock, with a replanting cost. A hazard may strike only in some years (a course
/// not finished or a job not found happens at the start, once).
public struct Risk: Sendable {
    /// `flood`, `salinity`, `storm`, … Hazards of the same name strike together (one flood hits every
    /// model on the farm).
    public var hazard: String
    /// Chance per year.
    public var likelihood: Double
    /// Fraction of the year's revenue lost when it happens.
    public var loss: Double
    public var provenance: Provenance
    /// Years the loss lasts (1 for a lost crop; several when trees die and are replanted).
    public var lasts: Int = 1
    /// Replanting or restocking cost per scale unit when it strikes, VND.
    public var replantPerScale: Double = 0
    /// The first and last years (1-based, from the investment) in which it can strike; nil: to the end.
    public var fromYear: Int = 1
    public var toYear: Int?

    /// Whether it can strike in `year` (1-based).
    public func strikes(inYear year: Int) -> Bool { year >= fromYear && (toYear.map { year <= $0 } ?? true) }
}
