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

    @Option(help: "Language of the findings (default: the rule set's; Vietnamese when it cannot be read).")
    var lang: Language?

    func run() throws {
        Console.chosenLanguage = lang
        let source = RuleSetSource.find(self.directory)
        let directory = source.name
        var findings: [Diagnostic]
        var ruleSet: RuleSet?
        do {
            let loaded = try source.load(overrides: overrides, today: Console.today, examples: true)
            findings = loaded.warnings
            ruleSet = loaded
        } catch {
            findings = error.diagnostics
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        let language = lang ?? ruleSet?.settings.language ?? Console.language
        switch format {
        case .text:
            for d in findings { print(d.description(in: language)) }
            var summary = Catalogue.format(.checkSummary, language, directory, Catalogue.format(errors == 1 ? .checkError : .checkErrors, language, String(errors)),
                                           Catalogue.format(warnings == 1 ? .checkWarning : .checkWarnings, language, String(warnings)))
            if let ruleSet {
                summary += Catalogue.format(.checkContents, language, String(ruleSet.models.count), String(ruleSet.models.reduce(0) { $0 + $1.rules.count }),
                                            String(ruleSet.models.reduce(0) { $0 + $1.examples.count }))
            }
            print(summary)
        case .json:
            let document = JSONValue.object([
                ("directory", .string(directory)),
                ("ruleset", .optional(ruleSet) { .object([("id", .string($0.settings.ruleset.id)), ("version", .string($0.settings.ruleset.version))]) }),
                ("errors", .int(Int64(errors))),
                ("warnings", .int(Int64(warnings))),
                ("findings", .array(findings.map { d in
                    .object([("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message(in: language))),
                             ("file", .optional(d.location) { .string($0.file) }), ("line", .optional(d.location) { .int(Int64($0.line)) }),
                             ("column", .optional(d.location) { .int(Int64($0.column)) })])
                })),
            ])
            print(document.serialized())
        }
        if errors > 0 { throw ExitCode(Console.dataError) }
    }
}
