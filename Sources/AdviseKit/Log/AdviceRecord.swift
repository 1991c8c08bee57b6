/// One advice as the log keeps it: when and where it was given, the household's facts, the rule set it came
/// from, what was recommended with its key figures, and what each model that could be chosen was predicted
/// to yield, fetch and earn. Household ids only: a name is kept only when the officer gave one.
public struct AdviceRecord: Sendable, Equatable, Codable {
    /// The log's number for it; nil before it is recorded.
    public var id: Int64?
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
            else { advice.recommendation.map(OptionSummary.init) }
        recommendation = summary?.model
        investmentVND = summary?.investment
        loanVND = summary.map { $0.loan ?? 0 }
        riskAdjustedIncomeVND = summary?.riskAdjustedIncome
        gainNPVVND = summary?.gainNPV
        paybackYear = summary?.paybackYear
        firstIncomeYear = summary?.firstIncomeYear
        incomePerMemberMonthVND = summary?.incomePerMemberMonth
        predictions = advice.options.filter { $0.verdict != .unsuitable }.map(ModelPrediction.init)
        // A plan's models are predicted at the plan's scale, the land the plan gives them.
        for component in advice.recommendedPlan?.components ?? [] {
            for (model, scale) in zip(component.models, component.scales) {
                guard let i = predictions.firstIndex(where: { $0.model == model.id }), let option = advice.options.first(where: { $0.model.id == model.id }),
                      option.scale > 0 else { continue }
                let ratio = scale / option.scale
                predictions[i].netByYearVND = predictions[i].netByYearVND.map { $0 * ratio }
                predictions[i].investmentVND *= ratio
                predictions[i].areaM2 *= ratio
                predictions[i].scale = scale
            }
        }
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
         ("predictions", .text(JSONValue.array(predictions.map(\.json)).compact()))]
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
    }
}
