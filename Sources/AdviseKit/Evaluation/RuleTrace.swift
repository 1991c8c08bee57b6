/// One rule's evaluation for `--explain`: its condition, the values it read and whether it fired.
public struct RuleTrace: Sendable, Equatable {
    /// What happened to the rule.
    public enum Result: String, Sendable {
        case fired, notFired = "not-fired", skipped
    }

    public var rule: String
    public var condition: String
    public var effect: String
    public var result: Result
    public var observed: [Reason.Observation]
}

/// One scale tried by the scale search, for `--explain`.
public struct ScaleTrial: Sendable, Equatable {
    /// m² or units.
    public var scale: Double
    public var riskAdjustedNPV: Double
}
