/// How models may be combined in a whole-farm plan: which share land as an intercrop, and which must
/// stay on separate plots. Any other pair may sit side by side on separate land.
public struct Combinations: Sendable {
    public var intercrops: [Intercrop] = []
    public var separate: [SeparatePlots] = []

    public init(intercrops: [Intercrop] = [], separate: [SeparatePlots] = []) {
        self.intercrops = intercrops
        self.separate = separate
    }
}

/// Two area models grown together on the same land, each at a share of its pure density (its yield,
/// costs, investment and labour scale with that share).
public struct Intercrop: Sendable {
    public var id: String
    /// The two model ids.
    public var models: [String]
    /// The share of each model's pure density, by model id (0–1).
    public var shares: [String: Double]
    public var message: LocalizedText
    public var provenance: Provenance
}

/// Two models that may be in one plan only on separate plots (a note in the plan).
public struct SeparatePlots: Sendable {
    public var id: String
    public var models: [String]
    public var message: LocalizedText
    public var location: SourceLocation
}
