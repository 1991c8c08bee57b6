import AdviseKit
import ArgumentParser

/// `advise rules list`: the models of the rule set, one a line.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rule set's models with their scale, rules and examples.")

    @OptionGroup var ruleSetOptions: RuleSetOptions

    @Option(help: "Language of the names (default: the rule set's).")
    var lang: Language?

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let language = lang ?? ruleSet.settings.language
        let s = ruleSet.settings
        print("\(s.ruleset.id) \(s.ruleset.version) (\(s.ruleset.effective)) — \(s.ruleset.name(language))")
        for m in ruleSet.models {
            let scale = m.scale.isUnits ? "by unit" : "by area"
            print("\(m.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(m.name(language)) — \(scale), \(m.rules.count) rules, \(m.examples.count) examples")
        }
    }
}
