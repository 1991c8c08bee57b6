/// Numbers read from short field texts, remembered by their text: a batch reads the same few member counts
/// and incomes a million times, and a field's value is a function of its text alone. A small direct-mapped
/// table; a text longer than seven bytes, or an absent field, is read every time.
struct NumberMemo {
    private var keys = [UInt64](repeating: .max, count: 256)
    private var values = [Double?](repeating: nil, count: 256)

    /// The number `fact`'s field reads as (``HouseholdParser/number(_:_:)``); nil when it reads as none.
    mutating func number(_ fact: HouseholdFact, _ field: UnsafeBufferPointer<UInt8>?, _ parser: HouseholdParser) -> Double? {
        guard let field, field.count <= 7 else { return parser.number(fact, field.map { Substring(String(decoding: $0, as: UTF8.self)) }) }
        // The bytes, their count and the fact in one word (a count of 15 never occurs: .max is no key).
        var key = UInt64(fact.rawValue) << 60 | UInt64(field.count) << 56
        for (i, byte) in field.enumerated() { key |= UInt64(byte) << (8 * i) }
        let slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if keys[slot] == key { return values[slot] }
        let value = parser.number(fact, Substring(String(decoding: field, as: UTF8.self)))
        keys[slot] = key
        values[slot] = value
        return value
    }
}
