@testable import AdviseKit
import Testing

/// Every "what would have to change" is re-run: with the change the option is feasible, and a smaller
/// change of capital or land is not. The verdict compared is the household's part of it: an option held back
/// only by a price inside its range (``TippingPoint``) counts as recommended — no household changes a price.
@Suite struct ChangeTests {
    static func held(_ a: ModelAdvice) -> Verdict {
        a.verdict == .conditional && !a.reasons.contains { $0.effect == "mitigation" || $0.rule == "loan.needed" } ? .recommended : a.verdict
    }

    @Test func everyCounterfactualHoldsAndIsTheSmallest() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        var checked = 0
        for values in ScaleSearchTests.households.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let household = try Fixtures.household(values)
            let advice = evaluator.advise(household, changes: true)
            for option in advice.options {
                if Self.held(option) == .recommended { #expect(option.whatWouldChange.isEmpty) }
                for change in option.whatWouldChange {
                    let changed = change.applied(to: household)
                    #expect(Self.held(evaluator.evaluate(option.model, for: changed)) < Self.held(option), "\(option.model.id) \(values) \(change)")
                    if change.fact == .capitalVND || change.fact == .landM2, let n = change.number {
                        var smaller = change
                        smaller.number = n - (change.fact == .capitalVND ? 1e6 : 100)
                        #expect(Self.held(evaluator.evaluate(option.model, for: smaller.applied(to: household))) == Self.held(option), "\(option.model.id) \(change) is not the smallest")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test func theOfficerReadsTheChangeInWords() throws {
        let household = try Fixtures.household([.landM2: "3000", .capitalVND: "50tr"])
        let goats = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, changes: true).options.first { $0.model.id == "greenhouse-vegetables" }
        let change = try #require(goats?.whatWouldChange.first { $0.fact == .capitalVND })
        #expect(Catalogue.change(change, settings: Fixtures.settings, .vi).hasPrefix("nếu vốn tự có đạt "))
        #expect(Catalogue.change(change, settings: Fixtures.settings, .en).hasPrefix("with own capital of VND "))
    }
}
