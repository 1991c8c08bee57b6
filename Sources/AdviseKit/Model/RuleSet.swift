/// A whole rule set: the regional settings, the models and the sources their figures cite.
public struct RuleSet: Sendable {
    public var settings: RegionalSettings
    /// Models a household can convert to, in id order.
    public var models: [FarmModel]
    /// What current land uses earn if kept (`role: baseline`), in id order.
    public var baselines: [FarmModel] = []
    /// How models may be combined in whole-farm plans.
    public var combinations: Combinations
    /// Sources by id.
    public var sources: [String: Source]
    /// Override files applied, in order.
    public var overrides: [AppliedOverride]
    /// Findings that did not stop the load (warnings), to show once.
    public var warnings: [Diagnostic]

    /// The warnings about figures past their date or with old sources, which every output repeats.
    public var stale: [Diagnostic] { warnings.filter { ["figure.expired", "figure.stale"].contains($0.code) } }

    /// The baseline model of a current-use level, if it has one.
    public func baseline(forCurrentUse level: String) -> FarmModel? {
        guard let id = settings.scales["current_use"]?.level(level)?.baseline else { return nil }
        return baselines.first { $0.id == id }
    }

    /// The model with an id.
    public func model(_ id: String) -> FarmModel? { models.first { $0.id == id } }
}
