import AdviseKit
import ArgumentParser
import Foundation

/// `advise rules docs`: the Markdown reference of the whole rule set.
struct RulesDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docs", abstract: "Write the Markdown reference of every model, rule and source (docs/rules-reference.md).")

    @OptionGroup var ruleSetOptions: RuleSetOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let text = ReferenceRenderer(ruleSet: ruleSet).render()
        try Console.emit(text, to: output)
    }
}
