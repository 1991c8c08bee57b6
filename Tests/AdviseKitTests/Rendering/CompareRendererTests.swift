@testable import AdviseKit
import Foundation
import Testing

/// `advise compare` says what each option hangs on: its nearest tipping point, in words and in JSON.
@Suite struct CompareRendererTests {
    @Test func eachOptionSaysThePriceItHangsOn() throws {
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "7000", .capitalVND: "100tr"]), plans: true)
        let renderer = CompareRenderer(language: .vi, settings: Fixtures.settings, badYear: 3)
        let text = renderer.text(advice)
        let standing = advice.options.filter { $0.verdict != .unsuitable && !$0.projection.tippingPoints.isEmpty }
        #expect(!standing.isEmpty)
        #expect(text.contains(Catalogue.text(.compareTipping, .vi) + ":"))
        for o in standing {
            #expect(text.contains("  - \(o.model.name(.vi)): " + Catalogue.reason(.tippingPoint(o.projection.tippingPoints[0]), .vi)), "\(o.model.id)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(renderer.json([("h", advice)]).utf8)) as? [String: Any])
        let rows = try #require(((json["households"] as? [[String: Any]])?.first?["options"]) as? [[String: Any]])
        for o in advice.options {
            let row = try #require(rows.first { $0["option"] as? String == o.model.id })
            let point = o.verdict == .unsuitable ? nil : o.projection.tippingPoints.first
            let written = row["tipping_point"] as? [String: Any]
            #expect((written?["figure"] as? String) == point?.figure, "\(o.model.id)")
            #expect((written?["breakeven"] as? Int) == point.map { Int($0.breakeven.rounded()) }, "\(o.model.id)")
        }
    }
}
