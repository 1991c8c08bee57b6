@testable import AdviseKit
import Testing

/// A pathway's income by phase: three years of money sent home, then what a returnee earns — never one
/// figure averaged over years that earn nothing.
@Suite struct IncomePhaseTests {
    @Test func workAbroadIsShownAbroadAndAfterReturn() throws {
        let household = try Fixtures.household([.landM2: "0", .capitalVND: "150tr", .labour: "1"])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household)
        let japan = try #require(advice.options.first { $0.model.id == "work-abroad-japan" })
        let phases = japan.projection.incomePhases
        #expect(phases.map(\.fromYear) == [1, 4])
        #expect(phases.map(\.toYear) == [3, advice.horizon])
        #expect(phases[0].riskAdjustedIncome > 1.5 * phases[1].riskAdjustedIncome, "abroad earns far more than at home")
        // Each phase's income is the mean of its years' risk-adjusted income (the money core's figure).
        let e = japan.economics
        let after = (4...advice.horizon).reduce(0) { $0 + e.riskAdjustedIncome(inYear: $1, at: japan.scale) } / Double(advice.horizon - 3)
        #expect(abs(phases[1].riskAdjustedIncome - after) < 1)
        // One product all along: no phases.
        let job = try #require(advice.options.first { $0.model.id == "vocational-training-job" })
        #expect(job.projection.incomePhases.isEmpty)
    }
}
