import AdviseKit
import ArgumentParser

/// The household facts as flags, kept as the text the user typed; the rule set's units and scales parse
/// them (so `7cong` uses the rule set's công and `--flood` accepts its levels).
struct HouseholdOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Land the household can convert: 7000 (m²), 7000m2, 0.7ha, 7cong.", valueName: "area"))
    var land: String?

    @Option(help: ArgumentHelp("Own capital: 150000000, 150tr, 150trieu, 150M, 1.5ty. Omit it to see what each model needs.", valueName: "money"))
    var capital: String?

    @Option(help: ArgumentHelp("Tidal flood exposure: none, occasional, frequent.", valueName: "level"))
    var flood: String?

    @Option(help: ArgumentHelp("Dry-season canal salinity: low, medium, high.", valueName: "level"))
    var salinity: String?

    @Option(help: ArgumentHelp("Working household members.", valueName: "people"))
    var labour: String?

    @Option(help: ArgumentHelp("Household members.", valueName: "people"))
    var members: String?

    @Option(name: .customLong("current-use"), help: ArgumentHelp("Current land use: bare, rice, neglected-coconut, coconut, mixed-garden.", valueName: "use"))
    var currentUse: String?

    @Option(name: .customLong("loan-category"), help: ArgumentHelp("Loan category: poor, near-poor, newly-escaped, none.", valueName: "category"))
    var loanCategory: String?

    @Option(help: ArgumentHelp("A household file (YAML, keys named like these flags); flags override it. `advise compare` takes several.", valueName: "file"))
    var household: [String] = []

    /// The flags as household input entries, laid over an optional file's.
    func input(over base: HouseholdInput) -> HouseholdInput {
        var input = base
        let flags: [(HouseholdFact, String?)] = [
            (.landM2, land), (.capitalVND, capital), (.flood, flood), (.salinity, salinity), (.labour, labour),
            (.members, members), (.currentUse, currentUse), (.loanCategory, loanCategory),
        ]
        for case let (fact, text?) in flags { input[fact] = HouseholdInput.Entry(text) }
        return input
    }
}

/// Where the rule set lives, and the override files laid over it.
struct RuleSetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The rule set folder (default: ./Rules, or $ADVISE_RULES).", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("override"), help: ArgumentHelp("An override file (kind: override) replacing named figures; repeatable, applied in order.", valueName: "file"))
    var overrides: [String] = []
}

/// Output choices shared by the commands that print advice.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, markdown, message
}

/// Output for the rule-set tools: lines for people and editors, or JSON for tools.
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}
extension RankBy: ExpressibleByArgument {}
