@testable import AdviseKit
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
