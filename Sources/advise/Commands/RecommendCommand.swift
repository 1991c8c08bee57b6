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
    @OptionGroup(title: "The advice log") var logOptions: LogOptions

    @Option(help: "Output language (default: the rule set's).")
    var lang: Language?

    @Option(help: "Output format: text (terminal), json, html (one-page printable report), markdown, message (Zalo/SMS, at most 640 characters).")
    var format: AdviceRequest.Format = .text

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
        try Console.checkLogAvailable(logOptions)
        try Console.refuseOverwriting(output, inputs: householdOptions.household + ruleSetOptions.overrides)
        let ruleSet = try Console.loadRules(ruleSetOptions)
        guard householdOptions.household.count <= 1 else {
            throw ValidationError(Catalogue.text(.argOneHousehold, Console.language))
        }
        let base = try householdOptions.household.first.map { try Console.loadHousehold($0) } ?? HouseholdInput()
        let input = householdOptions.input(over: base)
        var request = AdviceRequest(input: input, today: Console.today)
        request.format = format
        request.language = lang
        request.rank = rank
        request.explain = explain
        request.ascii = ascii
        request.plan = planFlags.options
        request.odds = oddsFlags.options
        let household = try Console.parseHousehold(input, ruleSet: ruleSet)
        let evaluator = Evaluator(ruleSet: ruleSet, year: Today.year(of: request.today))
        let advice = request.advice(household, evaluator: evaluator)
        try Console.emit(request.render(advice, ruleSet: ruleSet), to: output)
        if logOptions.enabled { try Console.record(advice, evaluator: evaluator, options: logOptions) }
    }
}
