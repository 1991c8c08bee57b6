@testable import AdviseKit
import Testing

/// Credit and grants as data: the cheapest programme open to the household that closes its gap, grants
/// first, and eligibility by category, area, model and condition.
@Suite struct FinancingTests {
    static let p = RiskSimulationTests.provenance
    static func figure(_ v: Double) -> Figure { Figure(value: v, unit: "", provenance: p) }
    static func loan(_ id: String, ceiling: Double, rate: Double, _ eligibility: Eligibility = Eligibility()) -> LoanProgramme {
        LoanProgramme(id: id, name: LocalizedText(vi: id, en: id), eligibility: eligibility, ceiling: figure(ceiling), rate: figure(rate),
                      termMonths: 60, provenance: p)
    }
    static let cheap = loan("cheap", ceiling: 100, rate: 0.06), dear = loan("dear", ceiling: 300, rate: 0.08)
    static let organic = loan("organic", ceiling: 1000, rate: 0.05, Eligibility(models: ["organic-coconut"]))

    static func financing(_ investment: Double, capital: Double?, loans: [LoanProgramme], grants: [SupportGrant] = [], models: [String] = ["m"]) -> Projection.Financing {
        let r = Projection.Resources(capital: capital, loans: loans.sorted { $0.rate.value < $1.rate.value }, grants: grants,
                                     familyDays: 0, valuation: Valuation(horizon: 3, discountRate: 0))
        return Projection.financing(investment: investment, models: models, r)
    }

    @Test func aGraceDefersPrincipalAndInterestUntilWhatItFinancesEarns() {
        // 100 M at 10 % over 5 years with 2 years of grace: 121 M owed after it, repaid in three equal parts of
        // principal with interest on the balance (12.1, 8.07, 4.03 M).
        let p = LoanSchedule(amount: 100e6, rate: 0.1, termMonths: 60, graceYears: 2).payments(horizon: 10)
        #expect(p.prefix(2).allSatisfy { $0.interest == 0 && $0.principal == 0 })
        let expected: [(Double, Double)] = [(12.1e6, 121e6 / 3), (121e6 * 2 / 3 * 0.1, 121e6 / 3), (121e6 / 3 * 0.1, 121e6 / 3)]
        for (year, (interest, principal)) in expected.enumerated() {
            #expect(abs(p[year + 2].interest - interest) < 1e-3 && abs(p[year + 2].principal - principal) < 1e-3, "year \(year + 3)")
        }
        #expect(p.dropFirst(5).allSatisfy { $0.interest + $0.principal < 1e-3 })
        #expect(abs(LoanSchedule(amount: 100e6, rate: 0.1, termMonths: 60, graceYears: 2).totalInterest(horizon: 10) - 45.2e6) < 1e-3)
        // A horizon inside the grace repays everything owed at its end.
        let short = LoanSchedule(amount: 100e6, rate: 0.1, termMonths: 60, graceYears: 2).payments(horizon: 2)
        #expect(abs(short[1].principal + short[1].interest - 121e6) < 1e-3)
        // The programme's grace runs to the first income, within its longest grace, leaving a year to repay.
        let graced = LoanProgramme(id: "g", name: LocalizedText(vi: "g", en: "g"), eligibility: Eligibility(), ceiling: Self.figure(300),
                                   rate: Self.figure(0.08), termMonths: 60, graceMonths: 48, provenance: Self.p)
        #expect([nil, 1, 3, 9].map { graced.graceYears(firstIncome: $0) } == [0, 0, 2, 4])
        #expect(Self.cheap.graceYears(firstIncome: 3) == 0, "no grace where the programme allows none")
        // The shipped rule set: the bank's farm loan has one; the social-policy bank's loans have none.
        let programmes = Fixtures.settings.loanProgrammes
        #expect(programmes.filter { $0.graceMonths != nil }.map(\.id) == ["agri-unsecured"])
    }

    @Test func anOrchardOnTheBanksFarmLoanPaysNothingUntilItBears() throws {
        let household = try Fixtures.household([.landM2: "10000", .capitalVND: "30tr", .otherIncomeVND: "25tr/tháng"])
        let options = Evaluator(ruleSet: Fixtures.ruleSet).advise(household).options
        for (model, grace) in [("vietgap-pomelo", 2), ("organic-coconut", 2), ("garden-pond-barn", 0)] {
            let p = try #require(options.first { $0.model.id == model }?.projection)
            let loan = try #require(p.financing.loan, "\(model) borrows")
            #expect(loan.graceYears == grace, "\(model)")
            // In the grace the household's cash is the farm's, as without the loan; the year after, an instalment goes.
            let part = try #require(p.parts.first)
            let unfinanced = Projection.householdFlow(part.economics.projectFlow(at: part.scale, scenario: .base, riskAdjusted: true),
                                                      hiredCost: p.labour.hiredCost, loans: [], grant: p.financing.grantAmount)
            for t in 1...(grace + 1) {
                let paid = unfinanced[t] - p.riskAdjustedCashFlow[t]
                #expect(t <= grace ? abs(paid) < 1e-6 : paid > 1e6, "\(model) year \(t): \(paid)")
            }
        }
    }

    @Test func theCheapestLoanThatClosesTheGap() {
        #expect(Self.financing(150, capital: 80, loans: [Self.cheap, Self.dear]).programme?.id == "cheap", "gap 70 ≤ 100")
        let big = Self.financing(250, capital: 50, loans: [Self.cheap, Self.dear])
        #expect(big.programme?.id == "dear", "gap 200: only the dearer one closes it")
        #expect(big.loan?.amount == 200)
        let huge = Self.financing(600, capital: 0, loans: [Self.cheap, Self.dear])
        #expect(huge.programme?.id == "dear" && huge.loan?.amount == 300 && huge.gap == 600, "none closes it: the one that lends most")
        #expect(Self.financing(50, capital: 80, loans: [Self.cheap]).loan == nil)
        #expect(Self.financing(150, capital: nil, loans: [Self.cheap]).loan == nil, "capital unknown: no gap, no loan")
    }

