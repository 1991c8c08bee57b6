@testable import AdviseKit
import Foundation
import Testing

/// Every worked example in every model file, as its own test case.
@Suite struct ExampleCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let model: String
        let example: String
        var testDescription: String { "\(model)/\(example)" }
    }

    static let cases: [Case] = ExampleCheck(ruleSet: Fixtures.ruleSet).examples.map { Case(model: $0.model.id, example: $0.example.id) }

    @Test func theShippedRuleSetLoadsWithoutWarnings() {
        #expect(Fixtures.ruleSet.models.count == 8, "\(Fixtures.ruleSet.warnings)")
        #expect(Fixtures.ruleSet.warnings.isEmpty, "\(Fixtures.ruleSet.warnings)")
    }

    /// A worked example may expect every number an answer's JSON has (``AnswerField``) and nothing it does not: the
    /// decoder's list, the registry and the model schema's `expect` name the same fields.
    @Test func anExampleExpectsTheFiguresEveryAnswerHas() throws {
        let numbers = AnswerField.all.filter { $0.number != nil }.map(\.key)
        #expect(ExpectedRange.fields == numbers + ["area_m2", "units", "loan_vnd"])
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Rules/schema/model.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expect = try #require(((schema["$defs"] as? [String: Any])?["expect"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(expect.keys) == Set(ExpectedRange.fields + ["verdict", "rules"]))
        // Each is read from the option as its JSON shows it.
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).evaluate(try #require(Fixtures.ruleSet.model("goat-raising")), for: try Fixtures.household([.landM2: "2000", .capitalVND: "30tr"]))
        #expect(ExampleCheck.figure("gain_npv_vnd", of: advice) == advice.projection.gainNPV)
        #expect(ExampleCheck.figure("cash_low_point_year", of: advice) == Double(advice.projection.household.lowPointYear))
    }

    @Test func everyModelHasExamples() {
        for model in Fixtures.ruleSet.models {
            #expect(model.examples.count >= 2, "\(model.id) has too few worked examples")
        }
    }

    @Test(arguments: cases)
    func workedExampleHolds(_ c: Case) throws {
        let check = ExampleCheck(ruleSet: Fixtures.ruleSet)
        let model = try #require(Fixtures.ruleSet.model(c.model))
        let example = try #require(model.examples.first { $0.id == c.example })
        let findings = check.check(example, of: model)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func aBrokenExpectationIsReportedAtItsLine() throws {
        var model = try #require(Fixtures.ruleSet.model("goat-raising"))
        var example = try #require(model.examples.first)
        example.verdict = .recommended
        example.ranges = [ExpectedRange(field: "units", minimum: 7, maximum: 7, location: SourceLocation(file: "goat.yaml", line: 99, column: 7))]
        model.examples = [example]
        let findings = ExampleCheck(ruleSet: Fixtures.ruleSet).check(example, of: model)
        #expect(findings.count == 2)
        #expect(findings.contains { $0.message.contains("expected verdict recommended") && $0.location == example.location })
        #expect(findings.contains { $0.location?.line == 99 && $0.message.contains("expected units 7") })
    }
}
