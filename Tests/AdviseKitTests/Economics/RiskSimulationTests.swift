@testable import AdviseKit
import Foundation
import Testing

/// The odds against closed forms: no spread without volatility or hazards, hazards in their share of
/// years, the mean of the draws at the risk-adjusted value, reproducible draws.
@Suite struct RiskSimulationTests {
    static let tiny = ProjectionTests.tiny
    static let provenance = Provenance(sources: [], estimate: "test", note: nil, validUntil: nil, location: SourceLocation(file: "", line: 0, column: 0))

    /// The tiny rule set, its crop selling on a market with this volatility (none: a steady price).
    static func ruleSet(volatility: Double?) throws -> RuleSet {
        var rules = try #require(tiny)
        if let volatility {
            rules.settings.markets = [Market(id: "crop", name: LocalizedText(vi: "Rau", en: "Crop"),
                                             volatility: Figure(value: volatility, unit: "", provenance: provenance),
                                             halfLife: Figure(value: 1, unit: "year", provenance: provenance))]
            rules.models[0].outputs[0].market = "crop"
        }
        return rules
    }

    static func advise(_ rules: RuleSet, _ values: [HouseholdFact: String], draws: Int, seed: UInt64 = 1) throws -> Advice {
        var input = HouseholdInput()
        for (fact, text) in values { input[fact] = .init(text) }
        let household = try HouseholdParser(settings: rules.settings).parse(input)
        return Evaluator(ruleSet: rules).advise(household, plans: true, odds: RiskSimulation.Options(draws: draws, seed: seed))
    }

    @Test func withoutVolatilityOrHazardsEveryDrawIsTheExpectedValue() throws {
        let advice = try Self.advise(Self.ruleSet(volatility: nil), [.landM2: "100"], draws: 200)
        let option = try #require(advice.options.first)
        let risk = try #require(option.risk)
        let npv = option.projection.riskAdjustedNPV
        #expect(risk.draws == 200)
        for value in [risk.p10NPV, risk.p50NPV, risk.p90NPV, risk.meanNPV] { #expect(abs(value - npv) < 1e-6) }
        #expect(risk.pLoss == 0)
        #expect(risk.pMissedInstalment == 0)
        #expect(advice.plan?.risk?.p50NPV == advice.plan.map(\.riskAdjustedNPV))
    }

    @Test func aHazardStrikesInItsShareOfYears() throws {
        // Flood: 10 %/year, half the revenue. In a struck year the cash falls below its expectation, in
        // other years it is above.
        let rules = try Self.ruleSet(volatility: nil)
        var input = HouseholdInput()
        input[.landM2] = .init("100")
        input[.flood] = .init("occasional")
        let household = try HouseholdParser(settings: rules.settings).parse(input)
        let option = try #require(Evaluator(ruleSet: rules).advise(household).options.first)
        let economics = option.economics
        let simulation = RiskSimulation(options: .init(draws: 20_000, seed: 7),
                                        markets: try #require(MarketModel(markets: [], correlations: [])), economics: [economics])
        let cash = try #require(simulation.deviation(economics)).cash
        let struck = Double(cash.filter { $0 < 0 }.count) / Double(cash.count)
        #expect(cash.count == 20_000 * 3)
        #expect(abs(struck - 0.1) < 0.01, "struck in \(struck) of the years")
    }

    @Test func theMeanOfTheDrawsIsTheRiskAdjustedValue() throws {
        let advice = try Self.advise(Self.ruleSet(volatility: 0.5), [.landM2: "100", .flood: "occasional"], draws: 20_000)
        let option = try #require(advice.options.first)
        let risk = try #require(option.risk)
        let npv = option.projection.riskAdjustedNPV
        #expect(abs(risk.meanNPV - npv) / npv < 0.02, "mean \(risk.meanNPV) vs \(npv)")
        #expect(risk.p10NPV < risk.p50NPV && risk.p50NPV < risk.p90NPV)
        // A log-normal price: the median draw is below the mean.
        #expect(risk.p50NPV < npv)
    }

    @Test func theSameSeedGivesTheSameOddsAndAnotherSeedOthers() throws {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"])
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let render = { (seed: UInt64) in
            JSONRenderer(language: .en, settings: Fixtures.settings)
                .render(evaluator.advise(household, plans: true, odds: .init(draws: 500, seed: seed)))
        }
        #expect(render(1) == render(1))
        #expect(render(1) != render(2))
    }

    @Test func priceFactorsAverageOneAndShocksCorrelate() throws {
        let p = Self.provenance
        let markets = ["a", "b"].map { Market(id: $0, name: LocalizedText(vi: $0, en: $0), volatility: Figure(value: 0.4, unit: "", provenance: p),
                                              halfLife: Figure(value: 2, unit: "year", provenance: p)) }
        let model = try #require(MarketModel(markets: markets, correlations: [MarketCorrelation(markets: ("a", "b"), value: Figure(value: 0.6, unit: "", provenance: p))]))
        var random = RandomSource(seed: 3)
        var path = [Double](repeating: 0, count: 4), scratch = path
        let n = 40_000
        var sum = [0.0, 0.0], xs: [(Double, Double)] = []
        for _ in 0..<n {
            model.path(years: [2, 2], shocks: [2, 2], stride: 2, random: &random, into: &path, scratch: &scratch)
            sum[0] += path[1]
            sum[1] += path[3]
            xs.append((log(path[0]), log(path[2])))
        }
        #expect(abs(sum[0] / Double(n) - 1) < 0.02)
        #expect(abs(sum[1] / Double(n) - 1) < 0.02)
        let ma = xs.map(\.0).reduce(0, +) / Double(n), mb = xs.map(\.1).reduce(0, +) / Double(n)
        let cov = xs.reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
        let va = xs.reduce(0) { $0 + ($1.0 - ma) * ($1.0 - ma) }, vb = xs.reduce(0) { $0 + ($1.1 - mb) * ($1.1 - mb) }
        #expect(abs(cov / (va * vb).squareRoot() - 0.6) < 0.02)
        #expect(abs((va / Double(n)).squareRoot() - model.spread[0]) < 0.01)
        #expect(MarketModel(markets: markets + [Market(id: "c", name: markets[0].name, volatility: markets[0].volatility, halfLife: markets[0].halfLife)],
                            correlations: [.init(markets: ("a", "b"), value: Figure(value: 0.9, unit: "", provenance: p)),
                                           .init(markets: ("a", "c"), value: Figure(value: 0.9, unit: "", provenance: p)),
                                           .init(markets: ("b", "c"), value: Figure(value: -0.9, unit: "", provenance: p))]) == nil,
                "inconsistent correlations are refused")
    }

