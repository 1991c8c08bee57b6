/// What a household did after an advice: the model it chose, at what scale, what it invested and borrowed.
public struct FollowUp: Sendable, Equatable, Codable {
    public var id: Int64?
    /// The advice it follows.
    public var adviceID: Int64
    public var recordedAt: String
    /// The model chosen (any of the rule set's, or the current use kept).
    public var model: String
    /// The scale it took up, in the model's terms (m² or units); nil: as advised.
    public var scale: Double?
    public var investedVND: Double?
    public var loanVND: Double?
    public var note: String?

    /// The agronomist who confirmed a report outside the plausible bounds (``CalibrationLimits``); nil: not confirmed.
    public var confirmedBy: String?
    /// When the report was withdrawn (a mistake; a corrected report is recorded anew); nil: it stands.
    public var withdrawnAt: String?

    public init(adviceID: Int64, recordedAt: String, model: String, scale: Double? = nil, investedVND: Double? = nil, loanVND: Double? = nil, note: String? = nil) {
        self.adviceID = adviceID
        self.recordedAt = recordedAt
        self.model = model
        self.scale = scale
        self.investedVND = investedVND
        self.loanVND = loanVND
        self.note = note
    }

    /// The follow-up without its note (a note may name people: a de-identified export leaves it out).
    public var withoutNote: FollowUp {
        var followUp = self
        followUp.note = nil
        return followUp
    }

    /// The follow-up's columns in the log's order.
    public var columns: [(name: String, value: LogValue)] {
        [("id", .integer(id.map(Int.init))), ("advice_id", .integer(adviceID)), ("recorded_at", .text(recordedAt)), ("model", .text(model)),
         ("scale", .real(scale)), ("invested_vnd", .real(investedVND)), ("loan_vnd", .real(loanVND)), ("note", .text(note)), ("confirmed_by", .text(confirmedBy)), ("withdrawn_at", .text(withdrawnAt))]
    }

    /// The log's column names.
    enum CodingKeys: String, CodingKey {
        case id, model, scale, note
        case confirmedBy = "confirmed_by", withdrawnAt = "withdrawn_at"
        case adviceID = "advice_id", recordedAt = "recorded_at", investedVND = "invested_vnd", loanVND = "loan_vnd"
    }
}
