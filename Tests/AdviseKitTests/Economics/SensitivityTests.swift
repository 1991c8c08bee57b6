@testable import AdviseKit
import Testing

@Suite struct SensitivityTests {
    @Test func pricesMoveRevenueAndItsSharedCostsByHand() throws {
        // The tiny plot at 100 m²: revenue 5,000 then 10,000; 20 % of revenue and 50 VND a year to run.
        let o = try ProjectionTests().advise([.landM2: "100"])
        let s = o.sensitivity(badYear: 2, discountRate: 0)
        #expect(s[.base]?.npv == 17850)
        // × 0.7: 0.7 × 0.8 × 5,000 − 50 = 2,750, then 0.7 × 0.8 × 10,000 − 50 = 5,550 twice.
        #expect(abs((s[.lowPrice]?.npv ?? 0) - 11850) < 1e-6)
        #expect(abs((s[.highPrice]?.npv ?? 0) - 23850) < 1e-6)
    }

    @Test func aBadYearReplacesTheExpectedLossByTheFullLoss() throws {
        // Occasional flood: 10 % × 50 % expected; in the bad year (2) the whole 50 % of 10,000 is lost.
        let o = try ProjectionTests().advise([.landM2: "100", .flood: "occasional"])
        let s = o.sensitivity(badYear: 2, discountRate: 0)
        #expect(s[.base]?.npv == o.projection.riskAdjustedNPV)
        #expect(abs((s[.badYear]?.income ?? 0) - (7950 - 5000)) < 1e-6)
        #expect(abs((s[.badYear]?.npv ?? 0) - (-2000 + 3700 + 2950 + 7450)) < 1e-6)
        #expect(s[.badYear]?.worstYear == 2)
    }

    @Test func thePlanAndItsOptionsBehave() throws {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr", .flood: "occasional", .salinity: "medium"])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, plans: true)
        let plan = try #require(advice.plan)
        let s = plan.sensitivity(badYear: 3, discountRate: advice.discountRate)
        #expect(abs((s[.base]?.npv ?? 0) - plan.riskAdjustedNPV) < 1)
        #expect((s[.lowPrice]?.npv ?? 0) < (s[.base]?.npv ?? 0) && (s[.base]?.npv ?? 0) < (s[.highPrice]?.npv ?? 0))
        #expect((s[.badYear]?.npv ?? 0) < (s[.base]?.npv ?? 0))
        #expect(plan.income(.low) < plan.income(.base) && plan.income(.base) < plan.income(.high))
        #expect(abs(plan.income(.base) - plan.riskAdjustedIncome) < 1)
        for o in advice.options {
            #expect(abs((o.sensitivity(badYear: 3, discountRate: advice.discountRate)[.base]?.npv ?? 0) - o.projection.riskAdjustedNPV) < 1)
            #expect(abs(o.income(.base) - o.projection.riskAdjustedIncome) < 1)
        }
    }
}