    @Test func aTreeKillingHazardCostsItsYearsAndTheReplanting() throws {
        let rules = try #require(Self.tiny)
        let model = rules.models[0]
        var outcome = RuleOutcome(model, key: RuleOutcome.key(model, DenseFacts(values: [Double](repeating: 0, count: HouseholdFact.allCases.count), known: 0)))
        outcome.risks = [Risk(hazard: "salinity", likelihood: 0.1, loss: 1, provenance: Self.provenance, lasts: 3, replantPerScale: 20)]
        let e = UnitEconomics(model: model, outcome: outcome, horizon: 3, discountRate: 0)
        // A strike in any of the last three years costs the year (at most once): 1 − 0.9^k, k years back.
        let share = [0.1, 0.19, 0.271, 0.271]
        for (t, expected) in share.enumerated() {
            #expect(abs(e.hazards.lossShare[t] - expected) < 1e-12)
            #expect(abs(e.hazards.replant[t] - 2) < 1e-12)
        }
        // Mature from year 2: revenue 100/m², 20 % share → net 80; less the share of revenue and 2 of replanting.
        #expect(e.matureYear == 2)
        let mean = (share[1] + share[2]) / 2
        #expect(abs(e.riskAdjustedIncome(at: 1, hiredCost: 0) - (80 - 100 * mean - 2) + 50) < 1e-9)
    }

