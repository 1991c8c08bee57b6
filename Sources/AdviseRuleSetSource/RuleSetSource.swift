import AdviseKit
import AdviseRuleSet
import Foundation

/// Where the rule set comes from, in the order it is looked for: `--rules DIR`, `$ADVISE_RULES`, a `Rules/`
/// folder in the current directory, and the rule set built into the binary. Every output names it
/// (`ruleset.source`).
public enum RuleSetSource: Equatable, Sendable {
    case folder(String)
    case embedded

    /// The source for a `--rules` flag (or nil).
    public static func find(_ flag: String?) -> RuleSetSource {
        if let flag { return .folder(flag) }
        if let env = ProcessInfo.processInfo.environment["ADVISE_RULES"], !env.isEmpty { return .folder(env) }
        if FileManager.default.fileExists(atPath: "Rules/settings.yaml") { return .folder("Rules") }
        return .embedded
    }

    /// How outputs name it: the folder as given, or `embedded`.
    public var name: String {
        switch self {
        case let .folder(path): path
        case .embedded: "embedded"
        }
    }

    /// Loads it with the override files, checked against `today` when given. The worked examples of the rule
    /// set built into the binary (embedded, or a folder holding exactly its files) are not run again: its tests
    /// ran them. `rules check` (`examples: true`) runs them whatever the rule set.
    public func load(overrides: [String], today: String?, examples: Bool = false) throws(DiagnosticError) -> RuleSet {
        var ruleSet: RuleSet
        let checked = examples ? [] : EmbeddedRules.files.map(\.text)
        switch self {
        case let .folder(path):
            ruleSet = try RuleSetLoader.load(directory: path, overrides: overrides, today: today, checked: checked)
        case .embedded:
            ruleSet = try RuleSetLoader.load(files: EmbeddedRules.files, overridePaths: overrides, today: today, checked: checked)
        }
        ruleSet.settings.ruleset.source = name
        return ruleSet
    }
}
