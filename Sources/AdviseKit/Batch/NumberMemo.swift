/// Numbers read from short field texts, remembered by their text: a batch reads the same few member counts
/// and incomes a million times, and a field's value is a function of its text alone. A small direct-mapped
/// table; a text longer than seven bytes, or an absent field, is not remembered.
struct NumberMemo {
    private var keys = [UInt64](repeating: .max, count: 256)
    private var values = [Double?](repeating: nil, count: 256)

    /// Where a field's number is (or would be) remembered: its key and slot; nil when it is not remembered.
    struct Place {
        fileprivate var key: UInt64, slot: Int
    }

    /// The place of `fact`'s field with these bytes.
    static func place(_ fact: HouseholdFact, _ field: UnsafeBufferPointer<UInt8>?) -> Place? {
        guard let field, field.count <= 7 else { return nil }
        // The bytes, their count and the fact in one word (a count of 15 never occurs: .max is no key).
        var key = UInt64(fact.rawValue) << 60 | UInt64(field.count) << 56
        for (i, byte) in field.enumerated() { key |= UInt64(byte) << (8 * i) }
        return Place(key: key, slot: Int((key &* 0x9E37_79B9_7F4A_7C15) >> 56))
    }

    /// The number remembered at `place` (which may be nil: the field did not read as one), or nil when none is.
    func number(at place: Place) -> Double?? { keys[place.slot] == place.key ? .some(values[place.slot]) : .none }

    /// Remembers what the field at `place` reads as.
    mutating func remember(_ value: Double?, at place: Place) {
        keys[place.slot] = place.key
        values[place.slot] = value
    }
}
