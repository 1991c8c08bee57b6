/// What was reported after an advice: what the household did (a follow-up) or what a season brought.
public enum ReportKind: String, Sendable, CaseIterable {
    case followUp = "follow-up"
    case season

    /// The log's table for it.
    public var table: String { self == .season ? "season" : "follow_up" }
}
