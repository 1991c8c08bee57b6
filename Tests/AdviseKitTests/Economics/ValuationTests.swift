@testable import AdviseKit
import Foundation
import Testing

/// Labour valued in every year: the days hired after the horizon at the wage, as before it.
@Suite struct ValuationTests {
    static let valuation = Valuation(horizon: 10, discountRate: 0.1, wage: 300_000, familyLabourShare: 0.3)

    @Test func discountSumsAreTheYearsDiscountFactors() {
        let byHand = (10..<16).reduce(0.0) { $0 + pow(1.1, -Double($1 + 1)) }
        #expect(abs(Self.valuation.discountSum(from: 10, to: 16) - byHand) < 1e-12)
        #expect(Valuation(horizon: 10, discountRate: 0).discountSum(from: 3, to: 7) == 4)
        #expect(Self.valuation.discountSum(from: 5, to: 5) == 0)
    }

    @Test func theDaysHiredAfterTheHorizonPayTheWageLessTheFamilyRate() {
        // An orchard valued to year 30 (500 days a year) and a herd to year 16 (300 days), a family of 250 days:
        // years 11–16 hire 550 days, years 17–30 hire 250, each at 300,000 − 90,000 ₫ more than the family rate.
        let charge = Self.valuation.residualHiredCharge([(extent: 30, days: 500), (extent: 16, days: 300)], familyDays: 250)
        let byHand = (10..<30).reduce(0.0) { sum, t in
            let days = 500.0 + (t < 16 ? 300 : 0)
            return sum + max(0, days - 250) * 210_000 * pow(1.1, -Double(t + 1))
        }
        #expect(abs(charge - byHand) < 1e-3)
        #expect(Self.valuation.residualHiredCharge([(extent: 30, days: 200)], familyDays: 250) == 0, "nothing hired")
        #expect(Self.valuation.residualHiredCharge([(extent: 10, days: 900)], familyDays: 250) == 0, "nothing valued past the horizon")
    }

    @Test func anOrchardOnMoreLandThanTheFamilyWorksIsChargedTheWageAfterTheHorizonToo() throws {
        // Pomelo on 2 ha with one worker (issue 23: its hired days after year 10 were charged at the family rate).
        let household = try Fixtures.household([.landM2: "20000", .capitalVND: "2ty", .labour: "1"])
        let option = try #require(Evaluator(ruleSet: Fixtures.ruleSet).advise(household).options.first { $0.model.id == "vietgap-pomelo" })
        let e = try #require(option.projection.parts.first).economics
        let v = Fixtures.settings.valuation(startYear: nil)
        let p = Projection(economics: e, scale: 20_000, resources: Projection.Resources(capital: nil, familyDays: 250, valuation: v))
        let hired = e.labour(at: 20_000) - 250
        #expect(hired > 0 && e.extent > v.horizon)
        #expect(abs(p.residualHired - hired * (v.wage - v.familyDayValue) * v.discountSum(from: v.horizon, to: e.extent)) < 1)
        // The NPV is the model's less the labour of the horizon and that charge.
        #expect(abs(p.riskAdjustedNPV - (e.npv(at: 20_000, hiredCost: p.labour.valued, riskAdjusted: true) - p.residualHired)) < 1)
        // The closed forms the ranking and the batch use carry the same charge as the projection.
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let first = try #require(evaluator.advise(household).options.first)
        #expect(abs((evaluator.bestOption(household)?.gainNPV ?? 0) - first.projection.gainNPV) < 1)
    }
}
