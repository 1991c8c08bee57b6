import ArgumentParser

/// `advise`: farm-model advice for Ben Tre ward households. `advise --land 7000` runs `advise recommend`.
@main
struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Recommend a livelihood conversion for a household: which model, what it costs, what it earns.",
        discussion: """
        Exit codes: 0 success; 64 a bad flag or household value; 65 an invalid rule set or household file; \
        66 a file that cannot be read.
        """,
        version: "0.1.0",
        subcommands: [RecommendCommand.self, CompareCommand.self, BatchCommand.self, RulesCommand.self],
        defaultSubcommand: RecommendCommand.self
    )
}
