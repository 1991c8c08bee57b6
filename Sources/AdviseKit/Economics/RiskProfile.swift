/// The odds of an option or plan, from ``RiskSimulation``: the spread of its value over price paths and
/// hazard years, and how likely the outcomes a poor household fears are.
public struct RiskProfile: Sendable, Equatable {
    /// Price paths and hazard years drawn, and the seed they were drawn from.
    public var draws: Int
    public var seed: UInt64
    /// 10th, 50th and 90th percentiles of the NPV (as ``Projection/riskAdjustedNPV`` is defined: before
    /// financing, family labour valued, residual value included).
    public var p10NPV: Double, p50NPV: Double, p90NPV: Double
    /// The same of the gain over keeping the current use (the value ranked by).
    public var p10Gain: Double, p50Gain: Double, p90Gain: Double
    /// Mean NPV over the draws (equal to the risk-adjusted NPV up to sampling error).
    public var meanNPV: Double
    /// Share of draws that end worse off than keeping the current use (a gain below zero; on bare land,
    /// an NPV below zero).
    public var pLoss: Double
    /// Share of draws with a year, within the loan's term, in which the farm's cash — what was left of
    /// the household's capital and what the farm earned so far — does not pay the instalment. Zero
    /// without a loan.
    public var pMissedInstalment: Double
    /// Share of draws in which income per member in ``povertyYear`` is below the poverty line then.
    public var pBelowPovertyLine: Double
    /// The calendar year compared with the poverty line: the first year at full yield.
    public var povertyYear: Int
    /// The poverty line used, VND per person per month.
    public var povertyLineMonth: Double
}
