@testable import AdviseKit
import Testing

/// Numbers surely short of their unit, or past it, are refused with their likely meaning (the rule set's
/// `input_limits`); negatives are named as negative; 0 is always a household without land or savings.
@Suite struct InputLimitsTests {
    @Test(arguments: [
        (HouseholdFact.capitalVND, "150", "có phải 150tr?"),
        (.capitalVND, "99999", "ít hơn 100.000 ₫"),
        (.otherIncomeVND, "50", "có phải 50tr?"),
        (.landM2, "5", "có phải 5 công?"),
        (.landM2, "60ha", "hơn 50 ha"),
        (.landM2, "7000 ha", "hơn 50 ha"),
        (.capitalVND, "-150tr", "là số âm"),
        (.landM2, "-5", "là số âm"),
        (.landM2, "−0,5ha", "là số âm"),
    ])
    func aNumberShortOfItsUnitIsRefusedWithItsLikelyMeaning(_ fact: HouseholdFact, _ text: String, _ message: String) throws {
        var values: [HouseholdFact: String] = [.landM2: "7000"]
        values[fact] = text
        let error = try #require(throws: DiagnosticError.self) { try Fixtures.household(values) }
        let said = error.diagnostics.map { $0.message(in: Language.vi) }.joined(separator: "\n")
        #expect(said.contains(message), "\(said)")
        #expect(error.diagnostics.first?.code == "input.\(fact.inputName)")
    }

    @Test(arguments: [
        (HouseholdFact.capitalVND, "0"), (.capitalVND, "100000"), (.capitalVND, "150tr"), (.otherIncomeVND, "0"),
        (.otherIncomeVND, "3tr"), (.landM2, "0"), (.landM2, "10"), (.landM2, "50ha"), (.landM2, "7 công"),
    ])
    func plausibleNumbersAndZeroPass(_ fact: HouseholdFact, _ text: String) throws {
        var values: [HouseholdFact: String] = [.landM2: "7000"]
        values[fact] = text
        _ = try Fixtures.household(values)
    }
}
