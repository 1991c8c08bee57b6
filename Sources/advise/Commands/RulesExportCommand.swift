import AdviseKit
import AdviseRuleSet
import ArgumentParser
import Foundation

/// `advise rules export DIR`: writes the rule set built into the binary as a `Rules/` folder, to edit.
struct RulesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the rule set built into advise to a folder (DIR/Rules/…), to read or edit; then use it with --rules DIR/Rules.",
        discussion: "No file is overwritten: an existing file is refused (exit 73). Exit 74 when a file cannot be written."
    )

    @Argument(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var directory: String

    func run() throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: directory)
        let targets = EmbeddedRules.files.map { (root.appendingPathComponent($0.path), $0.text) }
        if let existing = targets.first(where: { fm.fileExists(atPath: $0.0.path) }) {
            Console.printError("advise: " + Catalogue.format(.exportExists, Console.language, existing.0.path))
            throw ExitCode(Console.cannotCreate)
        }
        for (url, text) in targets {
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Console.emit(text, to: url.path)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.printError("advise: " + Catalogue.format(.writeFailed, Console.language, url.deletingLastPathComponent().path, TextFile.describe(error)(Console.language)))
                throw ExitCode(Console.ioError)
            }
        }
        let folder = root.appendingPathComponent("Rules").path
        Console.printError("advise: " + Catalogue.format(.exportDone, Console.language, String(targets.count), folder, folder))
    }
}
