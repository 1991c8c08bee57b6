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

    @Test func withoutResourcesTheAllocatedScenarioIsOwnMeans() throws {
        let report = WardPlanner(ruleSet: Fixtures.ruleSet, resources: WardResources(years: 2), odds: .init(draws: 100), year: 2026).plan(try Self.register())
        #expect(report.allocation.isEmpty)
        #expect(report.allocated == report.ownMeans)
        #expect(report.expectedLifted == report.expectedLiftedOwnMeans)
    }
}
