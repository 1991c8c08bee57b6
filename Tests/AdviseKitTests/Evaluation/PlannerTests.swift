@testable import AdviseKit
import Testing

/// The planner against brute force, and its promises: within land and money, never worse than the best
/// single option.
@Suite struct PlannerTests {
    static let small: [[HouseholdFact: String]] = [
        [.landM2: "2000", .capitalVND: "60tr", .loanCategory: "poor", .labour: "1"],
        [.landM2: "1800", .capitalVND: "200tr", .flood: "occasional"],
        [.landM2: "2000", .capitalVND: "30tr", .salinity: "medium", .loanCategory: "near-poor", .currentUse: "coconut"],
        [.landM2: "1500", .capitalVND: "500tr", .labour: "0"],
        [.landM2: "2000", .capitalVND: "120tr", .currentUse: "neglected-coconut", .flood: "frequent"],
        [.landM2: "900", .capitalVND: "90tr", .loanCategory: "newly-escaped"],
        [.landM2: "2000", .capitalVND: "50tr", .currentUse: "coconut", .flood: "frequent", .labour: "1"],
        [.landM2: "1500", .capitalVND: "40tr", .currentUse: "coconut", .salinity: "high"],
    ]

    /// Households drawn from a seeded generator, small enough to enumerate: the bounds that skip most of the
    /// search must never skip the best plan.
    static let drawn: [[HouseholdFact: String]] = {
        var random = RandomSource(seed: 2026)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        return (0..<24).map { _ in
            [.landM2: String(pick([300, 500, 800, 1200, 1600, 2000, 2400])), .capitalVND: pick(["0", "10tr", "40tr", "90tr", "200tr", "600tr"]),
             .flood: pick(["none", "occasional", "frequent"]), .salinity: pick(["low", "medium", "high"]),
             .loanCategory: pick(["poor", "near-poor", "newly-escaped", "none"]), .currentUse: pick(["bare", "coconut", "mixed-garden", "rice"]),
             .labour: pick(["0", "1", "2", "3"])]
        }
    }()

    static func planner(_ household: Household) -> Planner {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let s = Fixtures.settings
        let models = Fixtures.ruleSet.models
        let facts = household.factValues(s).dense
        let outcomes = models.map { RuleOutcome($0, key: RuleOutcome.key($0, facts)) }
        let economics = zip(models, outcomes).map { UnitEconomics(model: $0, outcome: $1, valuation: Fixtures.valuation) }
        let resources = Projection.Resources(capital: household.capitalVND, loans: s.loans(category: household.loanCategory, facts: household.factValues(s).dense), grants: s.grants(category: household.loanCategory, facts: household.factValues(s).dense),
                                             familyDays: household.labour * s.workdaysPerWorker.value, valuation: Fixtures.valuation)
        let baseline = Fixtures.ruleSet.baseline(forCurrentUse: household.currentUse).map { model in
            UnitEconomics(model: model, outcome: RuleOutcome(model, key: RuleOutcome.key(model, facts)), valuation: Fixtures.valuation)
        }
        _ = evaluator
        var planner = Planner(models: models, grids: models.map { evaluator.grid(ModelProgram($0), household) }, economics: economics, usable: outcomes.map { !$0.blocked },
                              baselinePerM2: economics.map { baseline?.keepingValue(years: $0.extent) ?? 0 }, combinations: Fixtures.ruleSet.combinations,
                              money: ScaleSearch.Money(resources, models: nil), landM2: household.landM2, annuity: economics[0].annuity)
        for (i, model) in models.enumerated() where model.role == .pathway {
            planner.pathwayMoney[i] = ScaleSearch.Money(resources, models: [model.id], role: .pathway)
        }
        return planner
    }

    @Test(arguments: small.indices)
    func thePlanEqualsBruteForce(_ index: Int) throws {
        try Self.compareWithBruteForce(index, Planner.Constraints())
    }

    @Test(arguments: small.indices)
    func theConstrainedPlanEqualsBruteForce(_ index: Int) throws {
        let members = try Fixtures.household(Self.small[index]).members
        try Self.compareWithBruteForce(index, Planner.Constraints(firstIncomeYear: 1, povertyYear: 2, neededCash: members * 2_000_000 * 12 / 3))
    }

    @Test(arguments: drawn.indices)
    func aDrawnHouseholdsPlanEqualsBruteForce(_ index: Int) throws {
        try Self.compareWithBruteForce(Self.drawn[index], Planner.Constraints(), expectSomething: false)
    }

    static func compareWithBruteForce(_ index: Int, _ constraints: Planner.Constraints) throws {
        try compareWithBruteForce(Self.small[index], constraints, expectSomething: index < 2)
    }

