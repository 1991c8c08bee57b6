/// A household written in a model file with the verdict and figures the rule author expects; the test
/// suite evaluates every one.
public struct WorkedExample: Sendable {
    public var id: String
    /// What the example shows.
    public var description: String?
    /// The household, in the same forms the command-line flags accept.
    public var household: HouseholdInput
    /// The verdict expected for this model.
    public var verdict: Verdict?
    /// Rules expected to fire.
    public var rulesFired: [String]
    /// Figures expected to fall within a range.
    public var ranges: [ExpectedRange]
    /// Where the example is written.
    public var location: SourceLocation
}

/// One expected figure: the JSON field name and an inclusive range.
public struct ExpectedRange: Sendable {
    public var field: String
    public var minimum: Double
    public var maximum: Double
    public var location: SourceLocation

    /// Output fields an example may check: every answer's number (the numbers of `AnswerField.all`, in its order;
    /// a test holds the two, and the model schema's `expect`, equal), then an option's scale and the batch's loan.
    public static let fields = [
        "investment_vnd", "capital_gap_vnd", "annual_net_income_vnd", "expected_loss_vnd", "risk_adjusted_income_vnd",
        "npv_vnd", "risk_adjusted_npv_vnd", "gain_npv_vnd", "gain_income_vnd", "residual_value_vnd", "family_labour_value_vnd",
        "payback_year", "first_income_year", "cash_low_point_vnd", "cash_low_point_year", "labour_days", "hired_labour_days",
        "area_m2", "units", "loan_vnd",
    ]
}
