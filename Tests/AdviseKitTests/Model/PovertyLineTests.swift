@testable import AdviseKit
import Foundation
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

    /// A year past the schedule's last line uses that line as an assumption, and every output that uses it
    /// says so: JSON by a flag beside the line, the text and the odds in words, the ward by year and in a note.
    @Test func aLinePastTheScheduleIsSaidToBeAssumed() throws {
        let s = Fixtures.settings
        #expect(s.povertyLinesEnd == 2030 && !s.povertyLineAssumed(inYear: 2030) && s.povertyLineAssumed(inYear: 2031))
        let advice = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026).advise(try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"]),
                                                                               odds: .init(draws: 200))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer(language: .vi, settings: s).render(advice).utf8)) as? [String: Any])
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(options.contains { $0["poverty_year"] as? Int ?? 0 > 2030 }, "a late-bearing option reaches past 2030")
        for option in options {
            let year = try #require(option["poverty_year"] as? Int)
            #expect(option["poverty_line_assumed"] as? Bool == (year > 2030), "\(option["model"] ?? "")")
            if let risk = option["risk"] as? [String: Any] {
                #expect(risk["poverty_line_assumed"] as? Bool == ((risk["poverty_year"] as? Int ?? 0) > 2030))
            }
        }
        let text = TextRenderer(language: .vi, settings: s).render(advice)
        #expect(text.contains("(Chưa có chuẩn nghèo sau năm 2030: giả định giữ mức 2,8 triệu ₫/tháng.)"), "\(text.prefix(2000))")
        let english = TextRenderer(language: .en, settings: s).render(advice)
        #expect(english.contains("(No poverty line is set after 2030: assumed to stay at VND 2.8 million a month.)"), "the odds")
        #expect(english.contains("(below the poverty line 2033: VND 2,800,000) (No poverty line is set after 2030: assumed to stay at VND 2,800,000 a month.)"),
                "the option's income")
        #expect(!english.contains("(below the poverty line 2030: VND 2,800,000) (No"), "2030 has its line")
    }
}