    static func compareWithBruteForce(_ values: [HouseholdFact: String], _ constraints: Planner.Constraints, expectSomething: Bool) throws {
        let household = try Fixtures.household(values)
        var planner = Self.planner(household)
        planner.constraints = constraints
        let items = planner.items
        var best = 0.0
        func search(_ i: Int, _ chosen: [Planner.Item], _ xs: [Double], _ land: Double, _ money: Double) {
            if i == items.count {
                let earlyEnough = constraints.firstIncomeYear.map { year in chosen.contains { ($0.firstIncomeYear ?? .max) <= year } } ?? true
                if !chosen.isEmpty, earlyEnough, planner.meets(chosen, xs) { best = max(best, planner.value(chosen, xs)) }
                return
            }
            search(i + 1, chosen, xs, land, money)
            let item = items[i]
            guard chosen.count < planner.maxComponents, Set(chosen.flatMap(\.models)).isDisjoint(with: item.models) else { return }
            // At most one pathway (work away from the farm) in a plan.
            let away = { (item: Planner.Item) in item.models.contains { planner.models[$0].role == .pathway } }
            guard !(away(item) && chosen.contains(where: away)) else { return }
            let funds = planner.money(chosen + [item])
            var x = item.grid.minimum
            while x <= item.grid.maximum + 1e-9 {
                let l = land + item.landPerX * x, m = money + item.investFixed + item.investPerX * x
                if l <= household.landM2 + 1e-6, funds.capital.map({ m <= $0 + funds.loanCeiling + 1e-6 }) ?? true {
                    search(i + 1, chosen + [item], xs + [x], l, m)
                }
                x += item.grid.step
            }
        }
        search(0, [], [], 0, 0)
        let found = planner.best()?.value ?? 0
        #expect(abs(found - best) < 1, "planner \(found), brute force \(best)")
        if expectSomething, constraints.povertyYear == nil { #expect(best > 0, "the household has something that pays") }
    }

    @Test(arguments: small.indices)
    func thePlanKeepsWithinLandAndMoneyAndBeatsEverySingleOption(_ index: Int) throws {
        let household = try Fixtures.household(Self.small[index])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, plans: true)
        guard let plan = advice.plan else {
            #expect(advice.best == nil, "a single option pays, so a plan must")
            return
        }
        #expect(plan.landM2 <= household.landM2 + 1e-6)
        if let capital = household.capitalVND { #expect(plan.investment <= capital + (plan.loan?.amount ?? 0) + plan.projection.financing.grantAmount + 1) }
        #expect(plan.labourDays - plan.hiredDays <= household.labour * Fixtures.settings.workdaysPerWorker.value + 1e-6)
        // Ranked by the gain over the current use (a conversion of a bearing garden may have the larger NPV
        // and the smaller gain).
        let bestSingle = advice.options.filter { $0.verdict != .unsuitable }.map(\.projection.gainNPV).max() ?? 0
        #expect(plan.projection.gainNPV >= bestSingle - 1)
        #expect(Set(plan.modelIDs).count == plan.modelIDs.count)
    }

    @Test func optionsAreHonoured() throws {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "20tr", .loanCategory: "poor", .members: "4"])
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let capped = try #require(evaluator.plan(household, options: PlanOptions(maxLoanVND: 30_000_000)))
        #expect((capped.loan?.amount ?? 0) <= 30_000_000)
        let early = try #require(evaluator.plan(household, options: PlanOptions(firstIncomeWithinMonths: 12)))
        #expect((early.firstIncomeYear ?? 99) <= 1)
        if let poor = evaluator.plan(household, options: PlanOptions(abovePovertyByYear: 3)) {
            #expect(poor.riskAdjustedCashFlow[3] + (poor.loan.map { l in l.payments(horizon: 10)[2].interest + l.payments(horizon: 10)[2].principal } ?? 0) >= 4 * 2_000_000 * 12 - 1)
        }
    }

    @Test func sevenThousandSquareMetresComeOutAsACombination() throws {
        // Bare land inside a sound dike: coconut intercropped with pomelo (Mr Nam's model) beats either alone.
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"])
        let plan = try #require(Evaluator(ruleSet: Fixtures.ruleSet).plan(household))
        #expect(plan.modelIDs.count >= 2)
        #expect(plan.modelIDs.contains("organic-coconut"))
    }

    @Test func onBareLandCoconutAndPomeloAreIntercropped() throws {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "300tr", .labour: "3"])
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        var ruleSet = Fixtures.ruleSet
        ruleSet.models.removeAll { $0.id == "goat-raising" || $0.id == "garden-pond-barn" || $0.id == "greenhouse-vegetables" || $0.role == .pathway }
        let plan = try #require(Evaluator(ruleSet: ruleSet).plan(household))
        #expect(plan.components.contains { $0.intercrop?.id == "coconut-with-pomelo" })
        #expect(evaluator.plan(household) != nil)
    }

    @Test func aLoanThePlanCannotServiceIsNotRecommended() throws {
        // Without the repayment setting, a plan is unsuitable when, over the loan's term, it earns less than the
        // instalments (with it, the search finds one the household carries: RepaymentTests).
        var ruleSet = Fixtures.ruleSet
        ruleSet.settings.repayment = nil
        let household = try Fixtures.household([.landM2: "1000", .capitalVND: "0", .loanCategory: "newly-escaped"])
        let plan = try #require(Evaluator(ruleSet: ruleSet).plan(household))
        let loan = try #require(plan.loan)
        // The household's cash after instalments, summed over the term, is what the plan earns less what it owes.
        let afterInstalments = plan.riskAdjustedCashFlow.dropFirst().prefix(loan.years).reduce(0, +)
        #expect(plan.loanServiceable == (afterInstalments >= -1))
        #expect(plan.verdict == (plan.loanServiceable ? .conditional : .unsuitable))
        #expect(plan.loanShortfallYears.allSatisfy { plan.riskAdjustedCashFlow[$0] < 0 })
    }
}
