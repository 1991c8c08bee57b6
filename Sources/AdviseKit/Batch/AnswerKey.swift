/// What decides a batch answer: the deciding facts (``Evaluator/answer(_:rankBy:plans:cache:)``) and
/// how the row is chosen. 80 bytes, inline: no allocation a row.
struct AnswerKey: Equatable {
    /// The deciding facts' values, by `HouseholdFact.rawValue` (room for the nine facts there are).
    var head: SIMD8<Double>
    var tail: Double
    var known: FactMask
    var plans: Bool
    var rank: RankBy

    /// The key of `facts`, keeping only the facts in `deciding` (the others count as unknown and 0).
    init(_ facts: DenseFacts, deciding: FactMask, plans: Bool, rank: RankBy) {
        let values = facts.values
        precondition(values.count <= 9, "AnswerKey holds nine facts; give it room for more")
        var head = SIMD8<Double>(), tail = 0.0
        for i in values.indices where deciding & 1 << FactMask(i) != 0 {
            if i < 8 { head[i] = values[i] } else { tail = values[i] }
        }
        self.head = head
        self.tail = tail
        known = facts.known & deciding
        self.plans = plans
        self.rank = rank
    }

    /// A bit of ``known`` past every fact's: the labour count was the rule set's default, not given.
    static let labourAssumed: FactMask = 1 << 31

    /// The key's hash, unseeded (``HashIndex``); the ranking, the same for a whole batch, is left out.
    var hash64: UInt64 {
        var mixed = (tail + 0).bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(known) << 8 ^ (plans ? 1 : 0)
        for i in 0..<8 { mixed = (mixed ^ (head[i] + 0).bitPattern) &* 0x100_0000_01B3 ^ mixed >> 29 }
        return mixed
    }
}
