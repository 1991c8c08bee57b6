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

    @Option(help: "Output language (default: the rule set's).")
    var lang: Language?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Rank options by: risk-npv (default), income, npv, payback, first-income.")
    var rank: RankBy = .riskAdjustedNPV

    @Flag(help: "Add the trace: every rule evaluated, the values it read, its result, and the scales tried.")
    var explain = false

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let base = try householdOptions.household.map { try Console.loadHousehold($0) } ?? HouseholdInput()
        let input = householdOptions.input(over: base)
        let household = try Console.parseHousehold(input, settings: ruleSet.settings)
        let advice = Evaluator(ruleSet: ruleSet).advise(household, rankBy: rank, trace: explain)
        let language = lang ?? ruleSet.settings.language
        switch format {
        case .text: print(TextRenderer(language: language, explain: explain, settings: ruleSet.settings).render(advice), terminator: "")
        case .json: print(JSONRenderer(language: language, explain: explain).render(advice), terminator: "")
        }
    }
}
