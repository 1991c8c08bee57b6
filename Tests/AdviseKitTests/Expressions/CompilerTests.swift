@testable import AdviseKit
import Testing

@Suite struct CompilerTests {
    let names = NameTable(scales: ["flood": ["none", "occasional", "frequent"], "salinity": ["low", "medium", "high"],
                                   "current_use": ["bare", "coconut"], "loan_category": ["poor", "none"]],
                          constants: ["small_plot_m2": 500])

    func facts(land: Double = 1000, capital: Double? = 5e7, flood: Double = 0, salinity: Double = 0) -> FactValues {
        var v = FactValues()
        v[.landM2] = land
        v[.capitalVND] = capital
        v[.flood] = flood
        v[.salinity] = salinity
        v[.labour] = 2
        v[.members] = 4
        v[.currentUse] = 0
        v[.loanCategory] = 1
        return v
    }

    func eval(_ text: String, _ values: FactValues) throws -> Bool? {
        try Compiler.condition(text, names: names)(values)
    }

    @Test(arguments: [
        ("true", true), ("false", false), ("not false", true),
        ("land_m2 >= 1000", true), ("land_m2 > 1000", false), ("land_m2 == 1000 and members == 4", true),
        ("land_m2 < 500 or labour >= 2", true), ("flood == \"none\"", true), ("flood != \"none\"", false),
        ("flood in [\"none\", \"occasional\"]", true), ("flood not in [\"none\"]", false), ("flood < \"frequent\"", true),
        ("\"occasional\" > flood", true), ("land_m2 / 10 + 1 == 101", true), ("-land_m2 < 0", true),
        ("min(land_m2, 300) == 300", true), ("max(land_m2, 300, 2000) == 2000", true), ("land_m2 >= small_plot_m2 * 2", true),
        ("land_m2 in [500, 1000]", true), ("2 * (3 + 4) == 14", true), ("land_m2 / 0 == 0", true),
        ("capital_vnd >= 50000000", true), ("not (flood == \"none\") or salinity == \"low\"", true),
    ])
    func evaluates(_ text: String, _ expected: Bool) throws {
        #expect(try eval(text, facts()) == expected)
    }

    @Test func levelsFollowTheScaleOrder() throws {
        let c = try Compiler.condition("flood >= \"occasional\"", names: names)
        #expect(c(facts(flood: 0)) == false)
        #expect(c(facts(flood: 1)) == true)
        #expect(c(facts(flood: 2)) == true)
    }

    @Test func aMissingFactLeavesTheConditionUnknown() throws {
        let c = try Compiler.condition("capital_vnd < 1000000 or land_m2 > 0", names: names)
        #expect(c.facts == [.capitalVND, .landM2])
        #expect(c(facts(capital: nil)) == nil)
        #expect(c(facts(capital: 5)) == true)
    }

    /// The error column: `^` marks where the compiler must point, within the expression text.
    @Test(arguments: [
        ("flod == \"none\"", "^", "expr.unknown-name", "did you mean 'flood'"),
        ("land_m2 >= 1000 and flood == \"sometimes\"", "                             ^", "expr.type", "not a flood level"),
        ("flood == salinity", "         ^", "expr.type", "cannot compare a flood level with a salinity level"),
        ("land_m2 + 1", "^", "expr.type", "must be true or false"),
        ("land_m2 and true", "^", "expr.type", "needs true/false"),
        ("land_m2 >= ", "           ^", "expr.syntax", "expected a value"),
        ("(land_m2 > 1", "            ^", "expr.syntax", "expected ')'"),
        ("land_m2 = 1", "        ^", "expr.syntax", "use '=='"),
        ("land_m2 > 1 )", "            ^", "expr.syntax", "after the end"),
        ("flood in \"none\"", "         ^", "expr.type", "'in' needs a list"),
        ("sqrt(land_m2) > 1", "^", "expr.unknown-name", "unknown function"),
        ("land_m2 > 1000m2", "              ^", "expr.syntax", "cannot be followed by a name"),
        ("flood == \"none", "         ^", "expr.syntax", "unterminated string"),
        ("land_m2 # 2", "        ^", "expr.syntax", "unexpected character"),
        ("true == 1", "        ^", "expr.type", "cannot compare"),
    ])
    func reportsErrorsAtTheirColumn(_ text: String, _ caret: String, _ code: String, _ message: String) {
        #expect {
            _ = try Compiler.condition(text, names: names)
        } throws: { error in
            guard let e = error as? ExpressionError else { return false }
            return e.offset == caret.count - 1 && e.code == code && e.message.contains(message)
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000)
        #expect(throws: ExpressionError.self) { try Compiler.condition(text, names: names) }
        let nots = String(repeating: "not ", count: 5_000) + "true"
        #expect(throws: ExpressionError.self) { try Compiler.condition(nots, names: names) }
    }
}
