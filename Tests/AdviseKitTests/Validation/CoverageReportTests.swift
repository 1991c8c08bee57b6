@testable import AdviseKit
import Testing

@Suite struct CoverageReportTests {
    static let report = CoverageReport(ruleSet: Fixtures.ruleSet)

    @Test func theShippedRuleSetHasNoUnexplainedGap() {
        let s = Fixtures.settings
        let levels = ["flood", "salinity", "current_use", "loan_category"].map { s.scales[$0]?.levels.count ?? 0 }.reduce(1, *)
        #expect(Self.report.profiles == s.coverage.landM2.count * s.coverage.capitalVND.count * levels)
        #expect(Self.report.unexplainedGaps.isEmpty, "\(Self.report.unexplainedGaps.map(\.household))")
        #expect(Self.report.answered + Self.report.gaps.count == Self.report.profiles)
    }

    @Test func everyShippedRuleFiresSomewhere() {
        #expect(Self.report.silentRules.isEmpty, "\(Self.report.silentRules.map { "\($0.model)/\($0.rule)" })")
    }

    @Test func theFiguresThatFlipTheMostHouseholdsAreCountedPerModel() throws {
        // Each count is the number of profiles whose option of that model has that figure among its tipping points;
        // the goats' own figures, their yield and their price, lead theirs.
        let goats = try #require(Self.report.tipping["goat-raising"])
        let top = goats.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(2).map(\.key)
        #expect(Set(top) == ["goat-raising.outputs.meat-goats.yield", "goat-raising.outputs.meat-goats.price"], "\(goats)")
        #expect(goats.values.allSatisfy { $0 > 0 && $0 <= Self.report.profiles })
        // A figure counted for a model is a price of that model or of a current use it replaces, or a yield with a range.
        let models = Fixtures.ruleSet.models + Fixtures.ruleSet.baselines
        let figures = Set(models.flatMap { m in m.outputs.map { "\(m.id).\($0.pricePath)" } })
            .union(models.flatMap { m in m.outputs.filter { $0.yieldPerScale.range != nil }.map { "\(m.id).\($0.yieldPath)" } })
        #expect(Self.report.tipping.values.flatMap(\.keys).allSatisfy(figures.contains))
        #expect(Self.report.planTipping.isEmpty && Self.report.plansTipping == 0, "counted only with plans")
    }

    @Test func aRuleThatNeverFiresIsReported() throws {
        let files = try Fixtures.ruleFiles().map { file in
            file.path.hasSuffix("goat-raising.yaml")
                ? (file.path, file.text.replacingOccurrences(of: "\nrules:\n", with: "\nrules:\n  - {id: never, when: land_m2 > 1000000, effect: warning, message: {vi: a, en: b}}\n"))
                : file
        }
        let ruleSet = try RuleSetLoader.load(files: files)
        let silent = CoverageReport(ruleSet: ruleSet).silentRules
        #expect(silent.map(\.rule) == ["never"])
    }
}
