/// One advice as the log keeps it: when and where it was given, the household's facts, the rule set it came
/// from, what was recommended with its key figures, and what each model that could be chosen was predicted
/// to yield, fetch and earn. A household's id and name are kept only with its consent (``consentAt``);
/// without it, or once the household asked to be forgotten (``erasedAt``), the record keeps its figures alone.
public struct AdviceRecord: Sendable, Equatable, Codable {
    /// The log's number for it; nil before it is recorded. Internal to the log: the web knows a record by
    /// its ``reference``, which cannot be guessed by counting.
    public var id: Int64?
    /// The record's public reference: 128 random bits as 32 hexadecimal digits.
    public var reference: String = AdviceRecord.newReference()
    /// When it was given, `YYYY-MM-DDTHH:MM:SSZ`.
    public var recordedAt: String = ""
    /// Who gave it: `cli`, `web` (the form) or `api`.
    public var channel: String = ""
    public var householdID: String?
    public var householdName: String?
    public var landM2: Double = 0
    public var capitalVND: Double?
    public var flood: String = ""
    public var salinity: String = ""
    public var labour: Double = 0
    public var members: Double = 0
    public var currentUse: String = ""
    public var loanCategory: String = ""
    public var otherIncomeVND: Double = 0
    public var rulesetID: String = ""
    public var rulesetVersion: String = ""
    /// Where the rule set was read (`embedded`, a folder), and the overrides applied, comma-separated.
    public var rulesetSource: String = ""
    public var overrides: String = ""
    /// The models recommended, joined by `+`; nil when nothing is.
    public var recommendation: String?
    public var investmentVND: Double?
    public var loanVND: Double?
    public var riskAdjustedIncomeVND: Double?
    public var gainNPVVND: Double?
    public var paybackYear: Int?
    public var firstIncomeYear: Int?
    public var incomePerMemberMonthVND: Double?
    /// Every model that was not unsuitable, at the scale advised for it (a plan's share of the land for the
    /// plan's models): what a follow-up is compared with.
    public var predictions: [ModelPrediction] = []
    /// The day the household agreed to its name and id being kept, `YYYY-MM-DD`; nil: no consent, no name or id.
    public var consentAt: String?
    /// The user who recorded it (the log's user number); nil: recorded on the command line.
    public var recordedBy: Int64?
    /// When the household's identifying data was erased at its request; nil: never.
    public var erasedAt: String?

    /// An empty record (the export's header when the log is empty).
    init() {}

    /// The record of an advice: `evaluator` gives the recommended plan's income per member, as the batch does.
    public init(_ advice: Advice, evaluator: Evaluator, source: String, channel: String, at time: String) {
        let h = advice.household
        id = nil
        recordedAt = time
        self.channel = channel
        householdID = h.id
        householdName = h.name
        landM2 = h.landM2
        capitalVND = h.capitalVND
        flood = h.flood
        salinity = h.salinity
        labour = h.labour
        members = h.members
        currentUse = h.currentUse
        loanCategory = h.loanCategory
        otherIncomeVND = h.otherIncomeVND
        rulesetID = advice.ruleset.id
        rulesetVersion = advice.ruleset.version
        rulesetSource = source
        overrides = advice.overrides.map(\.id).joined(separator: ",")
        let summary: OptionSummary? = if let plan = advice.recommendedPlan { evaluator.summary(plan, h) }
            else { advice.recommendation.map { OptionSummary($0, incomePerMemberMonth: $0.incomePerMemberMonth, abovePovertyLine: $0.abovePovertyLine) } }
        recommendation = summary?.model
        investmentVND = summary?.investment
        loanVND = summary.map { $0.loan ?? 0 }
        riskAdjustedIncomeVND = summary?.riskAdjustedIncome
        gainNPVVND = summary?.gainNPV
        paybackYear = summary?.paybackYear
        firstIncomeYear = summary?.firstIncomeYear
        incomePerMemberMonthVND = summary?.incomePerMemberMonth
        predictions = advice.options.filter { $0.verdict != .unsuitable }.map(ModelPrediction.init)
        // A plan's models are predicted at the plan's scale, from the plan's own projection of them.
        if let plan = advice.recommendedPlan {
            let models = plan.components.flatMap(\.models)
            for part in plan.projection.parts {
                guard let model = models.first(where: { $0.id == part.economics.modelID }) else { continue }
                let prediction = ModelPrediction(model, part, of: plan.projection)
                if let i = predictions.firstIndex(where: { $0.model == model.id }) { predictions[i] = prediction } else { predictions.append(prediction) }
            }
        }
    }

