@testable import AdviseKit
import Foundation
import Testing

/// One recommendation: the text's headline, the JSON, the report and the message name the same plan, and
/// `recommendation` (the model to start with) is one of its models.
@Suite struct RecommendationTests {
    static let households: [[HouseholdFact: String]] = [
        [.landM2: "7000"], [.landM2: "7000", .capitalVND: "150tr"], [.landM2: "1.1ha", .capitalVND: "50tr", .currentUse: "coconut"],
        [.landM2: "800", .capitalVND: "25tr"], [.landM2: "600", .capitalVND: "10tr", .flood: "frequent", .loanCategory: "poor"],
        [.landM2: "3000", .capitalVND: "400tr", .salinity: "medium"],
    ]

    @Test(arguments: households)
    func everyOutputNamesTheSamePlan(_ values: [HouseholdFact: String]) throws {
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household(values), plans: true, odds: .init(draws: 200))
        let settings = Fixtures.settings
        let text = TextRenderer(language: .en, settings: settings).render(advice)
        let headline = try #require(text.split(separator: "\n").first { $0.hasPrefix("Recommendation") || $0.hasPrefix("Keep") || $0.hasPrefix("No model") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer(language: .en, settings: settings).render(advice).utf8)) as? [String: Any])
        let report = ReportContent(advice: advice, settings: settings, language: .en, date: "2026-11-29")
        let message = MessageRenderer(language: .en).render(advice, settings: settings)
        guard let plan = advice.recommendedPlan else {
            #expect(json["recommended_plan"] is NSNull)
            #expect(report.recommendation?.name == advice.recommendation.map { "\($0.model.name.en) — \($0.model.scale.describe($0.scale, .en))" })
            return
        }
        let names = plan.components.flatMap { $0.models.map { $0.name.en } }
        for name in names {
            #expect(headline.contains(name), "\(headline)")
            #expect(report.recommendation?.name.contains(name) == true)
            #expect(message.contains(name))
        }
        #expect((json["recommended_plan"] as? [String: Any])?["models"] as? [String] == plan.modelIDs)
        let start = try #require(advice.recommendation)
        #expect(plan.modelIDs.contains(start.model.id))
        #expect(json["recommendation"] as? String == start.model.id)
        // The table shows each model of the plan at the plan's scale, as the headline does.
        let atPlanScale = plan.components.flatMap { c in zip(c.models, c.scales).map { "\($0.name.en) — \($0.scale.describe($1, .en))" } }
        #expect(report.rows.filter(\.isRecommendation).map(\.model).sorted() == Set(atPlanScale).sorted())
        for name in atPlanScale { #expect(report.recommendation?.name.contains(name) == true, "\(name)") }
    }
}

/// No land is left without a reason: a plan that does not use all the land says what happens to the rest.
@Suite struct RestOfTheLandTests {
    /// The plan without borrowing (`--max-loan 0`), so that money runs out.
    static func plan(_ values: [HouseholdFact: String]) throws -> Plan {
        try #require(Evaluator(ruleSet: Fixtures.ruleSet).plan(Fixtures.household(values), options: PlanOptions(maxLoanVND: 0)))
    }

    @Test func bareLandLeftEmptyForLackOfMoneySaysSo() throws {
        let plan = try Self.plan([.landM2: "7000", .capitalVND: "20tr"])
        #expect(plan.landM2 < 7000)
        let note = try #require(plan.notes.last)
        #expect(note.en.hasPrefix(NumberFormat.grouped(7000 - plan.landM2, .en) + " m² stay empty: the money"))
    }

    @Test func landNotConvertedKeepsItsCurrentUse() throws {
        let plan = try Self.plan([.landM2: "1.1ha", .capitalVND: "20tr", .currentUse: "coconut"])
        #expect(plan.landM2 < 11_000)
        #expect(plan.notes.last?.en.contains("keep their current use") == true)
    }

    @Test(arguments: ["20tr", "50tr", "100tr", "400tr"])
    func everyPlanAccountsForAllTheLand(_ capital: String) throws {
        for land in ["1500", "7000", "2ha"] {
            let h = try Fixtures.household([.landM2: land, .capitalVND: capital])
            guard let plan = Evaluator(ruleSet: Fixtures.ruleSet).plan(h, options: PlanOptions(maxLoanVND: 0)) else { continue }
            #expect(plan.landM2 >= h.landM2 - 0.5 || plan.notes.contains { $0.en.contains("stay empty") }, "\(land) \(capital)")
        }
    }
}
