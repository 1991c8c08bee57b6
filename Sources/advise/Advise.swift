import AdviseKit
import ArgumentParser
import Foundation

/// `advise`: farm-model advice for Ben Tre ward households. `advise --land 7000` runs `advise recommend`.
@main
struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Recommend a livelihood conversion for a household: which model, what it costs, what it earns.",
        discussion: "Exit codes: " + Console.exitCodes.map { "\($0.code) \($0.meaning)" }.joined(separator: "; ") + ".",
        version: "0.1.0",
        subcommands: [RecommendCommand.self, CompareCommand.self, BatchCommand.self, WardCommand.self, RulesCommand.self, LogCommand.self, UsersCommand.self],
        defaultSubcommand: RecommendCommand.self
    )

    /// Parses and runs; the parser's own messages come out in the user's language (``UsageMessage``).
    static func main() {
        // A reader that stops early (`advise batch … | head`) makes a write fail with EPIPE, which the
        // output names (exit 74), instead of the signal killing the process (141).
        signal(SIGPIPE, SIG_IGN)
        Console.chosenLanguage = UsageMessage.language(of: Array(CommandLine.arguments.dropFirst()))
        do {
            // The household's number facts (those without a scale of levels), as flags, and a season's net
            // income (a loss season is negative).
            let flags = Set(HouseholdFact.allCases.filter { $0.scale == nil }.map { "--" + $0.inputName } + ["--net-income"])
            var command = try parseAsRoot(UsageMessage.joiningNegativeNumbers(Array(CommandLine.arguments.dropFirst()), flags: flags))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = UsageMessage.localized(fullMessage(for: error), Console.language, arguments: Array(CommandLine.arguments.dropFirst()))
            if !text.isEmpty {
                if code == .success { print(text) } else { Console.printError(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
