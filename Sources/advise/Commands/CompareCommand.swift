import AdviseKit
import ArgumentParser

/// `advise compare`: every model and the best plan side by side, or several households for a club meeting.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare every model and the best plan for one household, or several households' best plans (--household a.yaml --household b.yaml)."
    )

    @OptionGroup var householdOptions: HouseholdOptions
    @OptionGroup var ruleSetOptions: RuleSetOptions
    @OptionGroup(title: "Whole-farm plan") var planFlags: PlanFlags
    @OptionGroup(title: "The odds") var oddsFlags: OddsFlags

    @Option(help: "Output language (default: the rule set's).")
    var lang: Language?

    @Option(help: "Output format.")
    var format: FindingsFormat = .text

    @Option(name: .customLong("bad-year"), help: ArgumentHelp("The year in which every expected hazard strikes, for the bad-year figures.", valueName: "k"))
    var badYear = 3

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard (1...50).contains(badYear) else { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--bad-year", "1", "50")) }
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOverwriting(output, inputs: householdOptions.household + ruleSetOptions.overrides)
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let files = householdOptions.household
        var inputs: [(String, HouseholdInput)] = []
        if files.count > 1 {
            for file in files { inputs.append((file, try Console.loadHousehold(file))) }
        } else {
            let base = try files.first.map { try Console.loadHousehold($0) } ?? HouseholdInput()
            inputs.append((files.first ?? "-", householdOptions.input(over: base)))
        }
        let evaluator = Console.evaluator(ruleSet)
        var advices: [(name: String, advice: Advice)] = []
        for (name, input) in inputs {
            let household = try Console.parseHousehold(input, ruleSet: ruleSet)
            advices.append((household.id ?? name, evaluator.advise(household, plans: true, planOptions: planFlags.options, odds: oddsFlags.options)))
        }
        let renderer = CompareRenderer(language: lang ?? ruleSet.settings.language, settings: ruleSet.settings, badYear: badYear)
        let text = switch format {
        case .text: advices.count == 1 ? renderer.text(advices[0].advice) : renderer.text(advices)
        case .json: renderer.json(advices)
        }
        try Console.emit(text, to: output)
    }
}
