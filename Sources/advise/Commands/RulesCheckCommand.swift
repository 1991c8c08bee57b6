import AdviseKit
import AdviseRuleSetSource
import ArgumentParser
import Foundation

/// `advise rules check [DIR]`: every finding at once, editor-friendly, or as JSON.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load, type-check and validate a rule set; print every finding as path:line:col: severity: message [code].",
        discussion: "Exit 0 when there are no errors (warnings allowed), 65 when there are."
    )

    @Argument(help: ArgumentHelp("The rule set folder (default: $ADVISE_RULES, ./Rules, else the rule set built in).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("override"), help: ArgumentHelp("An override file to check with the rule set; repeatable.", valueName: "file"))
    var overrides: [String] = []

    @Option(help: "Output format.")
    var format: FindingsFormat = .text

    func run() throws {
        let source = RuleSetSource.find(self.directory)
        let directory = source.name
        var findings: [Diagnostic]
        var ruleSet: RuleSet?
        do {
            let loaded = try source.load(overrides: overrides, today: Console.today)
            findings = loaded.warnings
            ruleSet = loaded
        } catch {
            findings = error.diagnostics
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        switch format {
        case .text:
            for d in findings { print(d.description) }
            print("\(directory): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                + (ruleSet.map { "; \($0.models.count) models, \($0.models.reduce(0) { $0 + $1.rules.count }) rules, \($0.models.reduce(0) { $0 + $1.examples.count }) worked examples" } ?? ""))
        case .json:
            let document = JSONValue.object([
                ("directory", .string(directory)),
                ("ruleset", .optional(ruleSet) { .object([("id", .string($0.settings.ruleset.id)), ("version", .string($0.settings.ruleset.version))]) }),
                ("errors", .int(Int64(errors))),
                ("warnings", .int(Int64(warnings))),
                ("findings", .array(findings.map { d in
                    .object([("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message)),
                             ("file", .optional(d.location) { .string($0.file) }), ("line", .optional(d.location) { .int(Int64($0.line)) }),
                             ("column", .optional(d.location) { .int(Int64($0.column)) })])
                })),
            ])
            print(document.serialized())
        }
        if errors > 0 { throw ExitCode(Console.dataError) }
    }
}
