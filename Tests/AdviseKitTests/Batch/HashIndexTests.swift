@testable import AdviseKit
import Testing

@Suite struct HashIndexTests {
    /// Against a dictionary: every value is found under its hash, and only the one `matches` accepts —
    /// with hashes that share buckets and tags (many values under one hash, hashes differing in high bits).
    @Test func everyValueIsFoundUnderItsHashAndNoOther() {
        var index = HashIndex()
        var oracle: [UInt32: UInt64] = [:]
        var rng = SystemRandomNumberGenerator()
        for value in UInt32(0)..<20_000 {
            let hash: UInt64 = switch value % 4 {
            case 0: 42  // one hash for a quarter of the values: a long probe
            case 1: UInt64(value) << 40  // hashes alike in their low bits
            default: rng.next()
            }
            #expect(index.find(hash) { $0 == value } == nil)
            index.insert(hash, value)
            oracle[value] = hash
        }
        #expect(index.count == 20_000)
        for (value, hash) in oracle {
            #expect(index.find(hash) { $0 == value } == value)
        }
        // A hash never inserted finds nothing, even when `matches` accepts everything.
        #expect(index.find(43) { _ in true } == nil)
        // Under the shared hash, the values are all there and the first accepted is given.
        var seen = Set<UInt32>()
        _ = index.find(42) { seen.insert($0); return false }
        #expect(seen == Set(oracle.filter { $0.value == 42 }.keys))
    }
}
