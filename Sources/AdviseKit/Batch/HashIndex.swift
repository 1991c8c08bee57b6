/// An open-addressing index from 64-bit hashes to 32-bit values (an entry's slot, an offset), for the
/// memos of a batch: they keep their entries in arrays and find them through it, without a dictionary's
/// seeded hashing or its storage. Each bucket holds the value and 32 bits of its hash, so a probe reads
/// nothing else until the hash matches; the buckets are kept at least twice the entries.
struct HashIndex {
    /// Tag (the mixed hash's high 32 bits) and value + 1; 0 is an empty bucket.
    private var buckets: [UInt64] = []
    private(set) var count = 0

    /// The value indexed under `hash` that `matches` accepts, or nil.
    @inline(__always)
    func find(_ hash: UInt64, _ matches: (UInt32) -> Bool) -> UInt32? {
        guard !buckets.isEmpty else { return nil }
        let tag = Self.mix(hash) >> 32, mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: tag) & mask
        while true {
            let bucket = buckets[b]
            if bucket == 0 { return nil }
            if bucket >> 32 == tag {
                let value = UInt32(truncatingIfNeeded: bucket) - 1
                if matches(value) { return value }
            }
            b = (b + 1) & mask
        }
    }

    /// Indexes `value` under `hash` (the caller has checked it is not there).
    mutating func insert(_ hash: UInt64, _ value: UInt32) {
        precondition(value < .max, "a memo's values fit in 32 bits")
        if 2 * (count + 1) > buckets.count { grow() }
        place((Self.mix(hash) >> 32) << 32 | UInt64(value + 1))
        count += 1
    }

    private mutating func place(_ bucket: UInt64) {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: bucket >> 32) & mask
        while buckets[b] != 0 { b = (b + 1) & mask }
        buckets[b] = bucket
    }

    private mutating func grow() {
        let old = buckets
        buckets = [UInt64](repeating: 0, count: max(64, old.count * 2))
        for bucket in old where bucket != 0 { place(bucket) }
    }

    /// Spreads a hash's bits so that its high half serves as tag and bucket.
    private static func mix(_ hash: UInt64) -> UInt64 { (hash ^ hash >> 31) &* 0x9E37_79B9_7F4A_7C15 }
}
