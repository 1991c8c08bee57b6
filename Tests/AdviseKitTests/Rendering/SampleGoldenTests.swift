@testable import AdviseKit
import Foundation
import Testing

/// Every household in `Samples/` against its golden outputs (`.json` and `.txt`). Re-record them with
/// `ADVISE_RECORD=1 swift test --filter SampleGoldenTests` after a deliberate change, and read the diff.
@Suite struct SampleGoldenTests {
    static let samplesPath = Fixtures.root.appendingPathComponent("Samples").path
    static let samples: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: samplesPath)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    static let recording = ProcessInfo.processInfo.environment["ADVISE_RECORD"] == "1"

    @Test func thereAreSamples() {
        #expect(Self.samples.count >= 5)
    }

    @Test(arguments: samples)
    func matchesItsGoldenOutput(_ name: String) throws {
        let base = Self.samplesPath + "/" + name
        let input = try HouseholdFile.load(path: base + ".yaml")
        let household = try HouseholdParser(settings: Fixtures.settings).parse(input)
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(household, plans: true, changes: true, odds: .init())
        let outputs = [
            ("json", JSONRenderer(language: .vi, settings: Fixtures.settings).render(advice)),
            ("txt", TextRenderer(language: .vi, settings: Fixtures.settings).render(advice)),
            ("en.txt", TextRenderer(language: .en, settings: Fixtures.settings).render(advice)),
        ]
        for (ext, actual) in outputs {
            let path = base + "." + ext
            if Self.recording {
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(actual == expected, "\(name).\(ext) differs from its golden file; re-record with ADVISE_RECORD=1 if the change is intended")
        }
    }
}
