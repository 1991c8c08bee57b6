@testable import AdviseKit
import Foundation
import Testing

@Suite struct CashFlowMetricsTests {
    @Test func npvPaybackAndLowPointByHand() {
        let m = CashFlowMetrics([-100, 30, 50, 60], discountRate: 0.1)
        // -100 + 30/1.1 + 50/1.21 + 60/1.331
        #expect(abs(m.npv - 13.6739) < 0.001)
        #expect(m.paybackYear == 3)
        #expect(m.lowPoint == -100)
        #expect(m.lowPointYear == 0)
    }

    @Test func theCashValleyWhileTreesComeIntoBearing() {
        let m = CashFlowMetrics([-100, -20, 50, 80], discountRate: 0)
        #expect(m.npv == 10)
        #expect(m.lowPoint == -120)
        #expect(m.lowPointYear == 1)
        #expect(m.paybackYear == 3)
    }

    @Test func noPaybackWithinTheHorizon() {
        #expect(CashFlowMetrics([-100, 50, 20], discountRate: 0).paybackYear == nil)
    }

    @Test func paybackIsWhenTheCumulativeStaysAboveZero() {
        #expect(CashFlowMetrics([-10, 20, -30, 40], discountRate: 0).paybackYear == 3)
        #expect(CashFlowMetrics([0, 10], discountRate: 0).paybackYear == 0)
    }
}

@Suite struct LoanScheduleTests {
    @Test func equalPrincipalWithInterestOnTheBalance() {
        let loan = LoanSchedule(amount: 100_000_000, rate: 0.066, termMonths: 120)
        let payments = loan.payments(horizon: 10)
        #expect(loan.years == 10)
        #expect(abs(payments[0].interest - 6_600_000) < 0.01)
        #expect(abs(payments[0].principal - 10_000_000) < 0.01)
        #expect(abs(payments[1].interest - 5_940_000) < 0.01)
        // 0.066 × 10 M × (10 + 9 + … + 1)
        #expect(abs(loan.totalInterest(horizon: 10) - 36_300_000) < 0.01)
    }

    @Test func whatIsOwedAtTheHorizonIsRepaidThen() {
        let payments = LoanSchedule(amount: 100, rate: 0, termMonths: 120).payments(horizon: 5)
        #expect(payments.map(\.principal) == [10, 10, 10, 10, 60])
    }

    @Test func aPartYearCountsAsAYear() {
        #expect(LoanSchedule(amount: 1, rate: 0, termMonths: 18).years == 2)
    }
}

@Suite struct ProjectionTests {
    init() {}
    static let tiny: RuleSet? = try? RuleSetLoader.load(directory: Fixtures.root.appendingPathComponent("Tests/AdviseKitTests/Fixtures/tiny").path)

    func advise(_ values: [HouseholdFact: String]) throws -> ModelAdvice {
        let ruleSet = try #require(Self.tiny)
        var input = HouseholdInput()
        for (fact, text) in values { input[fact] = .init(text) }
        let household = try HouseholdParser(settings: ruleSet.settings).parse(input)
        return try #require(Evaluator(ruleSet: ruleSet).advise(household).options.first)
    }

    @Test func cashFlowByHand() throws {
        // 100 m²: investment 1,000 + 10 × 100 = 2,000; revenue 5,000 then 10,000; costs 20 % + 50; labour 1 day (family has 100).
        let o = try advise([.landM2: "100"])
        let p = o.projection
        #expect(o.areaM2 == 100)
        #expect(p.investment == 2000)
        #expect(p.cashFlow[.base] == [-2000, 3950, 7950, 7950])
        #expect(p.cashFlow[.low] == [-2000, 1950, 3950, 3950])
        #expect(p.annualNetIncome == 7950)
        #expect(p.firstIncomeYear == 1)
        #expect(p.npv == 17850)
        #expect(p.household.paybackYear == 1)
    }

    @Test func moreLandMeansTheLargestScaleWhenItPays() throws {
        let o = try advise([.landM2: "1000"])
        #expect(o.areaM2 == 1000)
        #expect(o.projection.investment == 11_000)
    }

    @Test func aLoanCoversTheGapAndItsInterestEntersTheCashFlow() throws {
        // capital 500 → gap 1,500 borrowed at 10 % over 2 years: interest 150 then 75, principal 750 twice.
        let o = try advise([.landM2: "100", .capitalVND: "500", .loanCategory: "poor"])
        let p = o.projection
        #expect(p.capitalGap == 1500)
        #expect(p.loan?.amount == 1500)
        #expect(p.cashFlow[.base] == [-500, 3050, 7125, 7950])
        #expect(p.household.lowPoint == -500)
        #expect(p.npv == 17850, "the NPV values the conversion before financing")
        #expect(o.verdict == .conditional)
    }

    @Test func capitalAndLoanBoundTheScale() throws {
        // 2,000 own + 10,000 loan = 12,000 ≥ 1,000 + 10 s → s ≤ 1,100, capped by the 1,000 m² maximum; with 0 own: s ≤ 900.
        #expect(try advise([.landM2: "5000", .capitalVND: "2000", .loanCategory: "poor"]).areaM2 == 1000)
        #expect(try advise([.landM2: "5000", .capitalVND: "0", .loanCategory: "poor"]).areaM2 == 900)
        let short = try advise([.landM2: "5000", .capitalVND: "1500"])
        #expect(short.areaM2 == 100)
        let none = try advise([.landM2: "5000", .capitalVND: "1000"])
        #expect(none.verdict == .unsuitable)
        #expect(none.reasons.map(\.rule).contains("scale.capital"))
    }

