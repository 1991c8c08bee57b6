@testable import AdviseKit
import Foundation
import Testing

/// An option and a plan are one kind of answer, and every output reads an answer's figures from its projection:
/// the JSON, the batch's summary, `compare`'s incomes and the advice log's predictions show the projection's own
/// figures, and a plan's parts add up to the plan.
@Suite struct AnswerTests {
    static let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)

    static func answers() throws -> [(household: Household, advice: Advice)] {
        try ScaleSearchTests.households.map { values in
            let household = try Fixtures.household(values)
            return (household, evaluator.advise(household, plans: true))
        }
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// The figures every output shows, as the projection has them.
    static func expectFigures(_ json: [String: Any], _ answer: some Answer, _ what: String) {
        let p = answer.projection
        for (key, value) in [("investment_vnd", p.investment), ("annual_net_income_vnd", p.annualNetIncome), ("risk_adjusted_income_vnd", p.riskAdjustedIncome),
                             ("npv_vnd", p.npv), ("risk_adjusted_npv_vnd", p.riskAdjustedNPV), ("gain_npv_vnd", p.gainNPV),
                             ("cash_low_point_vnd", p.household.lowPoint)] {
            #expect(number(json[key]) == value.rounded(), "\(what): \(key)")
        }
        #expect(json["payback_year"] as? Int == p.household.paybackYear, "\(what): payback_year")
        #expect(json["first_income_year"] as? Int == p.firstIncomeYear, "\(what): first_income_year")
    }

    @Test func everyOutputShowsTheProjectionsFigures() throws {
        let renderer = JSONRenderer(language: .en, settings: Fixtures.settings)
        var plans = 0
        for (household, advice) in try Self.answers() {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(renderer.render(advice).utf8)) as? [String: Any])
            if let plan = advice.plan {
                plans += 1
                Self.expectFigures(try #require(json["plan"] as? [String: Any]), plan, "\(household.landM2) m²: plan")
                let summary = Self.evaluator.summary(plan, household)
                #expect(summary.investment == plan.projection.investment && summary.riskAdjustedIncome == plan.projection.riskAdjustedIncome)
                #expect(summary.riskAdjustedNPV == plan.projection.riskAdjustedNPV && summary.gainNPV == plan.projection.gainNPV)
                #expect(summary.paybackYear == plan.projection.household.paybackYear && summary.model == plan.modelIDs.joined(separator: "+"))
            }
            for (option, entry) in zip(advice.options, try #require(json["options"] as? [[String: Any]])) {
                Self.expectFigures(entry, option, "\(household.landM2) m²: \(option.model.id)")
                // compare's incomes at the three prices: the base one is the income every output shows.
                #expect(abs(option.income(.base) - option.projection.riskAdjustedIncome) < 1)
            }
        }
        #expect(plans > 20)
    }

    @Test func aPlansPartsAddUpToThePlan() throws {
        var hiring = 0
        for (_, advice) in try Self.answers() {
            guard let plan = advice.plan else { continue }
            let p = plan.projection
            if p.labour.hiredCost > 0 { hiring += 1 }
            // The report's rows (a model of the plan at the plan's scale) add up to the plan's income, hired labour shared.
            let incomes = p.parts.reduce(0) { $0 + p.income(of: $1) }
            #expect(abs(incomes - p.riskAdjustedIncome) < 1, "\(plan.modelIDs): \(incomes) vs \(p.riskAdjustedIncome)")
            #expect(abs(p.parts.reduce(0) { $0 + p.hiredCost(of: $1) } - p.labour.hiredCost) < 1)
            #expect(abs(plan.income(.base) - p.riskAdjustedIncome) < 1)
        }
        #expect(hiring > 0, "some plans hire labour, so sharing it is tested")
    }

    @Test func theLogPredictsAPlansModelsFromThePlansOwnProjection() throws {
        var checked = 0
        for (_, advice) in try Self.answers() {
            guard let plan = advice.recommendedPlan else { continue }
            let record = AdviceRecord(advice, evaluator: Self.evaluator, source: "test", channel: "cli", at: "2026-11-29T00:00:00Z")
            let p = plan.projection
            for part in p.parts {
                let prediction = try #require(record.predictions.first { $0.model == part.economics.modelID })
                #expect(prediction.scale == part.scale && abs(prediction.investmentVND - part.economics.investment(at: part.scale)) < 1)
                let cash = part.economics.operatingCash(at: part.scale, priceFactor: 1, badYear: nil)
                for (predicted, operating) in zip(prediction.netByYearVND, cash) {
                    #expect(abs(operating - predicted - p.hiredCost(of: part)) < 1)
                }
                checked += 1
            }
            // The plan's models together are predicted to cost what the plan costs.
            let models = Set(p.parts.map(\.economics.modelID))
            #expect(abs(record.predictions.filter { models.contains($0.model) }.reduce(0) { $0 + $1.investmentVND } - p.investment) < 1)
        }
        #expect(checked > 20)
    }
}
