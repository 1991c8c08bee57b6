@testable import AdviseKit
import Testing

/// The batch's closed-form best option equals the first option of the full advice, field by field.
@Suite struct OptionSummaryTests {
    @Test(arguments: RankBy.allCases)
    func theBatchPathAgreesWithTheFullAdvice(_ rank: RankBy) throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let cache = EvaluationCache()
        for values in ScaleSearchTests.households {
            var v = values
            v[.salinity] = ["low", "medium", "high"][values.count % 3]
            let household = try Fixtures.household(v)
            let full = try #require(evaluator.advise(household, rankBy: rank).options.first)
            let summary = try #require(evaluator.bestOption(household, rankBy: rank, cache: cache))
            let expected = OptionSummary(full, incomePerMemberMonth: full.incomePerMemberMonth, abovePovertyLine: full.abovePovertyLine)
            #expect(summary.model == expected.model && summary.verdict == expected.verdict && summary.areaM2 == expected.areaM2)
            #expect(summary.units == expected.units && summary.programme == expected.programme && summary.paybackYear == expected.paybackYear)
            #expect(summary.firstIncomeYear == expected.firstIncomeYear && summary.abovePovertyLine == expected.abovePovertyLine)
            for (a, b) in [(summary.investment, expected.investment), (summary.loan ?? 0, expected.loan ?? 0), (summary.npv, expected.npv),
                           (summary.riskAdjustedNPV, expected.riskAdjustedNPV), (summary.annualNetIncome, expected.annualNetIncome),
                           (summary.riskAdjustedIncome, expected.riskAdjustedIncome), (summary.incomePerMemberMonth, expected.incomePerMemberMonth)] {
                #expect(abs(a - b) < 0.01, "\(values): \(a) vs \(b)")
            }
        }
    }
}
