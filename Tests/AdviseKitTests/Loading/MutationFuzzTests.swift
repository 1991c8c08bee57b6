@testable import AdviseKit
import Foundation
import Testing

/// Seeded random mutation of the shipped rule files and of rule expressions: whatever the mutation, the
/// loader and the expression compiler answer with diagnostics (never a crash), quickly. Run longer with
/// `ADVISE_FUZZ_ITERATIONS=20000 swift test --filter MutationFuzzTests`.
@Suite struct MutationFuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["ADVISE_FUZZ_ITERATIONS"] ?? "") ?? 150

    /// The odds' own seeded generator (SplitMix64), so that a failure can be replayed from its seed.
    typealias Generator = RandomSource

    static let fragments = ["{", "}", "[", "]", ":", "- ", "&a ", "*a", "!!binary ", "\t", "\"", "'", "#", "\n  ", "\0", "é", "1e400", "-", "%",
                            "<<: *a", "? ", "|", ">", "~", "null", "9999999999999999999999", "₫", "công", "==", "and", "not", "(", ")"]

    static func mutate(_ text: String, _ g: inout Generator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &g) {
            guard !scalars.isEmpty else { break }
            let i = Int.random(in: 0..<scalars.count, using: &g)
            switch Int.random(in: 0..<5, using: &g) {
            case 0: scalars.remove(at: i)
            case 1: scalars.insert(contentsOf: (fragments.randomElement(using: &g) ?? "").unicodeScalars, at: i)
            case 2:
                let j = min(scalars.count, i + Int.random(in: 1...40, using: &g))
                scalars.insert(contentsOf: scalars[i..<j], at: j)
            case 3:
                let j = min(scalars.count, i + Int.random(in: 1...200, using: &g))
                scalars.removeSubrange(i..<j)
            default: scalars[i] = Unicode.Scalar(UInt8.random(in: 32...126, using: &g))
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    @Test func mutatedRuleFilesGiveDiagnosticsNotCrashes() throws {
        let files = try Fixtures.ruleFiles()
        var g = Generator(seed: 20_261_129)
        var outcomes: [String: Int] = [:]
        for _ in 0..<Self.iterations {
            let victim = Int.random(in: 0..<files.count, using: &g)
            var mutated = files
            mutated[victim].text = Self.mutate(files[victim].text, &g)
            let start = Date()
            do {
                _ = try RuleSetLoader.load(files: mutated, today: "2026-11-29")
                outcomes["loaded", default: 0] += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for d in error.diagnostics where d.severity == .error { outcomes[d.code, default: 0] += 1 }
            }
            #expect(Date().timeIntervalSince(start) < 2, "a mutation of \(files[victim].path) took too long")
        }
        #expect(outcomes.values.reduce(0, +) >= Self.iterations)
    }

    @Test func mutatedExpressionsGiveErrorsNotCrashes() throws {
        let names = Fixtures.settings.nameTable
        let seeds = Fixtures.ruleSet.models.flatMap { $0.rules.map(\.condition.text) } + ["min(land_m2, 3) + max(1, 2, 3) * -4 / 0 >= 1 or not (flood in [\"none\"])"]
        var g = Generator(seed: 7)
        for _ in 0..<(Self.iterations * 20) {
            let text = Self.mutate(seeds.randomElement(using: &g) ?? "", &g)
            do {
                _ = try Compiler.condition(text, names: names)
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.unicodeScalars.count, "offset \(error.offset) outside '\(text)'")
            }
        }
    }
}
