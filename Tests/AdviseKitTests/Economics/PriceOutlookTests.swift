@testable import AdviseKit
import Foundation
import Testing

/// Prices that revert: the expected path starts at a market's observed price and closes half its gap to the
/// long-run mean every half-life; the odds swing around that path (their mean is the risk-adjusted value) and
/// start narrower when the price is known; the settings refuse half a reference price.
@Suite struct PriceOutlookTests {
    static let provenance = RiskSimulationTests.provenance

    static func market(halfLife: Double = 1, volatility: Double = 0.5, mean: Double? = 100, current: Double? = 200, date: String? = "2025-07-02") -> Market {
        let f = { (v: Double) in Figure(value: v, unit: "VND/kg", provenance: provenance) }
        return Market(id: "crop", name: LocalizedText(vi: "Rau", en: "Crop"), volatility: Figure(value: volatility, unit: "", provenance: provenance),
                      halfLife: Figure(value: halfLife, unit: "year", provenance: provenance), mean: mean.map(f), current: current.map(f), currentDate: date)
    }

    @Test func theGapHalvesEveryHalfLife() throws {
        // Observed at twice the mean in the middle of 2025: a year later (the middle of year 1, 2026) the log gap is
        // half, two years later a quarter; with a two-year half-life, half of it two years later.
        let outlook = PriceOutlook(markets: [Self.market()], startYear: 2025)
        #expect(abs(outlook.factor("crop", year: 1) - pow(2, 0.5)) < 0.005)
        #expect(abs(outlook.factor("crop", year: 2) - pow(2, 0.25)) < 0.005)
        #expect(abs(outlook.factor("crop", year: 40) - 1) < 1e-9, "back at the mean")
        let slow = PriceOutlook(markets: [Self.market(halfLife: 2)], startYear: 2025)
        #expect(abs(slow.factor("crop", year: 2) - pow(2, 0.5)) < 0.005)
        // Below its mean, a price climbs back; an older observation counts for less.
        let low = PriceOutlook(markets: [Self.market(current: 50)], startYear: 2025)
        #expect(low.factor("crop", year: 1) < 1 && low.factor("crop", year: 1) < low.factor("crop", year: 2))
        #expect(PriceOutlook(markets: [Self.market()], startYear: 2027).factor("crop", year: 1) < outlook.factor("crop", year: 1))
        // Without an observed price, or a product without a market: flat.
        #expect(PriceOutlook(markets: [Self.market(mean: nil, current: nil, date: nil)], startYear: 2025).isFlat)
        #expect(outlook.factor(nil, year: 1) == 1 && outlook.factor("other", year: 1) == 1)
    }

    /// The expected path is the base scenario of the figures, and the mean of the odds drawn around it is the
    /// risk-adjusted value; a price above its mean raises the value, and starts the draws narrower.
    @Test func theOddsSwingAroundTheExpectedPath() throws {
        var observed = try RiskSimulationTests.ruleSet(volatility: 0.5)
        observed.settings.markets = [Self.market(date: "2026-06-01")]
        let flat = try RiskSimulationTests.ruleSet(volatility: 0.5)
        let household = try HouseholdParser(settings: flat.settings).parse(HouseholdInput(entries: [.landM2: .init("100"), .flood: .init("occasional")]))
        let odds = RiskSimulation.Options(draws: 20_000, seed: 1)
        let high = try #require(Evaluator(ruleSet: observed, year: 2026).advise(household, odds: odds).options.first)
        let level = try #require(Evaluator(ruleSet: flat, year: 2026).advise(household, odds: odds).options.first)
        let npv = high.projection.riskAdjustedNPV
        #expect(npv > level.projection.riskAdjustedNPV, "\(npv) vs \(level.projection.riskAdjustedNPV)")
        let risk = try #require(high.risk)
        #expect(abs(risk.meanNPV - npv) / npv < 0.02, "mean \(risk.meanNPV) vs \(npv)")
        // Year 1's log price: variance σ²(1 − φ^(2·lag)), below the long-run σ² of an unknown price.
        let market = Self.market(date: "2026-06-01")
        let model = try #require(MarketModel(markets: [market], correlations: [], startYear: 2026, years: 3))
        let lag = try #require(market.lag(toMiddleOf: 2027))
        let sigma = market.stationaryVolatility
        #expect(abs(model.spread[0] - sigma * (1 - pow(market.persistence, 2 * lag)).squareRoot()) < 1e-12)
        #expect(model.spread[0] < sigma)
        var random = RandomSource(seed: 5)
        var path = [Double](repeating: 0, count: 3), scratch = [Double](repeating: 0, count: 2)
        var sums = [0.0, 0.0, 0.0]
        let n = 40_000
        for _ in 0..<n {
            model.path(years: [3], shocks: [3], stride: 3, random: &random, into: &path, scratch: &scratch)
            for t in 0..<3 { sums[t] += path[t] }
        }
        for t in 0..<3 { #expect(abs(sums[t] / Double(n) - 1) < 0.02, "year \(t + 1): the draws average the expected path") }
    }

    @Test(arguments: [
        ("    mean: {value: 77000, unit: VND/chục", "    mean: {value: 77, unit: VND/kg", "unit.mismatch"),
        ("    current: {value: 65000, unit: VND/chục, date: \"2025-12-15\"", "    current: {value: 65000, unit: VND/chục, date: \"15/12/2025\"", "type.date"),
        ("    current: {value: 65000, unit: VND/chục, date: \"2025-12-15\", source: M1, note: \"Dry coconut 60–70 k/chục in mid-December 2025 after the 220–230 k peak of September (M1); the coconut association expected 100–120 k for January 2026 (not a price).\"}\n", "", "field.missing"),
        ("    current: {value: 65000,", "    current: {value: 0,", "figure.range"),
    ])
    func halfAReferencePriceIsRefused(_ old: String, _ new: String, _ code: String) throws {
        let files: [(path: String, text: String)] = try Fixtures.ruleFiles().map { file in
            (file.path, file.path.hasSuffix("settings.yaml") ? file.text.replacingOccurrences(of: old, with: new) : file.text)
        }
        #expect(files.contains { $0.path.hasSuffix("settings.yaml") && !$0.text.contains(old) }, "the mistake is planted")
        do {
            _ = try RuleSetLoader.load(files: files)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.code) == [code] && error.diagnostics.first { $0.severity == .error }?.location?.file.hasSuffix("settings.yaml") == true,
                    "reported once: \(error.diagnostics.map(\.code))")
        }
    }
}
