import Foundation

/// A small, fast, seeded random source (SplitMix64) with standard normal draws (Marsaglia's polar
/// method). The same seed gives the same numbers on every machine, so the odds are reproducible.
struct RandomSource: RandomNumberGenerator {
    private var state: UInt64
    private var spare: Double?

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Standard normal.
    mutating func normal() -> Double {
        if let s = spare {
            spare = nil
            return s
        }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let m = (-2 * log(s) / s).squareRoot()
            spare = v * m
            return u * m
        }
    }
}
