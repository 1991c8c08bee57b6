@testable import AdviseKit
import Foundation
import Testing

/// Bad rule files: each mistake is reported at its exact line and column. In the texts below, `«` marks
/// the position the diagnostic must name; it is removed before loading.
@Suite struct RuleSetLoaderTests {
    static let template = """
    kind: model
    id: broken
    name: {vi: a, en: b}
    summary: {vi: a, en: b}
    scale: {by: area, minimum: {value: 100, unit: m2, estimate: x}, maximum: {value: 1000, unit: m2, estimate: x}, step: {value: 100, unit: m2, estimate: x}}
    investment:
      - {id: a, name: {vi: a, en: a}, cost: {value: 1, unit: VND, source: C1}}
    outputs:
      - id: o
        name: {vi: a, en: a}
        product: nut
        yield: {value: 1, unit: nut/m2/year, estimate: x}
        curve: {values: [1], unit: fraction, estimate: x}
        price: {low: 1, base: 2, high: 3, unit: VND/nut, estimate: x}
    labour: {value: 1, unit: person-day/m2/year, estimate: x}
    rules:
      - id: r
        when: land_m2 > 0
        effect: warning
        message: {vi: a, en: b}
    """

    static func load(_ broken: String, extra: [(String, String)] = []) throws -> RuleSet {
        try RuleSetLoader.load(files: try Fixtures.ruleFiles() + [("Rules/models/broken.yaml", broken)] + extra)
    }

