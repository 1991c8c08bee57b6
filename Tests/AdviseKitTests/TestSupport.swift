@testable import AdviseKit
import Foundation

/// Shared fixtures: the shipped rule set, loaded once.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rulesPath = root.appendingPathComponent("Rules").path

    /// The shipped rule set; a test fails loudly if it does not load.
    static let ruleSet: RuleSet = {
        do {
            return try RuleSetLoader.load(directory: rulesPath)
        } catch {
            return RuleSet(settings: failedSettings, models: [], combinations: Combinations(), sources: [:], overrides: [], warnings: (error as? DiagnosticError)?.diagnostics ?? [])
        }
    }()

    static var settings: RegionalSettings { ruleSet.settings }

    /// The valuation an evaluator of the shipped rule set uses (its prices expected from the year it takes effect).
    static let valuation = Evaluator(ruleSet: ruleSet).valuation

    /// Parses a household written like the flags.
    static func household(_ values: [HouseholdFact: String]) throws -> Household {
        var input = HouseholdInput()
        for (fact, text) in values { input[fact] = .init(text) }
        return try HouseholdParser(settings: settings).parse(input)
    }

    /// All shipped rule files as (path, text), for building variants in memory.
    static func ruleFiles() throws -> [(path: String, text: String)] {
        let fm = FileManager.default
        let paths = (fm.enumerator(atPath: rulesPath)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return try paths.map { ("Rules/" + $0, try String(contentsOfFile: rulesPath + "/" + $0, encoding: .utf8)) }
    }

    private static let none = Provenance(sources: [], estimate: "test", note: nil, validUntil: nil, location: SourceLocation(file: "", line: 0, column: 0))
    private static let zero = Figure(value: 0, unit: "", provenance: none)
    private static let failedSettings = RegionalSettings(
        ruleset: RuleSetInfo(id: "failed", version: "", effective: "", name: LocalizedText(vi: "", en: "")), language: .vi,
        horizonYears: 1, discountRate: zero, congM2: Figure(value: 1000, unit: "m2", provenance: none), defaults: [:],
        workdaysPerWorker: zero, hiredLabourWage: zero, familyLabourValue: zero, povertyLines: [], scales: [:], loanProgrammes: [], constants: [:],
        priceMaxAgeYears: 5, coverage: CoverageGrid(landM2: [], capitalVND: []),
        location: SourceLocation(file: "", line: 0, column: 0))
}
