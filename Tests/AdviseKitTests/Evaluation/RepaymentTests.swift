@testable import AdviseKit
import Testing

/// Plans a household can carry (issue 23): the loan's instalments are paid in at least four futures of five,
/// no plan sends more workers away than the household has, a household new to a model starts at its starter
/// scale, and every output leads with the one plan.
@Suite struct RepaymentTests {
    /// A drawn grid of bare-land households, from a house plot to 2 ha, no savings to 1 tỷ, every exposure and
    /// loan category (seeded: the same grid every run).
    static let grid: [Household] = {
        var random = RandomSource(seed: 23)
        func pick(_ values: [String]) -> String { values[Int(random.next() % UInt64(values.count))] }
        return (0..<48).compactMap { _ in
            try? Fixtures.household([
                .landM2: pick(["0", "300", "800", "1500", "3000", "7000", "11000", "20000"]),
                .capitalVND: pick(["0", "20tr", "50tr", "150tr", "300tr", "1ty"]),
                .flood: pick(["none", "occasional", "frequent"]), .salinity: pick(["low", "medium", "high"]),
                .loanCategory: pick(["none", "poor", "near-poor"]), .labour: pick(["1", "2", "3"]),
                .otherIncomeVND: pick(["0", "3tr", "10tr"]),
            ])
        }
    }()

    @Test func everyRecommendedLoanIsCarriedInFourFuturesOfFive() throws {
        #expect(Fixtures.settings.repayment?.maxMissedInstalmentProbability.value == 0.2)
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        var withLoan = 0
        for household in Self.grid {
            let advice = evaluator.advise(household, plans: true, odds: Evaluator.repaymentOdds)
            if advice.recommendation != nil { #expect(advice.recommendedPlan != nil, "\(household.landM2) m², \(household.capitalVND ?? -1)") }
            if let plan = advice.recommendedPlan {
                #expect(plan.modelIDs.contains(advice.recommendation?.model.id ?? "-"))
                #expect((plan.risk?.pMissedInstalment ?? 0) <= 0.2 + 1e-9, "\(household.landM2) m², \(household.capitalVND ?? -1): \(plan.modelIDs)")
                if plan.loan != nil { withLoan += 1 }
            }
            for option in advice.options where option.verdict != .unsuitable && option.projection.loan != nil {
                #expect((option.risk?.pMissedInstalment ?? 0) <= 0.2 + 1e-9, "\(option.model.id) at \(household.landM2) m²")
            }
        }
        #expect(withLoan > 0, "the grid has households whose plan borrows: the constraint is exercised, not avoided")
    }

    /// The batch's best single model skips the repayment check for a model that could not win without it; the
    /// full ranking checks every model: both give the same first option.
    @Test func theBatchsBestOptionIsTheFullRankingsFirst() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        for household in Self.grid {
            let best = evaluator.bestOption(household)
            let first = evaluator.advise(household).options.first
            #expect(best?.model == first?.model.id, "\(household.landM2) m², \(household.capitalVND ?? -1)")
            #expect(best?.gainNPV == first?.projection.gainNPV)
        }
    }