    /// Overlapping hazards — two nested risks of one name, a tree-killing one lasting three years that can
    /// strike in the same years, and one that strikes only in the first year — lose at most a year's revenue;
    /// the deterministic expectation (``HazardExpectation``) is the mean of the odds' draws, year by year.
    @Test func overlappingHazardsLoseAtMostAYearAndTheirExpectationIsTheMeanOfTheDraws() throws {
        let rules = try #require(Self.tiny)
        let model = rules.models[0]
        var outcome = RuleOutcome(model, key: RuleOutcome.key(model, DenseFacts(values: [Double](repeating: 0, count: HouseholdFact.allCases.count), known: 0)))
        outcome.risks = [Risk(hazard: "flood", likelihood: 0.3, loss: 0.6, provenance: Self.provenance),
                         Risk(hazard: "flood", likelihood: 0.1, loss: 0.7, provenance: Self.provenance, lasts: 3, replantPerScale: 5),
                         Risk(hazard: "salinity", likelihood: 0.25, loss: 0.5, provenance: Self.provenance, lasts: 2),
                         Risk(hazard: "start", likelihood: 0.4, loss: 0.9, provenance: Self.provenance, lasts: 2, fromYear: 1, toYear: 1),
                         Risk(hazard: "return", likelihood: 0.5, loss: 0.3, provenance: Self.provenance, fromYear: 3, toYear: 3)]
        let e = UnitEconomics(model: model, outcome: outcome, horizon: 3, discountRate: 0)
        let share = e.hazards.lossShare
        #expect(share.allSatisfy { $0 >= 0 && $0 <= 1 })
        // Year 4 on: the start hazard has passed; the sum of the risks' expectations (0.18 + 0.21 + 0.25) is
        // more than the capped expectation.
        #expect(share[3] < 0.3 * 0.6 + 0.1 * 0.7 * 3 + 0.25 * 0.5 * 2)
        #expect(share[0] > share[5], "the start hazard costs the first years")
        let draws = 40_000
        let simulation = RiskSimulation(options: .init(draws: draws, seed: 11),
                                        markets: try #require(MarketModel(markets: [], correlations: [])), economics: [e])
        let cash = try #require(simulation.deviation(e)).cash
        for t in 0..<3 {
            let mean = (0..<draws).reduce(0) { $0 + cash[$1 * 3 + t] } / Double(draws)
            let spread = ((0..<draws).reduce(0) { $0 + pow(cash[$1 * 3 + t] - mean, 2) } / Double(draws)).squareRoot()
            #expect(abs(mean) < 4 * spread / Double(draws).squareRoot(), "year \(t + 1): mean deviation \(mean)")
        }
        let value = try #require(simulation.deviation(e)).value
        let mean = value.reduce(0, +) / Double(draws)
        let spread = (value.reduce(0) { $0 + pow($1 - mean, 2) } / Double(draws)).squareRoot()
        #expect(abs(mean) < 4 * spread / Double(draws).squareRoot(), "the mean of the draws is the risk-adjusted value")
    }

    @Test func rankingByDownsideFollowsTheTenthPercentile() throws {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, rankBy: .downside)
        let suitable = advice.options.filter { $0.verdict != .unsuitable }
        #expect(suitable.count >= 2)
        let p10 = suitable.compactMap(\.risk?.p10Gain)
        #expect(p10.count == suitable.count)
        #expect(p10 == p10.sorted(by: >))
    }

    /// The percentiles by selection equal those of a full sort (the oracle), for sizes from 1 to 300, with
    /// ties, sorted and reversed input.
    @Test func percentilesBySelectionEqualThoseOfASort() {
        var random = RandomSource(seed: 11)
        for n in 1...300 {
            for shape in 0..<4 {
                var values = (0..<n).map { _ in shape == 1 ? (random.uniform() * 5).rounded() : random.normal() * 1e6 }
                if shape == 2 { values.sort() }
                if shape == 3 { values.sort(by: >) }
                let sorted = values.sorted()
                let expected = [0.1, 0.5, 0.9].map { sorted[Int(($0 * Double(n - 1)).rounded())] }
                var work = values
                #expect(RiskSimulation.percentiles(&work, [0.1, 0.5, 0.9]) == expected, "n \(n), shape \(shape)")
                #expect(work.sorted() == sorted, "the values are only reordered")
            }
        }
        var empty: [Double] = []
        #expect(RiskSimulation.percentiles(&empty, [0.1, 0.9]) == [0, 0])
    }

    /// A model's odds are its own: over the rule set's draws, its deviations are the same whether it is
    /// simulated alone or beside every other model (before the bank, adding a model shifted the draws).
    @Test func aModelsOddsDoNotDependOnTheModelsBesideIt() throws {
        let ruleSet = Fixtures.ruleSet
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr", .flood: "occasional", .salinity: "medium"])
        let economics = Evaluator(ruleSet: ruleSet, year: 2026).advise(household).options.map(\.economics)
        let markets = try #require(MarketModel(markets: ruleSet.settings.markets, correlations: ruleSet.settings.marketCorrelations))
        let bank = DrawBank(options: .init(draws: 200, seed: 3), markets: markets, hazards: DrawBank.hazards(of: ruleSet.models), years: 40)
        let together = RiskSimulation(bank: bank, economics: economics)
        #expect(economics.count >= 5)
        for e in economics {
            let alone = RiskSimulation(bank: bank, economics: [e])
            #expect(alone.deviation(e)?.value == together.deviation(e)?.value, "\(e.modelID)")
            #expect(alone.deviation(e)?.cash == together.deviation(e)?.cash, "\(e.modelID)")
        }
        #expect(Set(economics.compactMap { together.deviation($0)?.value }).count == economics.count, "each model has its own deviations")
    }
}
