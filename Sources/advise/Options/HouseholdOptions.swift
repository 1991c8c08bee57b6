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

    @Option(name: .customLong("other-income"), help: ArgumentHelp("The household's income beside the farm (wages, remittances, pensions): 3tr (a month), 3tr/tháng, 36tr/năm, 36tr/year.", valueName: "money"))
    var otherIncome: String?

    @Option(help: ArgumentHelp("A model the household already practises (its id: goat-raising); repeatable. Without it a model that takes skill is planned at its starter scale.", valueName: "model"))
    var experience: [String] = []

    @Option(help: ArgumentHelp("A household file (YAML, keys named like these flags); flags override it. `advise compare` takes several.", valueName: "file"))
    var household: [String] = []

    @Option(help: ArgumentHelp("The household's id (a register or club number), shown on the report.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The household's name, shown on the report only.", valueName: "name"))
    var name: String?

    /// The flags as household input entries, laid over an optional file's.
    func input(over base: HouseholdInput) -> HouseholdInput {
        var input = base
        if let id { input.id = id }
        if let name { input.name = name }
        let flags: [(HouseholdFact, String?)] = [
            (.landM2, land), (.capitalVND, capital), (.flood, flood), (.salinity, salinity), (.labour, labour),
            (.members, members), (.currentUse, currentUse), (.loanCategory, loanCategory), (.otherIncomeVND, otherIncome),
        ]
        for case let (fact, text?) in flags { input[fact] = HouseholdInput.Entry(text) }
        if !experience.isEmpty { input.experience = HouseholdInput.Entry(experience.joined(separator: ", ")) }
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

extension AdviceRequest.Format: ExpressibleByArgument {}

/// Output for the rule-set tools: lines for people and editors, or JSON for tools.
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}
extension RankBy: ExpressibleByArgument {}

/// What the household asks of its whole-farm plan.
struct PlanFlags: ParsableArguments {
    @Option(name: .customLong("first-income-within"), help: ArgumentHelp("The plan must bring some income within this many months.", valueName: "months"))
    var firstIncomeWithin: Int?

    @Option(name: .customLong("above-poverty-by"), help: ArgumentHelp("By this year the plan's income per member must reach the poverty line.", valueName: "year"))
    var abovePovertyBy: Int?

    @Option(name: .customLong("max-loan"), help: ArgumentHelp("Borrow at most this much: 50tr, 50000000, 0.05ty.", valueName: "money"))
    var maxLoan: String?

    func validate() throws {
        if let m = firstIncomeWithin, !(1...600).contains(m) { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--first-income-within", "1", "600")) }
        if let y = abovePovertyBy, !(1...50).contains(y) { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--above-poverty-by", "1", "50")) }
        if let text = maxLoan, case let .failure(p) = QuantityParser.money(text) { throw ValidationError("--max-loan: \(p.text(Console.language))") }
    }

    /// The options for the planner.
    var options: PlanOptions {
        PlanOptions(firstIncomeWithinMonths: firstIncomeWithin, abovePovertyByYear: abovePovertyBy,
                    maxLoanVND: maxLoan.flatMap { try? QuantityParser.money($0).get() })
    }
}

/// How the odds are simulated.
struct OddsFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Price paths and hazard years simulated for the odds (0: none).", valueName: "n"))
    var draws = 1000

    @Option(help: ArgumentHelp("Seed of the simulation: the same seed and input give the same odds.", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        guard (0...100_000).contains(draws) else { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--draws", "0", "100000")) }
    }

    /// The simulation's options, nil with `--draws 0`.
    var options: RiskSimulation.Options? {
        draws > 0 ? RiskSimulation.Options(draws: draws, seed: seed) : nil
    }
}
