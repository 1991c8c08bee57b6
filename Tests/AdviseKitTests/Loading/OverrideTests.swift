@testable import AdviseKit
import Foundation
import Testing

@Suite struct OverrideTests {
    static let wardPrices = Fixtures.root.appendingPathComponent("Samples/overrides/ward-prices-2026-11.yaml").path

    static func load(_ override: String) throws -> RuleSet {
        try RuleSetLoader.load(files: try Fixtures.ruleFiles(), overrides: [("ward.yaml", override)], today: "2026-11-29")
    }

    @Test func aPriceOverrideChangesTheAdviceAndIsNamed() throws {
        let ruleSet = try RuleSetLoader.load(directory: Fixtures.rulesPath, overrides: [Self.wardPrices], today: "2026-11-29")
        let household = try Fixtures.household([.landM2: "1.1ha", .capitalVND: "50tr", .currentUse: "coconut"])
        let before = try #require(Evaluator(ruleSet: Fixtures.ruleSet).advise(household).options.first { $0.model.id == "organic-coconut" })
        let advice = Evaluator(ruleSet: ruleSet).advise(household)
        let after = try #require(advice.options.first { $0.model.id == "organic-coconut" })
        // 80,000 instead of 60,000 VND/chục: revenue × 4/3 on the same yield
        #expect(after.projection.matureRevenue / before.projection.matureRevenue > 1.333)
        #expect(after.projection.matureRevenue / before.projection.matureRevenue < 1.334)
        #expect(advice.overrides.map(\.id) == ["ward-prices-2026-11"])
        let json = JSONRenderer(language: .en, settings: ruleSet.settings).render(advice)
        #expect(json.contains("\"overrides\": [\n      {\n        \"id\": \"ward-prices-2026-11\""))
        #expect(json.contains("organic-coconut.outputs.green-coconut.price"))
        #expect(TextRenderer(language: .en, settings: ruleSet.settings).render(advice).contains("Override: ward-prices-2026-11"))
        #expect(ruleSet.sources["W2026-11"] != nil)
    }

    @Test func aWrongPathIsNamedWithASuggestion() {
        #expect {
            _ = try Self.load("kind: override\nid: x\nset:\n  goat-raising.outputs.meat-goat.price: {low: 1, base: 2, high: 3, unit: VND/kg, estimate: x}\n")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first { $0.code == "override.path" }
            return d?.message.contains("no element with id 'meat-goat'; did you mean 'meat-goats'?") == true && d?.location == SourceLocation(file: "ward.yaml", line: 4, column: 3)
        }
    }

    @Test func anOverrideIsValidatedLikeTheRest() {
        #expect {
            _ = try Self.load("kind: override\nid: x\nset:\n  goat-raising.outputs.meat-goats.price: {low: 1, base: 2, high: 3, unit: VND/nut, source: NOPE}\n")
        } throws: { error in
            let codes = Set((error as? DiagnosticError)?.diagnostics.filter { $0.location?.file == "ward.yaml" }.map(\.code) ?? [])
            return codes == ["unit.mismatch", "ref.source"]
        }
    }

    /// A figure moved past the calibration's cap (±50 %) needs a named agronomist's `confirmed_by`; within the
    /// cap, or in another unit of the same figure, it does not.
    @Test func aChangePastTheCapNeedsAConfirmation() throws {
        let tripled = "kind: override\nid: x\nset:\n  goat-raising.outputs.meat-goats.price: {low: 300000, base: 360000, high: 540000, unit: VND/kg, estimate: x%@}\n"
        #expect {
            _ = try Self.load(tripled.replacingOccurrences(of: "%@", with: ""))
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first { $0.code == "override.uncapped" }
            return d?.message.contains("goat-raising.outputs.meat-goats.price: moves the figure ×3") == true && d?.location?.line == 4
        }
        _ = try Self.load(tripled.replacingOccurrences(of: "%@", with: ", confirmed_by: chi"))
        _ = try Self.load("kind: override\nid: x\nset:\n  goat-raising.outputs.meat-goats.price: {low: 100, base: 150, high: 180, unit: kVND/kg, estimate: x}\n")
    }

    /// A figure the decoder refuses (a quoted `"80.000"`) is reported once, as a number written wrong, not also as a
    /// change past the cap read from part of it.
    @Test func aFigureWrittenWrongIsReportedOnce() {
        #expect {
            _ = try Self.load("kind: override\nid: x\nset:\n  goat-raising.outputs.meat-goats.price: {low: 100000, base: \"80.000\", high: 180000, unit: VND/kg, estimate: x}\n")
        } throws: { error in
            let codes = (error as? DiagnosticError)?.diagnostics.filter { $0.location?.file == "ward.yaml" }.map(\.code) ?? []
            return codes == ["type.mismatch"]
        }
    }

    @Test func onlyFiguresCanBeOverridden() {
        #expect {
            _ = try Self.load("kind: override\nid: x\nset:\n  goat-raising.rules.small-plot.when: {value: 1, unit: m2, estimate: x}\n")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.code == "override.path" && $0.message.contains("only figures") } ?? false
        }
    }

    @Test func settingsFiguresCanBeOverridden() throws {
        let ruleSet = try Self.load("kind: override\nid: rates\nset:\n  settings.loan_programmes.vbsp-poor.rate: {value: 7, unit: \"%/year\", estimate: \"announced rise\"}\n")
        #expect(ruleSet.settings.loanProgrammes.first { $0.categories.contains("poor") }?.rate.value == 0.07)
    }
}
