@testable import AdviseKit
import Foundation
import Testing

/// The ward's plan on registers small enough to check by hand, and the sample register against its golden
/// outputs (`ADVISE_RECORD=1` re-records them).
@Suite struct WardPlannerTests {
    static func entry(_ id: String, _ values: [HouseholdFact: String], perMember: Double, deprivations: Int?) throws -> WardHousehold {
        var household = try Fixtures.household(values)
        household.capitalVND = household.capitalVND ?? 0
        let income = perMember * 12 * household.members
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026)
        household.otherIncomeVND = max(0, income - (evaluator.currentIncome(household) - household.otherIncomeVND))
        return WardHousehold(id: id, household: household, incomeNow: income, deprivations: deprivations)
    }

    static func register() throws -> [WardHousehold] {
        try [
            entry("A", [.landM2: "1000", .loanCategory: "poor", .members: "4"], perMember: 1_200_000, deprivations: 4),
            entry("B", [.landM2: "1500", .loanCategory: "near-poor", .members: "3", .capitalVND: "10tr"], perMember: 1_800_000, deprivations: 1),
            entry("C", [.landM2: "0", .loanCategory: "poor", .members: "5"], perMember: 1_000_000, deprivations: 3),
            entry("D", [.landM2: "7000", .capitalVND: "150tr", .members: "4"], perMember: 6_000_000, deprivations: 0),
            entry("E", [.landM2: "800", .loanCategory: "near-poor", .members: "4"], perMember: 1_900_000, deprivations: nil),
        ]
    }

    @Test func theScenariosCountTheHouseholdsByTheLineOfEachYear() throws {
        let register = try Self.register()
        let resources = WardResources(loanCapital: ["vbsp-poor": 50e6, "vbsp-near-poor": 50e6], supportBudget: 20e6, supportEach: 10e6, years: 3)
        let report = WardPlanner(ruleSet: Fixtures.ruleSet, resources: resources, odds: .init(draws: 200), year: 2026).plan(register)
        #expect(report.years == [2026, 2027, 2028, 2029])
        #expect(report.households == 5 && report.members == 20)
        // Now (2026, line 2,000,000): A and C poor (three or more deprivations), B and E near-poor.
        #expect(report.unchanged.povertyRate[0] == 40)
        #expect(report.unchanged.nearPoorRate[0] == 40)
        #expect(report.unchanged.incomePerPerson[0] == (1_200_000 * 4 + 1_800_000 * 3 + 1_000_000 * 5 + 6_000_000 * 4 + 1_900_000 * 4) * 12 / 20)
        // Nothing changes: the same households under each year's line, counted by hand.
        for (t, year) in report.years.enumerated() {
            let line = Fixtures.settings.povertyLineMonth(inYear: year)
            let poor = register.filter { $0.isPoor(incomeYear: $0.incomeNow, lineMonth: line) }.count
            #expect(report.unchanged.povertyRate[t] == Double(poor) / 5 * 100, "\(year)")
        }
        // The ward's resources go only to households below the line, within the budgets, and lift no fewer
        // than their own means.
        #expect(report.allocation.allSatisfy { ["A", "B", "C", "E"].contains($0.household) })
        for resource in report.resources { #expect(resource.used <= resource.budget + 0.5, "\(resource.id)") }
        #expect(report.expectedLifted >= report.expectedLiftedOwnMeans)
        #expect(report.method == "exact" && report.gap == 0)
        #expect(Set(report.visits.map(\.household)) == ["A", "B", "C", "E"], "every household below the line is on the visit list, and only they")
    }

    /// A market the ward limits: no household's own plan takes the model up (its own means come without it), and
    /// the allocation gives the room to households below the line, never more than the market takes.
    @Test func theWardNeverPlansMoreNewHerdsThanItsMarketTakes() throws {
        let register = try (1...8).map { i in
            try Self.entry("G\(i)", [.landM2: "800", .capitalVND: "20tr", .loanCategory: i <= 6 ? "poor" : "none", .members: "3", .labour: "1"],
                           perMember: i <= 6 ? 1_200_000 : 5_000_000, deprivations: i <= 6 ? 3 : 0)
        }
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026)
        let free = WardPlanner(ruleSet: Fixtures.ruleSet, resources: WardResources(years: 2), odds: .init(draws: 100), year: 2026)
        let wanted = register.map { WardPlanner.scale(of: "goat-raising", in: free.choices($0, evaluator, 2_000_000, EvaluationCache())[0].planned.plan) }
        #expect(wanted.reduce(0, +) > 10, "the register's own plans want more does than the market below takes: \(wanted)")
        let limited = WardPlanner(ruleSet: Fixtures.ruleSet, resources: WardResources(years: 2, marketLimits: ["goat-raising": 10]), odds: .init(draws: 100), year: 2026)
        for entry in register {
            let choices = limited.choices(entry, evaluator, 2_000_000, EvaluationCache())
            #expect(WardPlanner.scale(of: "goat-raising", in: choices[0].planned.plan) == 0, "\(entry.id)'s own means take no room")
        }
        let report = limited.plan(register)
        let market = try #require(report.resources.first { $0.id == "market:goat-raising" })
        #expect(market.used > 0 && market.used <= 10, "\(market)")
        #expect(report.resourceNames["market:goat-raising"]?(.vi) == "Thị trường nhận thêm: Nuôi dê thương phẩm (dê cái sinh sản)")
        // The room goes to households below the line only.
        let given = report.visits.filter { $0.plan.contains("goat-raising") }.map(\.household)
        #expect(!given.isEmpty && given.allSatisfy { ["G1", "G2", "G3", "G4", "G5", "G6"].contains($0) })
    }

    /// A place in a model pays its investment for the household that takes it up: one place a household,
    /// never more than there are, each to a household below the line, and the plan is that model's.
    @Test func placesInAModelGoToHouseholdsBelowTheLineWithinTheirNumber() throws {
        let resources = WardResources(places: ["net-house-vegetables": 2], years: 3)
        // Households that already grow vegetables under nets (a place pays for more than a first house), in a
        // rule set without the pathways (a member's job would lift them on their own means).
        var register = try Self.register()
        for i in register.indices { register[i].household.experience = ["net-house-vegetables"] }
        var ruleSet = Fixtures.ruleSet
        ruleSet.models.removeAll { $0.role == .pathway }
        let report = WardPlanner(ruleSet: ruleSet, resources: resources, odds: .init(draws: 200), year: 2026).plan(register)
        let given = report.allocation.filter { $0.resource == "places:net-house-vegetables" }
        #expect(!given.isEmpty && given.count <= 2)
        #expect(Set(given.map(\.household)).count == given.count)
        for grant in given {
            #expect(["A", "B", "C", "E"].contains(grant.household))
            #expect(grant.plan == "net-house-vegetables" && grant.amount > 0)
            #expect(grant.pLifted >= grant.pLiftedOwn)
        }
        let used = try #require(report.resources.first { $0.id == "places:net-house-vegetables" })
        #expect(used.used == Double(given.count) && used.budget == 2)
        let json = WardRenderer(report, settings: Fixtures.settings, language: .en).json()
        #expect(json.contains("""
              "id": "places:net-house-vegetables",
              "used_vnd": null,
              "budget_vnd": null,
              "unit": "places",
              "used": \(given.count),
              "budget": 2
        """), "\(json)")
        #expect(WardRenderer(report, settings: Fixtures.settings, language: .vi).text().contains("Suất Rau ăn lá trong nhà lưới: \(given.count) / 2 suất"))
    }

    @Test func theResourcesFileTakesPlacesAndNamesAnUnknownModel() throws {
        let resources = try WardResourcesFile.parse("places: {vocational-training-job: 20}\n", path: "r.yaml", ruleSet: Fixtures.ruleSet)
        #expect(resources.places == ["vocational-training-job": 20])
        #expect { _ = try WardResourcesFile.parse("places:\n  durian: 3\n", path: "r.yaml", ruleSet: Fixtures.ruleSet) } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.code == "field.unknown" && d?.location?.line == 2 && d?.message(in: .vi).hasPrefix("không có mô hình 'durian'; các mô hình:") == true
        }
    }

    @Test func theResourcesFileSetsMarketLimitsOverTheRuleSets() throws {
        #expect(WardResources.marketLimits(Fixtures.settings) == ["goat-raising": 200, "net-house-vegetables": 15_000])
        let resources = try WardResourcesFile.parse("market_limits: {goat-raising: 50}\n", path: "r.yaml", ruleSet: Fixtures.ruleSet)
        #expect(resources.marketLimits == ["goat-raising": 50, "net-house-vegetables": 15_000])
        #expect { _ = try WardResourcesFile.parse("market_limits:\n  durian: 3\n", path: "r.yaml", ruleSet: Fixtures.ruleSet) } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first.map { $0.code == "field.unknown" && $0.location?.line == 2 } ?? false
        }
        // A limit that names no model, or one in another measure than the model's scale, stops the rule set.
        var settings = Fixtures.ruleSet
        settings.settings.marketLimits["durian"] = Figure(value: 3, unit: "unit", provenance: Fixtures.ruleSet.settings.marketLimits["goat-raising"]!.provenance)
        settings.settings.marketLimits["goat-raising"]?.unit = "m2"
        let findings = RuleSetValidator(ruleSet: settings, today: "2026-12-01").marketLimitFindings()
        #expect(findings.map(\.code) == ["settings.unknown-model", "unit.mismatch"])
    }

    @Test func withoutResourcesTheAllocatedScenarioIsOwnMeans() throws {
        let report = WardPlanner(ruleSet: Fixtures.ruleSet, resources: WardResources(years: 2), odds: .init(draws: 100), year: 2026).plan(try Self.register())
        #expect(report.allocation.isEmpty)
        #expect(report.allocated == report.ownMeans)
        #expect(report.expectedLifted == report.expectedLiftedOwnMeans)
    }
}
