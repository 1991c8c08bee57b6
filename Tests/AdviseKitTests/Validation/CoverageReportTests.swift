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
