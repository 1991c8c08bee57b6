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
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household(values), plans: true, odds: .init(draws: 200, startYear: 2026))
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
        #expect(report.rows.filter(\.isRecommendation).map(\.model).sorted() == Set(names).sorted())
    }
}
