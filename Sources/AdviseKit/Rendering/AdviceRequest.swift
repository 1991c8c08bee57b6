/// One household's advice as `advise` and the server give it: the household as written, the choices of
/// method and output, and the rendered answer. The command line and the web share it, so the same household
/// gets the same bytes from both (`advise … --format json` and `POST /api/v1/advice`).
public struct AdviceRequest: Sendable {
    /// What the answer is written as.
    public enum Format: String, Sendable, CaseIterable {
        /// For a terminal.
        case text
        /// The contract other tools read.
        case json
        /// The one-page printable report.
        case html
        /// The report in Markdown.
        case markdown
        /// A Zalo/SMS message of at most 640 characters.
        case message
    }

    /// The household's values as written (flags, a file, a form or a JSON body).
    public var input: HouseholdInput
    public var format: Format = .text
    /// The output language; nil: the rule set's.
    public var language: Language?
    public var rank: RankBy = .gain
    /// Adds the trace (every rule, the values it read, the scales tried).
    public var explain = false
    /// With ``Format/message``: plain ASCII for SMS.
    public var ascii = false
    public var plan = PlanOptions()
    /// The odds' simulation; nil for none.
    public var odds: RiskSimulation.Options? = RiskSimulation.Options()
    /// Today, `YYYY-MM-DD`: the report's date, and year 0 of the projections is its year.
    public var today: String

    /// A request for `input` on `today`, with the defaults of `advise`.
    public init(input: HouseholdInput, today: String) {
        self.input = input
        self.today = today
    }

    /// The advice for an already parsed household.
    public func advice(_ household: Household, ruleSet: RuleSet) -> Advice {
        advice(household, evaluator: Evaluator(ruleSet: ruleSet, year: Today.year(of: today)))
    }

    /// The advice from an evaluator kept across requests (year 0 must be today's year): it shares the
    /// odds' draws and, through `cache`, the models' economics with the households before.
    public func advice(_ household: Household, evaluator: Evaluator, cache: EvaluationCache? = nil) -> Advice {
        evaluator.advise(household, rankBy: rank, trace: explain, plans: true, planOptions: plan, changes: true, odds: odds, cache: cache)
    }

    /// The advice written in the chosen format and language.
    public func render(_ advice: Advice, ruleSet: RuleSet) -> String {
        let settings = ruleSet.settings
        let language = language ?? settings.language
        switch format {
        case .text: return TextRenderer(language: language, explain: explain, settings: settings).render(advice)
        case .json: return JSONRenderer(language: language, explain: explain, settings: settings).render(advice)
        case .html: return HTMLReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: today)).render()
        case .markdown: return MarkdownReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: today)).render()
        case .message: return MessageRenderer(language: language, ascii: ascii).render(advice, settings: settings)
        }
    }
}
