@testable import AdviseKit
import Foundation
import Testing

/// A brief run of every fuzz target, in-process: each seed of `Fuzz/corpus/TARGET/` and seeded byte
/// mutations of it must come back (a value or a diagnostic), never trap. The long runs under libFuzzer and
/// AddressSanitizer are `scripts/fuzz.sh`; `ADVISE_FUZZ_ITERATIONS` makes this one longer.
@Suite struct FuzzTargetTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["ADVISE_FUZZ_ITERATIONS"] ?? "") ?? 200

    static func seeds(_ target: FuzzTarget) throws -> [[UInt8]] {
        let dir = Fixtures.root.appendingPathComponent("Fuzz/corpus/\(target.rawValue)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { Array(try Data(contentsOf: dir.appendingPathComponent($0))) }
    }

    /// A byte-level mutation, as libFuzzer's simplest ones: flip, insert, delete, duplicate, cut.
    static func mutate(_ bytes: [UInt8], _ g: inout RandomSource) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int.random(in: 1...6, using: &g) {
            let i = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &g)
            switch Int.random(in: 0..<6, using: &g) {
            case 0 where !b.isEmpty: b[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &g)
            case 1: b.insert(contentsOf: [[0x22], [0x0A], [0x0D], [0x2C], [0x3B], [0x00], [0xFF, 0xFE], [0xC3], [0x7B]].randomElement(using: &g)!, at: i)
            case 2 where !b.isEmpty: b.removeSubrange(i..<min(b.count, i + Int.random(in: 1...64, using: &g)))
            case 3 where !b.isEmpty: b.insert(contentsOf: b[i..<min(b.count, i + Int.random(in: 1...64, using: &g))], at: i)
            case 4 where !b.isEmpty: b.removeSubrange(i...)
            default: if !b.isEmpty { b[i] = UInt8.random(in: 0...255, using: &g) }
            }
        }
        return b
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySeedAndItsMutationsComeBack(_ target: FuzzTarget) throws {
        let seeds = try Self.seeds(target)
        #expect(!seeds.isEmpty, "Fuzz/corpus/\(target.rawValue) has seeds")
        var g = RandomSource(seed: 42)
        for seed in seeds { target.run(seed) }
        let keep = ProcessInfo.processInfo.environment["ADVISE_FUZZ_KEEP"]
        for n in 0..<Self.iterations {
            let input = Self.mutate(seeds[n % seeds.count], &g)
            // With ADVISE_FUZZ_KEEP=DIR, each input is written before it runs: after a crash, the file is it.
            if let keep { try Data(input).write(to: URL(fileURLWithPath: "\(keep)/\(target.rawValue).last")) }
            target.run(input)
        }
    }
}
