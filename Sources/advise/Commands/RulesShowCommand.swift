import AdviseKit
import ArgumentParser

/// `advise rules show MODEL`: one model's figures, rules and examples, with their sources.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one model: every figure with its unit and source, its rules and worked examples (Markdown).")

    @Argument(help: "The model id (see `advise rules list`).")
    var model: String

    @OptionGroup var ruleSetOptions: RuleSetOptions

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        guard let m = ruleSet.model(model) else {
            throw ValidationError(Catalogue.format(.argUnknownModel, Console.language, model, ruleSet.models.map(\.id).joined(separator: ", ")))
        }
        print(ReferenceRenderer(ruleSet: ruleSet).model(m).joined(separator: "\n"))
    }
}
