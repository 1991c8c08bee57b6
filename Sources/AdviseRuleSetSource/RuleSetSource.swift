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

    /// Loads it with the override files, checked against `today` when given.
    public func load(overrides: [String], today: String?) throws(DiagnosticError) -> RuleSet {
        var ruleSet: RuleSet
        switch self {
        case let .folder(path):
            ruleSet = try RuleSetLoader.load(directory: path, overrides: overrides, today: today)
        case .embedded:
            ruleSet = try RuleSetLoader.load(files: EmbeddedRules.files, overridePaths: overrides, today: today)
        }
        ruleSet.settings.ruleset.source = name
        return ruleSet
    }
}
