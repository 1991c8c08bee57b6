@testable import AdviseKit
import Foundation
import Testing

/// Predicted against reported, and the override it proposes.
@Suite struct CalibrationTests {
    /// An advice for a household that can take up organic coconut, recorded as the log keeps it.
    static func record() throws -> AdviceRecord {
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"])
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026)
        let advice = evaluator.advise(household, plans: true, odds: nil)
        var record = AdviceRecord(advice, evaluator: evaluator, source: "Rules", channel: "cli", at: "2026-11-29T12:00:00Z")
        record.id = 1
        return record
    }

    @Test func theRecordKeepsTheRecommendationAndAPredictionForEveryChoosableModel() throws {
        let record = try Self.record()
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr"])
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026)
        let advice = evaluator.advise(household, plans: true, odds: nil)
        let plan = try #require(advice.recommendedPlan)
        #expect(record.recommendation == plan.modelIDs.joined(separator: "+"))
        #expect(record.investmentVND == plan.investment)
        #expect(Set(record.predictions.map(\.model)) == Set(advice.options.filter { $0.verdict != .unsuitable }.map(\.model.id)))
        // A plan's model is predicted at the plan's share of the land.
        for component in plan.components {
            for (model, scale) in zip(component.models, component.scales) {
                #expect(record.prediction(model.id)?.scale == scale)
            }
        }
    }

    /// A loss season is used (a bad year is part of the truth); an implausible yield waits for an agronomist;
    /// a withdrawn report counts for nothing.
    @Test func aLossSeasonCountsAndAnImplausibleFigureWaits() throws {
        let record = try Self.record()
        let coconut = try #require(record.prediction("organic-coconut"))
        let net = try #require(coconut.netIncome(year: 5, scale: coconut.scale))
        let nut = try #require(coconut.outputs.first)
        let nuts = nut.quantity(year: 5, scale: coconut.scale)
        var loss = SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 5, netIncomeVND: -0.5 * net)
        loss.id = 1
        var inflated = SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 5, output: nut.id, quantity: 40 * nuts)
        inflated.id = 2
        var withdrawn = SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 5, netIncomeVND: 2 * net)
        withdrawn.id = 3
        withdrawn.withdrawnAt = "2027-01-01T00:00:00Z"
        let c = Calibration([AdviceHistory(record: record, seasons: [loss, inflated, withdrawn])])
        #expect(c.rows.map(\.figure) == [.netIncome] && abs((c.rows.first?.median ?? 0) + 0.5) < 1e-9, "the loss, alone")
        #expect(c.flagged.map(\.id) == [2] && c.flagged.first?.figure == .yield(output: nut.id) && abs((c.flagged.first?.ratio ?? 0) - 40) < 1e-9)
        inflated.confirmedBy = "chi"
        let confirmed = Calibration([AdviceHistory(record: record, seasons: [loss, inflated, withdrawn])])
        #expect(confirmed.flagged.isEmpty && confirmed.rows.contains { $0.figure == .yield(output: nut.id) })
    }

    @Test func ratiosAreReportedOverPredictedAtTheReportedScaleAndYear() throws {
        let record = try Self.record()
        let coconut = try #require(record.prediction("organic-coconut"))
        let nut = try #require(coconut.outputs.first)
        let scale = coconut.scale / 2
        let predictedNuts = nut.yieldPerScale * Output.fraction(nut.curve, year: 5) * scale
        let predictedNet = coconut.netByYearVND[4] / 2
        let histories = [0.8, 1.0, 1.3].map { r in
            AdviceHistory(record: record,
                          followUps: [FollowUp(adviceID: 1, recordedAt: "", model: "organic-coconut", scale: scale, investedVND: coconut.investmentVND / 2 * r)],
                          seasons: [SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 5, output: nut.id, quantity: predictedNuts * r,
                                                 priceVND: nut.price(year: 5) * r, netIncomeVND: predictedNet * r)])
        }
        let rows = Calibration(histories).rows
        #expect(rows.map(\.figure) == [.investment, .netIncome, .price(output: nut.id), .yield(output: nut.id)])
        for row in rows {
            #expect(row.model == "organic-coconut" && row.count == 3)
            #expect(abs(row.median - 1.0) < 1e-9)
            #expect(abs(row.lower - 0.9) < 1e-9 && abs(row.upper - 1.15) < 1e-9)
        }
    }

    /// A season's price is compared with the price expected in its year: coconut was observed below its long-run mean, so
    /// its expected price climbs back over the first years (a report at the long-run price in year 1 is above what was said).
    @Test func aSeasonsPriceIsComparedWithItsYearsExpectedPrice() throws {
        let record = try Self.record()
        let nut = try #require(record.prediction("organic-coconut")?.outputs.first)
        let path = try #require(nut.priceFactorByYear)
        #expect(path[0] < path[1] && path[1] < 1, "\(path.prefix(3))")
        #expect(nut.price(year: 1) == nut.priceVND * path[0] && nut.price(year: 99) == nut.priceVND * path[path.count - 1])
        let decoded = try JSONDecoder().decode(ModelPrediction.OutputPrediction.self, from: Data(#"{"id":"x","product":"kg","yield_per_scale":1,"curve":[1],"price_vnd":5}"#.utf8))
        #expect(decoded.priceFactorByYear == nil && decoded.price(year: 3) == 5, "a record from before keeps its flat price")
    }

    @Test func aLossYearOrAModelNeverPredictedGivesNoRatio() throws {
        let record = try Self.record()
        let history = AdviceHistory(record: record, seasons: [
            SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 1, netIncomeVND: 5_000_000),  // predicted a loss in year 1
            SeasonReport(adviceID: 1, recordedAt: "", model: "durian", year: 3, netIncomeVND: 5_000_000),
        ])
        #expect(try #require(record.prediction("organic-coconut")).netByYearVND[0] < 0)
        #expect(Calibration([history]).rows.isEmpty)
    }

    @Test(arguments: [0.0, 1.5, 1234.5678, 0.0000412345678, -3.25, 99.999951, 6268656.7, 1e-9])
    func numbersAreWrittenAsYAMLReadsThemToSixDigits(_ v: Double) {
        let text = CalibrationOverride.number(v)
        #expect(!text.contains("e") && DecodeContext.parseNumber(text) != nil, "\(text)")
        let back = Double(text) ?? .nan
        #expect(abs(back - v) <= abs(v) * 5e-6 + 1e-12, "\(v) → \(text)")
    }

    /// The proposal is a valid override: the rule set loads under it, and each figure is the current one times the ratio.
    @Test func theProposedOverrideLoadsAndMovesEachFigureByItsRatio() throws {
        let record = try Self.record()
        let coconut = try #require(record.prediction("organic-coconut"))
        let nut = try #require(coconut.outputs.first)
        let history = AdviceHistory(record: record, seasons: (1...3).map { _ in
            SeasonReport(adviceID: 1, recordedAt: "", model: "organic-coconut", year: 6, output: nut.id,
                         quantity: nut.quantity(year: 6, scale: coconut.scale) * 0.8, priceVND: nut.price(year: 6) * 1.1)
        })
        let override = CalibrationOverride(calibration: Calibration([history]), ruleSet: Fixtures.ruleSet, minimumCount: 3, date: "2026-11-29")
        #expect(override.entries.map(\.path) == ["organic-coconut.outputs.\(nut.id).price", "organic-coconut.outputs.\(nut.id).yield"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString).yaml")
        try override.render().write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let revised = try RuleSetLoader.load(files: try Fixtures.ruleFiles(), overridePaths: [path.path], today: "2026-11-29")
        #expect(!revised.warnings.contains { $0.severity == .error })
        let before = try #require(Fixtures.ruleSet.models.first { $0.id == "organic-coconut" }?.outputs.first)
        let after = try #require(revised.models.first { $0.id == "organic-coconut" }?.outputs.first)
        #expect(abs(after.yieldPerScale.value / before.yieldPerScale.value - 0.8) < 1e-3)
        #expect(abs(after.price.base / before.price.base - 1.1) < 1e-3)
        #expect(abs(after.price.low / before.price.low - 1.1) < 1e-3 && abs(after.price.high / before.price.high - 1.1) < 1e-3)
        #expect(revised.sources["LOG-2026-11-29"] != nil)
        #expect(revised.overrides.map(\.id) == ["calibration-2026-11-29"])
    }

    @Test func withoutEnoughReportsNothingIsProposedAndTheFileStillLoads() throws {
        let override = CalibrationOverride(calibration: Calibration([]), ruleSet: Fixtures.ruleSet, date: "2026-11-29")
        #expect(override.entries.isEmpty)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString).yaml")
        try override.render().write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        #expect(throws: Never.self) { try RuleSetLoader.load(files: try Fixtures.ruleFiles(), overridePaths: [path.path], today: "2026-11-29") }
    }
}