    /// The text without its marker, and the marker's 1-based line and column.
    static func marked(_ text: String) -> (String, line: Int, column: Int) {
        let lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if let r = line.range(of: "«") {
                return (text.replacingOccurrences(of: "«", with: ""), i + 1, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: line.unicodeScalars)!) + 1)
            }
        }
        return (text, 0, 0)
    }

    @Test func theTemplateIsValid() throws {
        let ruleSet = try Self.load(Self.template)
        #expect(ruleSet.model("broken") != nil)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        let name: String, old: String, new: String, code: String, message: String
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        .init(name: "unknown key", old: "summary:", new: "«sumary:", code: "field.unknown", message: "did you mean 'summary'?"),
        .init(name: "wrong type", old: "yield: {value: 1,", new: "yield: {value: «lots,", code: "type.mismatch", message: "must be a number"),
        .init(name: "mapping expected", old: "labour: {value: 1, unit: person-day/m2/year, estimate: x}", new: "labour: «60", code: "type.mismatch", message: "must be a mapping"),
        .init(name: "unknown name in an expression", old: "when: land_m2 > 0", new: "when: land_m2 > 0 and «flod == \"none\"", code: "expr.unknown-name", message: "did you mean 'flood'?"),
        .init(name: "type mismatch in an expression", old: "when: land_m2 > 0", new: "when: land_m2 > «\"none\"", code: "expr.type", message: "cannot compare"),
        .init(name: "quoted expression column", old: "when: land_m2 > 0", new: "when: \"land_m2 > 0 and salinity == «'salty'\"", code: "expr.type", message: "not a salinity level"),
        .init(name: "missing source", old: "source: C1}", new: "source: «C999}", code: "ref.source", message: "source 'C999' is not in the sources list"),
        .init(name: "no source or estimate", old: "cost: {value: 1, unit: VND, source: C1}", new: "cost: «{value: 1, unit: VND}", code: "figure.provenance", message: "needs a 'source'"),
        .init(name: "unit that does not fit", old: "unit: nut/m2/year,", new: "unit: «kg/m2/year,", code: "unit.mismatch", message: "does not fit"),
        .init(name: "money per area where money is expected", old: "price: {low: 1, base: 2, high: 3, unit: VND/nut,", new: "price: {low: 1, base: 2, high: 3, unit: «VND/ha,", code: "unit.mismatch", message: "expected VND/nut"),
        .init(name: "unknown unit", old: "unit: person-day/m2/year", new: "unit: «person-day/acre/year", code: "unit.unknown", message: "unknown unit"),
        .init(name: "per unit in an area model", old: "cost: {value: 1, unit: VND, source: C1}", new: "cost: «{value: 1, unit: VND/unit, source: C1}", code: "unit.mismatch", message: "scales by area"),
        .init(name: "missing field", old: "    product: nut\n", new: "", code: "field.missing", message: "needs 'product'"),
        .init(name: "unknown effect", old: "effect: warning", new: "effect: «warn", code: "type.enum", message: "did you mean 'warning'?"),
        .init(name: "duplicate rule id", old: "    message: {vi: a, en: b}", new: "    message: {vi: a, en: b}\n  - «{id: r, when: \"true\", effect: warning, message: {vi: a, en: b}}", code: "id.duplicate", message: "id 'r' is used twice in this list (first at line 17)"),
        .init(name: "price band out of order", old: "price: {low: 1,", new: "price: «{low: 9,", code: "figure.band", message: "low ≤ base (or value) ≤ high"),
        .init(name: "a figure's range out of order", old: "yield: {value: 1,", new: "yield: «{low: 2, high: 3, value: 1,", code: "figure.band", message: "low ≤ base (or value) ≤ high, found 2, 1, 3"),
        .init(name: "half a figure's range", old: "yield: {value: 1,", new: "yield: «{low: 0.5, value: 1,", code: "field.missing", message: "needs 'high'"),
        .init(name: "a level that is not on the scale", old: "when: land_m2 > 0", new: "when: flood == «\"sometimes\"", code: "expr.type", message: "not a flood level"),
        .init(name: "YAML syntax", old: "name: {vi: a, en: b}", new: "name: {vi: a, en: b\nsummary«: x", code: "yaml.syntax", message: "a ',' or a closing '}' is missing"),
    ]

    @Test(arguments: mistakes)
    func mistakeIsReportedAtItsPosition(_ m: Mistake) throws {
        #expect(Self.template.contains(m.old))
        let (text, line, column) = Self.marked(Self.template.replacingOccurrences(of: m.old, with: m.new))
        #expect {
            _ = try Self.load(text)
        } throws: { error in
            let found = (error as? DiagnosticError)?.diagnostics ?? []
            let hit = found.first { $0.code == m.code && $0.message.contains(m.message) }
            // Worded in the catalogues: the Vietnamese is its own text, not the English passed through.
            #expect(hit.map { $0.message(in: .vi) != $0.message } ?? true, "\(hit?.message ?? "")")
            if hit == nil || m.new.contains("«") && (hit?.location?.line != line || hit?.location?.column != column) {
                Issue.record("expected \(m.code) at \(line):\(column), got \(found.map(\.description))")
            }
            return hit != nil
        }
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let text = Self.template.replacingOccurrences(of: "summary:", with: "sumary:").replacingOccurrences(of: "source: C1", with: "source: C999")
        #expect {
            _ = try Self.load(text)
        } throws: { error in
            let codes = Set((error as? DiagnosticError)?.diagnostics.map(\.code) ?? [])
            return codes.isSuperset(of: ["field.unknown", "ref.source", "field.missing"])
        }
    }

    @Test func duplicateModelIdIsAnError() throws {
        let second = Self.template.replacingOccurrences(of: "id: broken", with: "id: goat-raising")
        #expect {
            _ = try Self.load(Self.template, extra: [("Rules/models/copy.yaml", second)])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.code == "id.duplicate" && $0.message.contains("model id 'goat-raising'") && $0.location?.file == "Rules/models/copy.yaml" } ?? false
        }
    }

    @Test func diagnosticsPrintLikeACompiler() throws {
        let d = Diagnostic.error("ref.source", .rulesUnknownSource, "C999", at: SourceLocation(file: "Rules/models/x.yaml", line: 7, column: 12))
        #expect(d.description == "Rules/models/x.yaml:7:12: error: source 'C999' is not in the sources list [ref.source]")
        #expect(d.description(in: .vi) == "Rules/models/x.yaml:7:12: lỗi: nguồn 'C999' không có trong danh sách nguồn [ref.source]")
    }

    @Test func aSixthModelIsOneMoreFile() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/AdviseKitTests/Fixtures/sixth-model/oyster-mushroom.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let ruleSet = try RuleSetLoader.load(files: try Fixtures.ruleFiles() + [("Rules/models/oyster-mushroom.yaml", text)])
        #expect(ruleSet.models.count == 9)
        let household = try HouseholdParser(settings: ruleSet.settings).parse(HouseholdInput(entries: [.landM2: .init("500"), .capitalVND: .init("50tr")]))
        let advice = Evaluator(ruleSet: ruleSet).advise(household)
        let mushroom = try #require(advice.options.first { $0.model.id == "oyster-mushroom" })
        // 50 M of its own and the unsecured bank loan open to any farming household: three units, 35 M each.
        #expect(mushroom.verdict == .conditional)
        #expect(mushroom.units == 3)
        #expect(mushroom.projection.loan != nil)
        #expect(mushroom.projection.annualNetIncome == 3 * 35_000_000)
        let check = ExampleCheck(ruleSet: ruleSet)
        #expect(check.check(mushroom.model.examples[0], of: mushroom.model).isEmpty)
    }
}

/// Files no rule author would write: the loader stays bounded and says what is wrong.
@Suite struct HostileFileTests {
    @Test func anAliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = Date()
        #expect {
            _ = try YAMLReader.parse(text, file: "bomb.yaml")
        } throws: { ($0 as? Diagnostic)?.code == "yaml.too-large" }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect { _ = try YAMLReader.parse(text, file: "deep.yaml") } throws: { error in
            let code = (error as? Diagnostic)?.code
            return code == "yaml.too-deep" || code == "yaml.syntax"
        }
    }

    @Test func binaryAndEmptyFilesAreReportedByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0xFF, 0x00, 0xFE, 0x01]).write(to: dir.appendingPathComponent("binary.yaml"))
        try Data().write(to: dir.appendingPathComponent("empty.yaml"))
        #expect {
            _ = try RuleSetLoader.load(directory: dir.path)
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics ?? []
            return d.contains { $0.code == "file.encoding" && $0.location?.file.hasSuffix("binary.yaml") == true }
                && d.contains { $0.code == "file.empty" }
        }
    }

    @Test func enormousNumbersAreRefused() throws {
        let text = RuleSetLoaderTests.template.replacingOccurrences(of: "yield: {value: 1,", with: "yield: {value: 1e400,")
        #expect(throws: DiagnosticError.self) { _ = try RuleSetLoaderTests.load(text) }
    }
}
