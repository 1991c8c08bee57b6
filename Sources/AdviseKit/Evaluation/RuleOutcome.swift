/// What one model's rules and item conditions came to for one household: the adjustment, mitigations and
/// risks that fired, and which investment items and operating costs apply. Households with the same
/// outcome share the same ``UnitEconomics``; ``key`` identifies it.
public struct RuleOutcome: Sendable {
    public var adjustment: Adjustment?
    public var mitigations: [CostItem]
    public var risks: [Risk]
    public var includedItems: [Bool]
    public var includedCosts: [Bool]
    /// Which rules fired and which items and costs apply, as bits.
    public var key: Key

    /// A set of bits, hashable, for caching.
    public struct Key: Hashable, Sendable {
        var words: [UInt64] = []

        /// Appends a list of bits, then its length (so that lists of different lengths never collide).
        mutating func append(_ bits: [Bool]) {
            var word: UInt64 = 0
            for (i, bit) in bits.enumerated() {
                if bit { word |= 1 << UInt64(i % 64) }
                if i % 64 == 63 {
                    words.append(word)
                    word = 0
                }
            }
            words.append(word)
            words.append(UInt64(bits.count))
        }
    }
}
