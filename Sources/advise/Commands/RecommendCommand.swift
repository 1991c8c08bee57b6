import AdviseKit
import ArgumentParser

/// Recommends a conversion for one household.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Rank the rule set's models for one household (the default command)."
    )

    @OptionGroup var householdOptions: HouseholdOptions
    @OptionGroup var ruleSetOptions: RuleSetOptions
    @OptionGroup(title: "Whole-farm plan") var planFlags: PlanFlags
    @OptionGroup(title: "The odds") var oddsFlags: OddsFlags

    @Option(help: "Output language (default: the rule set's).")
    var lang: Language?

    @Option(help: "Output format: text (terminal), json, html (one-page printable report), markdown, message (Zalo/SMS, at most 640 characters).")
    var format: OutputFormat = .text

    @Flag(help: "With --format message: plain ASCII for SMS (no diacritics).")
    var ascii = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Rank options by: gain (default: the risk-adjusted NPV over keeping the current use), downside (the gain in a bad case, P10 of the odds), risk-npv, income, npv, payback, first-income.")
    var rank: RankBy = .gain

    @Flag(help: "Add the trace: every rule evaluated, the values it read, its result, and the scales tried.")
    var explain = false

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOverwriting(output, inputs: householdOptions.household + ruleSetOptions.overrides)
        let ruleSet = try Console.loadRules(ruleSetOptions)
        guard householdOptions.household.count <= 1 else {
            throw ValidationError("--household takes one file here; use `advise compare --household a.yaml --household b.yaml` for several")
        }
        let base = try householdOptions.household.first.map { try Console.loadHousehold($0) } ?? HouseholdInput()
        let input = householdOptions.input(over: base)
        let household = try Console.parseHousehold(input, settings: ruleSet.settings)
        let advice = Console.evaluator(ruleSet).advise(household, rankBy: rank, trace: explain, plans: true, planOptions: planFlags.options, changes: true, odds: oddsFlags.options)
        let language = lang ?? ruleSet.settings.language
        let settings = ruleSet.settings
        let text: String
        switch format {
        case .text: text = TextRenderer(language: language, explain: explain, settings: settings).render(advice)
        case .json: text = JSONRenderer(language: language, explain: explain, settings: settings).render(advice)
        case .html: text = HTMLReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: Console.today)).render()
        case .markdown: text = MarkdownReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: Console.today)).render()
        case .message: text = MessageRenderer(language: language, ascii: ascii).render(advice, settings: settings)
        }
        try Console.emit(text, to: output)
    }
}