    /// A new public reference: 16 bytes from the system's cryptographic generator, in hexadecimal.
    public static func newReference() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// Whether `text` has the shape of a public reference (32 lowercase hexadecimal digits).
    public static func isReference(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The record as kept: with the household's consent on `day`, its id and name; without, neither.
    public func consented(_ day: String?) -> AdviceRecord {
        var record = self
        record.consentAt = day
        if day == nil { record = record.deidentified }
        return record
    }

    /// The record without the household's id or name (what an agronomist sees, and what a default export
    /// carries).
    public var deidentified: AdviceRecord {
        var record = self
        record.householdID = nil
        record.householdName = nil
        return record
    }

    /// The record's columns in the log's order, the predictions as JSON text: what the log writes and the
    /// export lists (the export without the predictions).
    public var columns: [(name: String, value: LogValue)] {
        [("id", .integer(id.map(Int.init))), ("recorded_at", .text(recordedAt)), ("channel", .text(channel)), ("household_id", .text(householdID)),
         ("household_name", .text(householdName)), ("land_m2", .real(landM2)), ("capital_vnd", .real(capitalVND)), ("flood", .text(flood)),
         ("salinity", .text(salinity)), ("labour", .real(labour)), ("members", .real(members)), ("current_use", .text(currentUse)),
         ("loan_category", .text(loanCategory)), ("other_income_vnd", .real(otherIncomeVND)), ("ruleset_id", .text(rulesetID)),
         ("ruleset_version", .text(rulesetVersion)), ("ruleset_source", .text(rulesetSource)), ("overrides", .text(overrides)),
         ("recommendation", .text(recommendation)), ("investment_vnd", .real(investmentVND)), ("loan_vnd", .real(loanVND)),
         ("risk_adjusted_income_vnd", .real(riskAdjustedIncomeVND)), ("gain_npv_vnd", .real(gainNPVVND)), ("payback_year", .integer(paybackYear)),
         ("first_income_year", .integer(firstIncomeYear)), ("income_per_member_month_vnd", .real(incomePerMemberMonthVND)),
         ("predictions", .text(JSONValue.array(predictions.map(\.json)).compact())), ("ref", .text(reference)), ("consent_at", .text(consentAt)),
         ("recorded_by", .integer(recordedBy.map(Int.init))), ("erased_at", .text(erasedAt))]
    }

    /// The prediction for a model, if it was one the household could choose.
    public func prediction(_ model: String) -> ModelPrediction? { predictions.first { $0.model == model } }

    /// The log's column names.
    enum CodingKeys: String, CodingKey {
        case id, channel, flood, salinity, labour, members, recommendation, predictions, overrides
        case recordedAt = "recorded_at", householdID = "household_id", householdName = "household_name", landM2 = "land_m2"
        case capitalVND = "capital_vnd", currentUse = "current_use", loanCategory = "loan_category", otherIncomeVND = "other_income_vnd"
        case rulesetID = "ruleset_id", rulesetVersion = "ruleset_version", rulesetSource = "ruleset_source"
        case investmentVND = "investment_vnd", loanVND = "loan_vnd", riskAdjustedIncomeVND = "risk_adjusted_income_vnd"
        case gainNPVVND = "gain_npv_vnd", paybackYear = "payback_year", firstIncomeYear = "first_income_year"
        case incomePerMemberMonthVND = "income_per_member_month_vnd"
        case reference = "ref", consentAt = "consent_at", recordedBy = "recorded_by", erasedAt = "erased_at"
    }
}