    @Test func hiredLabourIsCostedBeyondTheFamily() throws {
        // 1,000 m² needs 10 days; one worker gives 100: nothing hired. Labour 0: all 10 days hired at 10 VND.
        let o = try advise([.landM2: "1000", .labour: "0"])
        #expect(o.projection.hiredDays == 10)
        #expect(o.projection.annualNetIncome == 100_000 - 20_000 - 50 - 100)
        #expect(o.reasons.map(\.rule).contains("labour.hired"))
    }

    @Test func expectedLossIsLikelihoodTimesDamage() throws {
        let o = try advise([.landM2: "100", .flood: "occasional"])
        // 10 % × 50 % of the 10,000 mature revenue
        #expect(o.projection.expectedLoss == 500)
        #expect(o.projection.riskAdjustedIncome == 7450)
        #expect(o.projection.riskAdjustedCashFlow == [-2000, 3700, 7450, 7450])  // year 1: 5 % of 5,000
    }

    @Test func anUnsuitableRuleBlocks() throws {
        let o = try advise([.landM2: "100", .flood: "frequent"])
        #expect(o.verdict == .unsuitable)
        #expect(o.reasons.first?.rule == "flood-out")
    }
}

/// The money core by hand on the tiny plot (100 m²; discount 0): re-investment at the end of its life,
/// the residual value of the cycle that covers the horizon, the value of keeping it, family labour.
@Suite struct LifeAndValueTests {
    static func economics(life: Double?, valuation: Valuation = Valuation(horizon: 3, discountRate: 0)) throws -> UnitEconomics {
        var model = try #require(ProjectionTests.tiny).models[0]
        model.lifeYears = life.map { Figure(value: $0, unit: "year", provenance: RiskSimulationTests.provenance) }
        let facts = DenseFacts(values: [Double](repeating: 0, count: HouseholdFact.allCases.count), known: 0)
        return UnitEconomics(model: model, outcome: RuleOutcome(model, key: RuleOutcome.key(model, facts)), valuation: valuation)
    }

    @Test func aShortLifeIsReinvestedAndTheCycleOverTheHorizonIsValued() throws {
        // Life 2 within a 3-year horizon: the 2,000 investment is made again in year 2, and the model is
        // valued to year 4 (the end of the second cycle). Yearly net at 100 m²: 3,950 then 7,950.
        let e = try Self.economics(life: 2)
        #expect(e.extent == 4)
        #expect(e.reinvestment(at: 100, year: 2) == 2000)
        #expect(e.reinvestment(at: 100, year: 4) == 0, "no re-investment at the end of the valued period")
        #expect(e.projectFlow(at: 100, scenario: .base, riskAdjusted: true) == [-2000, 3950, 5950, 7950])
        // Residual: year 4's 7,950 (labour at the family rate, here 0).
        #expect(e.residualValue(at: 100, riskAdjusted: true) == 7950)
        #expect(e.npv(at: 100, hiredCost: 0, riskAdjusted: true) == -2000 + 3950 + 5950 + 7950 + 7950)
    }

    @Test func aLongLifeKeepsTheYearsAfterTheHorizon() throws {
        // Life 5: valued to year 5; the residual is years 4 and 5 at 7,950.
        let e = try Self.economics(life: 5)
        #expect(e.extent == 5)
        #expect(e.residualValue(at: 100, riskAdjusted: false) == 2 * 7950)
        #expect(e.npv(at: 100, hiredCost: 0, riskAdjusted: false) == -2000 + 3950 + 4 * 7950)
    }

    @Test func keepingAModelIsWorthItsNetPerScaleUnit() throws {
        // Per m²: revenue 50 then 100 a year, 20 % of it a cost → 40, 80, 80.
        let e = try Self.economics(life: nil)
        #expect(e.keepingValue(years: 1) == 40)
        #expect(e.keepingValue(years: 3) == 200)
        #expect(e.keepingIncome == 80)
    }

    @Test func familyDaysAreChargedAtTheirValueInTheRankingValue() throws {
        // 100 m² take 1 person-day a year; the family has 100. At a wage of 10 and a family share of 50 %,
        // that day is worth 5 a year: the NPV over 3 years is 15 lower, the cash the same.
        let valuation = Valuation(horizon: 3, discountRate: 0, wage: 10, familyLabourShare: 0.5)
        let e = try Self.economics(life: nil, valuation: valuation)
        let labour = valuation.labour(e.labour(at: 100), familyDays: 100)
        #expect(labour.hiredCost == 0)
        #expect(labour.familyValue == 5)
        let resources = Projection.Resources(capital: nil, familyDays: 100, valuation: valuation)
        let p = Projection(economics: e, scale: 100, resources: resources)
        #expect(p.riskAdjustedNPV == -2000 + 3950 + 7950 + 7950 - 15)
        #expect(p.riskAdjustedCashFlow == [-2000, 3950, 7950, 7950])
    }
}
