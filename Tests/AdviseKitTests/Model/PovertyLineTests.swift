@testable import AdviseKit
import Testing

/// The poverty line in force in a year, from the dated schedule and the ward's area type.
@Suite struct PovertyLineTests {
    @Test func theLineOfEachYear() {
        var s = Fixtures.settings
        #expect(s.povertyLineMonth(inYear: 2024) == 2_000_000)
        #expect(s.povertyLineMonth(inYear: 2026) == 2_000_000)
        #expect(s.povertyLineMonth(inYear: 2027) == 2_800_000)
        #expect(s.povertyLineMonth(inYear: 2030) == 2_800_000)
        #expect(s.povertyLineMonth(inYear: 2035) == 2_800_000, "after the schedule, the last line (and a warning)")
        #expect(s.povertyLineMonth(inYear: 2010) == 2_000_000, "before it, the first")
        s.areaType = .rural
        #expect(s.povertyLineMonth(inYear: 2026) == 1_500_000)
        #expect(s.povertyLineMonth(inYear: 2028) == 2_200_000)
    }

    @Test func aScheduleThatHasEndedIsReported() throws {
        let findings = RuleSetValidator(ruleSet: Fixtures.ruleSet, today: "2031-01-02").dateFindings()
        #expect(findings.contains { $0.message.contains("poverty-line schedule ends on 2030-12-31") })
        #expect(!RuleSetValidator(ruleSet: Fixtures.ruleSet, today: "2026-11-29").dateFindings().contains { $0.message.contains("poverty-line") })
    }
}
