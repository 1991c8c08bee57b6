/// What a household reported for one season of a model it took up: the year since it started, what one
/// output brought in (quantity and price), and what the model earned in all.
public struct SeasonReport: Sendable, Equatable, Codable {
    public var id: Int64?
    public var adviceID: Int64
    public var recordedAt: String
    public var model: String
    /// The year since the investment, from 1 (as the advice counts them).
    public var year: Int
    /// The output reported on, with its quantity in its product unit (nuts, kg, months) and price, VND per unit.
    public var output: String?
    public var quantity: Double?
    public var priceVND: Double?
    /// The model's net income that year, VND, after its costs.
    public var netIncomeVND: Double?

    /// The agronomist who confirmed a report outside the plausible bounds (``CalibrationLimits``); nil: not confirmed.
    public var confirmedBy: String?
    /// When the report was withdrawn (a mistake; a corrected report is recorded anew); nil: it stands.
    public var withdrawnAt: String?

    public init(adviceID: Int64, recordedAt: String, model: String, year: Int, output: String? = nil, quantity: Double? = nil,
                priceVND: Double? = nil, netIncomeVND: Double? = nil) {
        self.adviceID = adviceID
        self.recordedAt = recordedAt
        self.model = model
        self.year = year
        self.output = output
        self.quantity = quantity
        self.priceVND = priceVND
        self.netIncomeVND = netIncomeVND
    }

    /// The report's columns in the log's order.
    public var columns: [(name: String, value: LogValue)] {
        [("id", .integer(id.map(Int.init))), ("advice_id", .integer(adviceID)), ("recorded_at", .text(recordedAt)), ("model", .text(model)),
         ("year", .integer(year)), ("output", .text(output)), ("quantity", .real(quantity)), ("price_vnd", .real(priceVND)),
         ("net_income_vnd", .real(netIncomeVND)), ("confirmed_by", .text(confirmedBy)), ("withdrawn_at", .text(withdrawnAt))]
    }

    /// The log's column names.
    enum CodingKeys: String, CodingKey {
        case id, model, year, output, quantity
        case confirmedBy = "confirmed_by", withdrawnAt = "withdrawn_at"
        case adviceID = "advice_id", recordedAt = "recorded_at", priceVND = "price_vnd", netIncomeVND = "net_income_vnd"
    }
}
