/// A whole rule set: the regional settings, the models and the sources their figures cite.
public struct RuleSet: Sendable {
    public var settings: RegionalSettings
    /// Models in id order.
    public var models: [FarmModel]
    /// How models may be combined in whole-farm plans.
    public var combinations: Combinations
    /// Sources by id.
    public var sources: [String: Source]
    /// Override files applied, in order.
    public var overrides: [AppliedOverride]
    /// Findings that did not stop the load (warnings), to show once.
    public var warnings: [Diagnostic]

    /// The model with an id.
    public func model(_ id: String) -> FarmModel? { models.first { $0.id == id } }
}