    @Test func aLoanTheHouseholdCannotCarryIsRefusedWithItsReason() throws {
        // 2 ha, no savings, poor: an orchard on a five-year loan would miss its first instalments.
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "20000", .capitalVND: "0", .loanCategory: "poor"]), plans: true)
        let pomelo = try #require(advice.options.first { $0.model.id == "vietgap-pomelo" })
        #expect(pomelo.reasons.contains { $0.rule == "loan.limited" })
        #expect(pomelo.projection.loan == nil)
        let plan = try #require(advice.recommendedPlan)
        #expect(plan.loan == nil || plan.risk == nil)
        #expect(plan.notes.contains { $0(.en).contains("No loan") || $0(.en).contains("kept to") })
    }

    @Test func noPlanOrOptionSendsMoreWorkersThanTheHouseholdHas() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        for labour in ["1", "2", "3"] {
            for land in ["0", "800"] {
                let household = try Fixtures.household([.landM2: land, .capitalVND: "400tr", .labour: labour])
                let advice = evaluator.advise(household, plans: true)
                func workers(_ model: FarmModel, _ scale: Double) -> Double { (model.scale.workersPerUnit ?? 0) * scale }
                for option in advice.options { #expect(workers(option.model, option.scale) <= household.labour, "\(option.model.id), \(labour) workers") }
                for component in advice.plan?.components ?? [] {
                    let away = zip(component.models, component.scales).reduce(0) { $0 + workers($1.0, $1.1) }
                    #expect(away <= household.labour)
                }
                #expect(advice.plan.map { $0.components.filter { $0.models.contains { $0.role == .pathway } }.count <= 1 } ?? true)
            }
        }
    }

    /// Ms Oanh's household as an officer enters it: 800 m², two workers, poor, 20 M — a member's job beside a
    /// farm model that gains.
    @Test func oanhGetsAJobBesideAFarmModel() throws {
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(
            try Fixtures.household([.landM2: "800", .capitalVND: "20tr", .loanCategory: "poor", .labour: "2", .members: "4"]), plans: true)
        let plan = try #require(advice.recommendedPlan)
        let roles = Set(plan.components.flatMap { $0.models.map(\.role) })
        #expect(roles == [.pathway, .conversion], "\(plan.modelIDs)")
    }

    /// Nobody is planned away from a family's land on the rule set's assumed labour count; a landless household
    /// (nothing else to do) and one that says how many work are. The batch's memo keeps the two apart.
    @Test func nobodyIsSentAwayFromTheLandOnAnAssumedCount() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        func pathways(_ values: [HouseholdFact: String]) throws -> Int {
            let advice = evaluator.advise(try Fixtures.household(values), plans: true)
            return (advice.recommendedPlan?.components ?? []).filter { $0.models.contains { $0.role == .pathway } }.count
        }
        let assumed = try Fixtures.household([.landM2: "800", .capitalVND: "20tr", .loanCategory: "poor"])
        #expect(assumed.assumed.contains(.labour) && assumed.labour == 2)
        #expect(try pathways([.landM2: "800", .capitalVND: "20tr", .loanCategory: "poor"]) == 0)
        #expect(try pathways([.landM2: "800", .capitalVND: "20tr", .loanCategory: "poor", .labour: "2"]) == 1)
        #expect(try pathways([.landM2: "0", .capitalVND: "20tr", .loanCategory: "poor"]) == 1)
        let memo = BatchMemo()
        let given = try Fixtures.household([.landM2: "800", .capitalVND: "20tr", .loanCategory: "poor", .labour: "2"])
        let first = evaluator.answer(assumed, plans: true, memo: memo), second = evaluator.answer(given, plans: true, memo: memo)
        #expect(first?.model != second?.model, "\(first?.model ?? "-") / \(second?.model ?? "-")")
    }

    @Test func aHouseholdNewToGoatsStartsWithTheStarterHerd() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let goats = try #require(Fixtures.ruleSet.model("goat-raising"))
        let starter = try #require(goats.scale.starter)
        for (land, capital) in [("3000", "1ty"), ("20000", "300tr"), ("800", "20tr")] {
            var household = try Fixtures.household([.landM2: land, .capitalVND: capital, .labour: "3"])
            let new = evaluator.evaluate(goats, for: household)
            #expect(new.scale <= starter, "\(land) m²: \(new.scale) does")
            for component in evaluator.advise(household, plans: true).plan?.components ?? [] {
                for (model, scale) in zip(component.models, component.scales) where model.id == goats.id { #expect(scale <= starter) }
            }
            household.experience = [goats.id]
            let practised = evaluator.evaluate(goats, for: household)
            #expect(practised.scale >= new.scale)
            if land == "3000" { #expect(practised.scale > starter, "experience lifts the starter cap") }
        }
    }

    @Test func anUnknownExperienceIsRefusedByName() throws {
        var input = HouseholdInput(entries: [.landM2: .init("800")])
        input.experience = .init("goat-raisng, net-house-vegetables")
        let parser = HouseholdParser(settings: Fixtures.settings, models: Fixtures.ruleSet.models.map(\.id))
        #expect { _ = try parser.parse(input) } throws: { error in
            let message = (error as? DiagnosticError)?.diagnostics.first?.message ?? ""
            return message.contains("goat-raisng") && message.contains("goat-raising")
        }
        input.experience = .init("goat-raising; net-house-vegetables")
        #expect(try parser.parse(input).experience == ["goat-raising", "net-house-vegetables"])
    }

    /// The pruned search of loans and land sizes finds the best carried cell of the whole grid (brute force over
    /// drawn monotone tables: a value that only grows with the loan and the land, carried at random), and tries
    /// no more cells than the grid has.
    @Test func theCarriedSearchFindsTheGridsBest() {
        struct Cell { var loan: Double, land: Double, value: Double, carried: Bool }
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        var random = RandomSource(seed: 1_2_3)
        for trial in 0..<300 {
            let steps = (0..<6).map { _ in (loan: Double(random.next() % 320) * 1e6, land: Double(random.next() % 25_000), weight: Double(random.next() % 100)) }
            let share = Double(random.next() % 100) / 100
            let salt = random.next()
            let asked = Double(1 + random.next() % 320) * 1e6, land = Double(random.next() % 25_000)
            func make(_ loan: Double, _ size: Double) -> Cell {
                let value = steps.reduce(0) { $0 + (loan >= $1.loan && size >= $1.land ? $1.weight : 0) }
                var h = Hasher()
                h.combine(salt)
                h.combine(loan)
                h.combine(size)
                let draw = Double(UInt64(bitPattern: Int64(h.finalize())) % 1000) / 1000
                return Cell(loan: loan, land: size, value: value, carried: loan == 0 || draw < share)
            }
            // Half the trials want only results worth more than a floor (a search after a better one was found).
            let floor = trial % 2 == 0 ? -Double.infinity : Double(random.next() % 300)
            var calls = 0
            let found = evaluator.bestCarried(asked: asked, landM2: land, above: floor, { calls += 1; return make($0, $1) },
                                              carried: \.carried, value: \.value, uses: \.land)
            let loans = [asked] + Evaluator.loanLadder.filter { $0 < asked }, sizes = [land] + Evaluator.landLadder.filter { $0 < land }
            let cells = loans.flatMap { l in sizes.map { make(l, $0) } }
            let best = cells.filter { $0.carried && $0.value > floor + 0.5 }.map(\.value).max()
            #expect(found.map { $0.carried && $0.value > floor } ?? true, "trial \(trial): what is found is carried and above the floor")
            #expect((found?.value ?? -1) >= (best ?? -1) - 0.5, "trial \(trial): \(found?.value ?? -1) vs the grid's \(best ?? -1)")
            #expect(calls <= cells.count + 12, "trial \(trial): \(calls) calls for \(cells.count) cells")
        }
    }

    /// More land, capital or workers never lower the recommended plan's gain; worse flooding never raises it.
    @Test func moreMeansNeverLowerTheGainAndWorseExposureNeverRaisesIt() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let cache = EvaluationCache()
        func gain(_ values: [HouseholdFact: String]) throws -> Double {
            evaluator.advise(try Fixtures.household(values), plans: true, cache: cache).recommendedPlan?.projection.gainNPV ?? 0
        }
        let base: [HouseholdFact: String] = [.landM2: "3000", .capitalVND: "50tr", .labour: "2", .loanCategory: "poor", .otherIncomeVND: "3tr"]
        var previous = -Double.infinity
        // The sizes of the land ladder: a household with more land tries every one a household with less does. (Before
        // the search tried smaller sizes, 11,000 m² with 50 M gave 415.7 M where 7,000 m² gave 582.6 M, and 11,000 m²
        // without savings no plan at all.)
        for (capital, category) in [("50tr", "poor"), ("0", "poor"), ("0", "none")] {
            previous = -.infinity
            for land in ["800", "3000", "7000", "11000", "15000", "20000"] {
                let g = try gain(base.merging([.landM2: land, .capitalVND: capital, .loanCategory: category]) { $1 })
                #expect(g >= previous - 1, "land \(land), capital \(capital), \(category)")
                previous = g
            }
        }
        previous = -.infinity
        for capital in ["0", "20tr", "50tr", "150tr", "400tr"] {
            let g = try gain(base.merging([.capitalVND: capital]) { $1 })
            #expect(g >= previous - 1, "capital \(capital)")
            previous = g
        }
        // On large land too: a household with more savings tries every cap on spending one with less does, and
        // carries what that one carries (it borrows less). (Before the caps were on the loan alone, 15,000 m² with
        // 150 M spent it all on a larger plan it could not carry and fell to 699.2 M where 50 M gave 710.7 M.)
        for (land, category) in [("15000", "poor"), ("7000", "none")] {
            previous = -.infinity
            for capital in ["0", "20tr", "50tr", "150tr", "400tr"] {
                let g = try gain(base.merging([.landM2: land, .capitalVND: capital, .loanCategory: category]) { $1 })
                #expect(g >= previous - 1, "land \(land), \(category), capital \(capital)")
                previous = g
            }
        }
        previous = -.infinity
        for labour in ["1", "2", "3"] {
            let g = try gain(base.merging([.labour: labour]) { $1 })
            #expect(g >= previous - 1, "labour \(labour)")
            previous = g
        }
        previous = .infinity
        for flood in ["none", "occasional", "frequent"] {
            let g = try gain(base.merging([.flood: flood]) { $1 })
            #expect(g <= previous + 1, "flood \(flood)")
            previous = g
        }
    }
}
