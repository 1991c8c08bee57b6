@testable import AdviseKit
import Foundation
import Testing

@Suite struct RuleSetValidatorTests {
    static let today = "2026-11-29"

    @Test func theShippedRuleSetPassesEveryCheck() throws {
        let findings = RuleSetValidator(ruleSet: Fixtures.ruleSet, today: Self.today).diagnostics()
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    static func withRule(_ rule: String) throws -> RuleSet {
        let files = try Fixtures.ruleFiles().map { file in
            file.path.hasSuffix("goat-raising.yaml") ? (file.path, file.text.replacingOccurrences(of: "\nrules:\n", with: "\nrules:\n" + rule)) : file
        }
        return try RuleSetLoader.load(files: files)
    }

    @Test func aConditionThatCanNeverHoldIsReportedAtItsColumn() throws {
        let ruleSet = try Self.withRule("  - {id: odd, when: flood == \"none\" and flood == \"frequent\", effect: warning, message: {vi: a, en: b}}\n")
        let findings = RuleSetValidator(ruleSet: ruleSet, today: Self.today).conditionFindings()
        let finding = try #require(findings.first { $0.code == "expr.never-true" })
        #expect(finding.message.contains("rule 'odd'"))
        #expect(finding.location?.file.hasSuffix("goat-raising.yaml") == true)
        #expect(finding.location?.column == 21)  // where `flood` starts
    }

    @Test func aConditionThatAlwaysHoldsIsReportedButLiteralTrueIsNot() throws {
        let ruleSet = try Self.withRule("""
          - {id: always, when: land_m2 > 0 or flood != "none", effect: warning, message: {vi: a, en: b}}
          - {id: meant, when: "true", effect: warning, message: {vi: a, en: b}}

        """)
        let findings = RuleSetValidator(ruleSet: ruleSet, today: Self.today).conditionFindings()
        #expect(findings.count == 1)
        #expect(findings.first?.code == "expr.always-true")
        #expect(findings.first?.message.contains("rule 'always'") == true)
    }

    @Test func expiredAndStaleFiguresAreWarnings() throws {
        let later = RuleSetValidator(ruleSet: Fixtures.ruleSet, today: "2027-08-01").dateFindings()
        #expect(later.contains { $0.code == "figure.expired" && $0.message.contains("'outputs.meat-goats.price' was valid until") && $0.location?.file.hasSuffix("goat-raising.yaml") == true })
        let muchLater = RuleSetValidator(ruleSet: Fixtures.ruleSet, today: "2032-01-01").dateFindings()
        #expect(muchLater.contains { $0.code == "figure.stale" && $0.message.contains("goat-raising price of meat-goats: the newest source is from 2025") })
        #expect(later.allSatisfy { $0.severity == .warning })
    }

    @Test func everyOutputSaysWhenFiguresAreStale() throws {
        var ruleSet = Fixtures.ruleSet
        ruleSet.warnings += RuleSetValidator(ruleSet: ruleSet, today: "2027-08-01").dateFindings()
        let advice = Evaluator(ruleSet: ruleSet).advise(try Fixtures.household([.landM2: "7000"]), plans: true)
        #expect(!advice.stale.isEmpty)
        let settings = ruleSet.settings
        let count = String(advice.stale.count)
        #expect(TextRenderer(language: .vi, settings: settings).render(advice).contains("Lưu ý: \(count) số liệu"))
        #expect(TextRenderer(language: .en, settings: settings).render(advice).contains("Note: \(count) figures"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer(language: .en, settings: settings).render(advice).utf8)) as? [String: Any])
        #expect((json["stale"] as? [[String: Any]])?.count == advice.stale.count)
        #expect(ReportContent(advice: advice, settings: settings, language: .vi, date: "2027-08-01").footer.contains("đã quá hạn"))
        #expect(MessageRenderer(language: .vi).render(advice, settings: settings).contains("Số liệu cần cập nhật"))
        #expect(Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "7000"])).stale.isEmpty, "today the figures are current")
    }

    @Test func aFailingExampleStopsTheLoadAtItsLine() throws {
        let (held, broken) = ("      verdict: conditional\n      units: [1, 3]\n", "      verdict: unsuitable\n      units: [1, 3]\n")
        let files = try Fixtures.ruleFiles().map { file in
            file.path.hasSuffix("goat-raising.yaml") ? (file.path, file.text.replacingOccurrences(of: held, with: broken)) : file
        }
        #expect(try Fixtures.ruleFiles().contains { $0.path.hasSuffix("goat-raising.yaml") && $0.text.contains(held) }, "the example the test breaks is there")
        #expect {
            _ = try RuleSetLoader.load(files: files, today: Self.today)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.code == "example.failed" && $0.message.contains("example 'tiny-plot'") && $0.location?.file.hasSuffix("goat-raising.yaml") == true } ?? false
        }
    }

    /// The worked examples are not run again at a start for the rule set they were checked on (the binary's own,
    /// whose tests ran them: `checked`); a rule set differing by a byte, or under an override, runs them.
    @Test func examplesRunUnlessTheRuleSetIsTheCheckedOne() throws {
        let (held, broken) = ("      verdict: conditional\n      units: [1, 3]\n", "      verdict: unsuitable\n      units: [1, 3]\n")
        let files = try Fixtures.ruleFiles().map { file in
            file.path.hasSuffix("goat-raising.yaml") ? (file.path, file.text.replacingOccurrences(of: held, with: broken)) : file
        }
        // Told (wrongly, for the test's sake) that the broken files were checked, the load trusts them.
        let trusted = try RuleSetLoader.load(files: files, overridePaths: [], today: Self.today, checked: files.map { $0.1 }.reversed())
        #expect(!trusted.warnings.contains { $0.code.hasPrefix("example.") })
        // Any other checked set, and the examples run.
        #expect(throws: DiagnosticError.self) {
            try RuleSetLoader.load(files: files, overridePaths: [], today: Self.today, checked: try Fixtures.ruleFiles().map(\.text))
        }
        // Under an override the examples run (as warnings to read).
        let overridden = try RuleSetLoader.load(files: files, overridePaths: [OverrideTests.wardPrices], today: Self.today, checked: files.map { $0.1 })
        #expect(overridden.warnings.contains { $0.code == "example.failed" && $0.severity == .warning })
    }
}
