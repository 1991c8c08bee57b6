@testable import AdviseKit
import Foundation
import Testing

/// The ward report prints on one A4 page whatever the register holds: the long lists (the households to visit,
/// the resources) are cut to their first entries, each on one line, the rest counted and left to the CSV.
@Suite struct WardHTMLRendererTests {
    /// A report as a very large register makes it: thousands to visit with long reasons and plans, long ids,
    /// a dozen resources, a ten-year horizon.
    static func stretched() throws -> WardReport {
        let resources = WardResources(loanCapital: ["vbsp-poor": 50e6, "vbsp-near-poor": 50e6], supportBudget: 20e6, supportEach: 10e6, years: 10)
        var report = WardPlanner(ruleSet: Fixtures.ruleSet, resources: resources, odds: .init(draws: 100), year: 2026).plan(try WardPlannerTests.register())
        let reason = LocalizedText { _ in String(repeating: "hộ cận nghèo, khả năng thoát nghèo 100 % với kế hoạch dài ", count: 4) }
        report.visits = (1...8000).map { .init(household: "HỘ-BẾN-TRE-KHU-PHỐ-\($0)-" + String(repeating: "X", count: 30), reason: reason,
                                                plan: "net-house-vegetables+organic-coconut+vocational-training-job+work-abroad-japan") }
        report.resources += (1...12).map { (id: "resource-\($0)", used: 1e9, budget: 2e9) }
        report.households = 12_345_678
        return report
    }

    @Test(.enabled(if: Browser.path != nil, "needs chromium (apt-get install chromium)"))
    func aVeryLargeRegistersReportIsOnePage() throws {
        let report = try Self.stretched()
        let pages = Language.allCases.map { WardHTMLRenderer(WardRenderer(report, settings: Fixtures.ruleSet.settings, language: $0), date: "2026-12-07").render() }
        #expect(try Browser.printedPages(pages) == pages.count, "one A4 page each")
    }

    /// What is cut is counted, and named where to find it in full.
    @Test func theCutListsSayWhatIsLeftOut() throws {
        let html = WardHTMLRenderer(WardRenderer(try Self.stretched(), settings: Fixtures.ruleSet.settings, language: .vi), date: "2026-12-07").render()
        #expect(html.contains("… và 7.988 hộ nữa (đầy đủ: --format csv)"), "\(html.suffix(3000))")
        #expect(html.components(separatedBy: "<li>").count - 1 == 12 + 7, "12 visits and 7 lines of money")
        #expect(html.contains("… và 9 nguồn lực nữa (đầy đủ: --format json)") && html.contains("12.345.678 hộ"))
    }

    /// The page's width fits inside A4 with its own margins and with Chromium's default ones (0.4 in a side),
    /// so that no column is clipped whichever the printer dialog uses.
    @Test func theWidthFitsA4WithEitherMargins() throws {
        let css = WardHTMLRenderer.css
        let margin = try #require(css.firstMatch(of: /@page \{ size: A4; margin: (\d+)mm; \}/).flatMap { Double($0.1) })
        let width = try #require(css.firstMatch(of: /max-width: (\d+)mm/).flatMap { Double($0.1) })
        #expect(width + 2 * margin <= 210)
        #expect(width + 2 * 0.4 * 25.4 <= 210)
    }
}
