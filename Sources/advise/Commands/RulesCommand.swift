import ArgumentParser

/// `advise rules …`: tools for the agronomists who keep the rule set.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, sweep and document the rule set.",
        subcommands: [RulesCheckCommand.self, RulesCoverageCommand.self, RulesListCommand.self, RulesShowCommand.self, RulesDocsCommand.self, RulesExportCommand.self]
    )
}
