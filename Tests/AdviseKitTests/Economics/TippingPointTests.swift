@testable import AdviseKit
import Foundation
import Testing

/// Tipping points: solved from the closed form, checked by setting each figure to its break-even in an
/// override file and projecting the same plan again with the rule set that override makes.
@Suite struct TippingPointTests {
    static let households: [[HouseholdFact: String]] = [
        [.landM2: "7000", .capitalVND: "100tr"],
        [.landM2: "5000", .capitalVND: "200tr", .currentUse: "coconut"],
        [.landM2: "800", .capitalVND: "20tr", .members: "4", .loanCategory: "poor"],
        [.landM2: "20000", .capitalVND: "400tr", .flood: "occasional", .salinity: "medium"],
        [.landM2: "3000", .capitalVND: "50tr", .currentUse: "rice"],
    ]

    /// An override that moves every price of the tipping point's market (or its one output) by the factor at which
    /// the gain would be zero, in every model and current use of the rule set — or sets the one yield to its break-even.
    static func override(_ point: TippingPoint, _ ruleSet: RuleSet) throws -> String {
        let factor = point.breakeven / point.base
        var lines = ["kind: override", "id: tipping-test", "description: The price at its break-even.", "effective: \"2026-01-01\"",
                     "sources:", "  - id: TIP", "    title: \"test\"", "    year: 2026", "set:"]
        for model in ruleSet.models + ruleSet.baselines {
            // A yield is its model's own figure.
            for output in model.outputs where point.kind == .yield && point.figure == "\(model.id).\(output.yieldPath)" {
                let y = output.yieldPerScale, k = y.unitFactor
                let range = try #require(y.range)
                lines.append("  \(model.id).\(output.yieldPath): {value: \(point.breakeven), low: \(range.lowerBound / k), high: \(range.upperBound / k), unit: \(y.unit), source: TIP}")
            }
            for output in model.outputs where point.kind == .price && (point.market.map({ output.market == $0 }) ?? (point.figure == "\(model.id).\(output.pricePath)")) {
                let b = output.price, k = b.unitFactor
                let base = b.base / k * factor
                lines.append("  \(model.id).\(output.pricePath): {low: \(min(b.low / k, base)), base: \(base), high: \(max(b.high / k, base)), unit: \(b.unit), source: TIP}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gain of the same parts (models, scales, land given up) under another rule set.
    static func gain(of projection: Projection, household: Household, under ruleSet: RuleSet) throws -> Double {
        let evaluator = Evaluator(ruleSet: ruleSet)
        let context = evaluator.context(household, cache: nil)
        let economics = Dictionary(uniqueKeysWithValues: ruleSet.models.indices.map {
            (ruleSet.models[$0].id, evaluator.candidate($0, context, cache: nil, repaid: false).economics)
        })
        let parts = try projection.parts.map { part in
            Projection.Part(economics: try #require(economics[part.economics.modelID]), scale: part.scale,
                            baseline: context.baseline, baselineAreaM2: part.baselineAreaM2)
        }
        return Projection(parts: parts, resources: context.resources).gainNPV
    }

    @Test(arguments: households.indices)
    func aFigureAtItsBreakEvenLeavesNoGain(_ index: Int) throws {
        let household = try Fixtures.household(Self.households[index])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, plans: true)
        var projections = advice.options.filter { $0.verdict != .unsuitable }.map(\.projection)
        if let plan = advice.plan, plan.verdict != .unsuitable { projections.append(plan.projection) }
        var checked = 0
        var kinds: Set<PriceExposure.Kind> = []
        for projection in projections {
            // The model's own projection says the same as the pieces it is built of.
            #expect(abs(projection.gainNPV - (try Self.gain(of: projection, household: household, under: Fixtures.ruleSet))) < 1)
            // What a verdict asks (whether any exists) agrees with the points themselves.
            #expect(TippingPoint.exist(parts: projection.parts, gain: projection.gainNPV) == !projection.tippingPoints.isEmpty)
            for point in projection.tippingPoints {
                #expect(point.low <= point.breakeven && point.breakeven <= point.high)
                let ruleSet = try RuleSetLoader.load(files: try Fixtures.ruleFiles(), overrides: [("tipping.yaml", Self.override(point, Fixtures.ruleSet))])
                let gain = try Self.gain(of: projection, household: household, under: ruleSet)
                #expect(abs(gain) < 1e-6 * max(1, abs(projection.gainNPV)) + 1, "\(point.figure) at \(point.breakeven): gain \(gain)")
                checked += 1
                kinds.insert(point.kind)
            }
        }
        #expect(checked > 0, "no tipping point was checked for household \(index)")
        if index == 0 { #expect(kinds == [.price, .yield], "both a price and a yield are checked on the first household") }
    }

    @Test func aVerdictThatHangsOnAPriceInsideItsRangeIsConditionalWithThatReasonFirst() throws {
        var seen = 0
        for values in Self.households {
            let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household(values), plans: true)
            for o in advice.options where o.verdict != .unsuitable {
                let points = o.projection.tippingPoints
                if points.isEmpty {
                    #expect(o.reasons.allSatisfy { $0.rule != "price.tipping" && $0.rule != "yield.tipping" })
                } else {
                    seen += 1
                    #expect(o.verdict == .conditional)
                    #expect(o.reasons.first?.detail == .tippingPoint(points[0]))
                }
            }
            if let plan = advice.plan, plan.verdict == .recommended { #expect(plan.projection.tippingPoints.isEmpty) }
        }
        #expect(seen > 0)
    }

    @Test func theNearestComesFirstAndSaysWhichWay() throws {
        // Coconut on a conventional coconut garden's land: goats pay while goats sell above their break-even,
        // and the garden's own coconut price is one that, rising, would undo a conversion's gain.
        let household = try Fixtures.household([.landM2: "5000", .capitalVND: "200tr", .currentUse: "coconut"])
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household)
        for o in advice.options where o.verdict != .unsuitable {
            let points = o.projection.tippingPoints
            let distances = points.map { abs($0.breakeven / $0.base - 1) }
            #expect(distances == distances.sorted())
            for p in points where p.market == "coconut" && o.model.id != "organic-coconut" { #expect(!p.above) }
            for p in points where p.figure.hasPrefix(o.model.id + ".") { #expect(p.above) }
        }
        let goats = try #require(Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "800", .capitalVND: "20tr"]))
            .options.first { $0.model.id == "goat-raising" })
        let point = try #require(goats.projection.tippingPoints.first)
        #expect(point.figure == "goat-raising.outputs.meat-goats.price" && point.unit == "VND/kg" && point.base == 120_000)
        let vi = Catalogue.reason(.tippingPoint(point), .vi), en = Catalogue.reason(.tippingPoint(point), .en)
        #expect(vi.hasPrefix("Chỉ có lợi khi giá dê thịt còn trên khoảng ") && vi.contains("₫/kg (tính theo giá bình quân nhiều năm 120.000 ₫/kg; các nguồn ghi 75.000–170.000 ₫/kg)"))
        #expect(en.hasPrefix("Pays only while the price of meat goats stays above about ") && en.contains("(reckoned at its long-run price 120,000 ₫/kg; its sources give 75,000–170,000 ₫/kg)"))
    }
}
