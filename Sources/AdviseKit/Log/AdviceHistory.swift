/// An advice with everything recorded after it: what the household did and what each season brought.
public struct AdviceHistory: Sendable, Equatable {
    public var record: AdviceRecord
    public var followUps: [FollowUp]
    public var seasons: [SeasonReport]

    public init(record: AdviceRecord, followUps: [FollowUp] = [], seasons: [SeasonReport] = []) {
        self.record = record
        self.followUps = followUps
        self.seasons = seasons
    }

    /// The scale the household took a model up at: the latest follow-up's for it, else the scale advised.
    func scale(of model: String) -> Double? {
        followUps.last { $0.model == model }?.scale ?? record.prediction(model)?.scale
    }
}