    @Test func aLoanForSomeModelsLendsOnlyForThem() {
        #expect(Self.financing(600, capital: 0, loans: [Self.organic, Self.dear], models: ["organic-coconut"]).programme?.id == "organic")
        #expect(Self.financing(600, capital: 0, loans: [Self.organic, Self.dear], models: ["organic-coconut", "goat-raising"]).programme?.id == "dear")
        let r = Projection.Resources(capital: 0, loans: [Self.organic, Self.dear], familyDays: 0, valuation: Valuation(horizon: 3, discountRate: 0))
        #expect(r.loanCeiling(for: ["organic-coconut"]) == 1000)
        #expect(r.loanCeiling(for: nil) == 300, "a plan of any models counts only unrestricted loans")
    }

    @Test func aGrantComesBeforeTheLoanAndEntersYearZero() {
        let grant = SupportGrant(id: "g", name: LocalizedText(vi: "g", en: "g"), amount: Self.figure(20), eligibility: Eligibility())
        let f = Self.financing(150, capital: 80, loans: [Self.cheap], grants: [grant])
        #expect(f.grantAmount == 20 && f.gap == 50 && f.loan?.amount == 50)
        #expect(Self.financing(10, capital: 0, loans: [], grants: [grant]).grantAmount == 10, "at most the investment")
        #expect(Projection.householdFlow([-150, 10], hiredCost: 0, loans: [], grant: 20) == [-130, 10])
    }

    /// A plan of farm models beside work away: the working member's own loan (a programme that lends only for
    /// that work) pays for the work, up to its investment; the farm borrows from a programme for any purpose;
    /// both loans' instalments leave the household's cash.
    @Test func aWorkingMembersOwnLoanStandsBesideTheHouseholds() throws {
        let rules = Fixtures.ruleSet
        let japan = try #require(rules.models.first { $0.id == "work-abroad-japan" })
        let goats = try #require(rules.models.first { $0.id == "goat-raising" })
        let valuation = Valuation(horizon: 10, discountRate: 0.1)
        func economics(_ m: FarmModel) -> UnitEconomics {
            UnitEconomics(model: m, outcome: RuleOutcome(m, key: RuleOutcome.key(m, DenseFacts(values: [Double](repeating: 0, count: HouseholdFact.allCases.count), known: 0))), valuation: valuation)
        }
        let abroad = Self.loan("abroad", ceiling: 150e6, rate: 0.08, Eligibility(models: ["work-abroad-japan"]))
        let r = Projection.Resources(capital: 10e6, loans: [Self.loan("cheap", ceiling: 100e6, rate: 0.06), abroad], familyDays: 500, valuation: valuation)
        let parts = [Projection.Part(economics: economics(goats), scale: 8), Projection.Part(economics: economics(japan), scale: 1)]
        let p = Projection(parts: parts, resources: r)
        let away = economics(japan).investment(at: 1), farm = economics(goats).investment(at: 8)
        #expect(p.loans.map(\.programme.id) == ["cheap", "abroad"])
        #expect(abs(p.financing.workerLoan!.amount - min(150e6, away, farm + away - 10e6)) < 1)
        #expect(abs((p.loanTotal ?? 0) - (farm + away - 10e6)) < 1, "both loans close the gap")
        #expect(p.programmeIDs == "cheap+abroad")
        // Both loans' amounts enter year 0 and their instalments the years after.
        let flow = Projection.householdFlow([-(farm + away), 0], hiredCost: 0, loans: p.financing.schedules)
        #expect(abs(flow[0] + 10e6) < 1)
        // Alone, the farm models cannot use the work's loan.
        let farmOnly = Projection(parts: [parts[0]], resources: r)
        #expect(farmOnly.loans.map(\.programme.id) == ["cheap"])
    }

    @Test func eligibilityByCategoryAreaAndCondition() throws {
        let names = Fixtures.settings.nameTable
        let small = try Compiler.condition("land_m2 < 1000", names: names)
        let e = Eligibility(categories: ["poor"], when: small, area: .rural)
        let facts = try Fixtures.household([.landM2: "800"]).factValues(Fixtures.settings).dense
        #expect(e.admits(category: "poor", facts: facts, area: .rural))
        #expect(!e.admits(category: "none", facts: facts, area: .rural))
        #expect(!e.admits(category: "poor", facts: facts, area: .urban))
        let large = try Fixtures.household([.landM2: "2000"]).factValues(Fixtures.settings).dense
        #expect(!e.admits(category: "poor", facts: large, area: .rural))
    }

    @Test func everyHouseholdThatFarmsCanBorrowAndPoorOnesGetTheirGrant() throws {
        // The shipped rule set: 800 m², 25 M, no category, a wage beside the farm to pay instalments from —
        // something fits, and the greenhouse, beyond its own money, is lent for by the unsecured bank loan.
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "800", .capitalVND: "25tr", .otherIncomeVND: "15tr"]), plans: true)
        #expect(advice.recommendation != nil)
        #expect(advice.options.first { $0.model.id == "greenhouse-vegetables" }?.projection.programme?.id == "agri-unsecured")
        let poor = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "800", .capitalVND: "25tr", .loanCategory: "poor"]), plans: true)
        #expect(poor.recommendedPlan?.projection.financing.grant?.id == "livelihood-support")
    }
}
