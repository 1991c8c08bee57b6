@testable import AdviseKit
import Testing

/// The scale search tries only the kinks of the piecewise-affine cash flow; these tests hold it to
/// brute-force enumeration of every step, and to "more land or capital never makes the answer worse".
@Suite struct ScaleSearchTests {
    static let households: [[HouseholdFact: String]] = {
        var result: [[HouseholdFact: String]] = []
        for land in ["300", "1000", "2500", "7000", "15000"] {
            for capital in ["0", "30tr", "120tr", "400tr"] {
                for (flood, category, labour) in [("none", "poor", "1"), ("occasional", "none", "2"), ("frequent", "newly-escaped", "0")] {
                    result.append([.landM2: land, .capitalVND: capital, .flood: flood, .loanCategory: category, .labour: labour])
                }
            }
        }
        return result
    }()

    @Test func theChosenScaleIsAsGoodAsTryingEveryStep() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        for values in Self.households {
            let household = try Fixtures.household(values)
            for model in Fixtures.ruleSet.models {
                let advice = evaluator.evaluate(model, for: household)
                guard advice.reasons.allSatisfy({ $0.rule != "scale.land" && $0.rule != "scale.capital" }) else { continue }
                let (economics, resources) = Self.parts(model, household)
                let grid = evaluator.grid(ModelProgram(model), household)
                let search = ScaleSearch(grid: grid, economics: economics, money: ScaleSearch.Money(resources, models: [model.id], role: model.role), landM2: household.landM2)
                guard case let .fits(upper) = search.limit() else { continue }
                // Every step the household's grid and money allow whose loan it can carry (the repayment constraint).
                let context = evaluator.context(household, cache: nil)
                var best = -Double.infinity
                var s = grid.minimum
                while s <= upper + 1e-9 {
                    let p = Projection(parts: [context.part(economics, scale: s, landM2: 0)], resources: resources)
                    if evaluator.carries(p, context, landM2: grid.areaPerScale * s) { best = max(best, p.riskAdjustedNPV) }
                    s += grid.step
                }
                guard best > -.infinity else { continue }
                if advice.projection.loan != nil { #expect(evaluator.carries(advice.projection, context, landM2: advice.areaM2)) }
                #expect(abs(advice.projection.riskAdjustedNPV - best) < 1, "\(model.id) \(values): chose \(advice.scale) with \(advice.projection.riskAdjustedNPV), brute force \(best)")
                #expect(advice.projection.investment <= (household.capitalVND ?? .infinity) + (advice.projection.loan?.amount ?? 0) + advice.projection.financing.grantAmount + 1)
                #expect(advice.areaM2 <= household.landM2)
            }
        }
    }

    @Test func moreLandOrCapitalNeverMakesTheAnswerWorse() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        for flood in ["none", "frequent"] {
            var previousByLand: [String: Double] = [:]
            for land in ["500", "1000", "2000", "5000", "10000"] {
                var previousByCapital: [String: Double] = [:]
                for capital in ["10tr", "50tr", "100tr", "300tr", "1ty"] {
                    let h = try Fixtures.household([.landM2: land, .capitalVND: capital, .flood: flood, .loanCategory: "poor"])
                    for o in evaluator.advise(h).options where o.verdict != .unsuitable {
                        let npv = o.projection.riskAdjustedNPV
                        #expect(npv >= (previousByCapital[o.model.id] ?? -.infinity) - 1, "\(o.model.id) got worse with capital \(capital)")
                        previousByCapital[o.model.id] = npv
                        if capital == "1ty" {
                            #expect(npv >= (previousByLand[o.model.id] ?? -.infinity) - 1, "\(o.model.id) got worse with land \(land)")
                            previousByLand[o.model.id] = npv
                        }
                    }
                }
            }
        }
    }

    static func parts(_ model: FarmModel, _ h: Household) -> (UnitEconomics, Projection.Resources) {
        let s = Fixtures.settings
        let outcome = RuleOutcome(model, key: RuleOutcome.key(model, h.factValues(s).dense))
        let economics = UnitEconomics(model: model, outcome: outcome, valuation: Fixtures.valuation)
        let resources = Projection.Resources(capital: h.capitalVND, loans: s.loans(category: h.loanCategory, facts: h.factValues(s).dense), grants: s.grants(category: h.loanCategory, facts: h.factValues(s).dense),
                                             familyDays: h.labour * s.workdaysPerWorker.value, valuation: Fixtures.valuation)
        return (economics, resources)
    }
}
