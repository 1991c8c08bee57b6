import Foundation

/// A batch worker's memo of CSV rows by the text of the columns that decide their answer (every fact
/// column but members and other income, unless a rule reads them). A row whose deciding text was met
/// before skips the parse and the evaluator: it takes the remembered answer (its slot in the
/// ``EvaluationCache``) and applies its own members and other income. Sound because a field's value is a
/// function of its text alone; rows with quotes, or with the wrong number of fields, take the full path
/// (which names what is wrong).
struct RowMemo {
    /// Which columns of a CSV file the quick path reads, and how.
    struct Layout: Sendable {
        /// Per column: whether its text is part of the key.
        var inKey: [Bool]
        var id: Int?, members: Int?, otherIncome: Int?
        var delimiter: UInt8

        /// The layout of `input`'s columns for an evaluator's deciding facts; nil for JSON Lines.
        init?(_ input: BatchInput, deciding: FactMask) {
            guard input.format == .csv else { return nil }
            inKey = input.columns.map { fact in fact.map { deciding & 1 << FactMask($0.rawValue) != 0 } ?? false }
            id = input.idColumn
            members = input.columns.firstIndex(of: .members)
            otherIncome = input.columns.firstIndex(of: .otherIncomeVND)
            delimiter = input.delimiter
        }
    }

    /// A remembered row: its key's bytes in the arena, its answer's slot, and the household's land.
    struct Entry {
        var start: Int32, count: Int32
        var slot: Int32
        var landM2: Double
    }

    /// A row as the quick path read it: the fields it needs, and the remembered entry when there is one.
    struct Row {
        var id: Substring?, members: Substring?, otherIncome: Substring?
        var hash: UInt64
        var entry: Entry?
    }

    /// Rows remembered at most: texts that spell the same facts differently (`7000`, `7000m2`) share a
    /// slot, so there may be more of them than answers (twice, in ``AnswerMemo``), but not without end.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    private var entries: [UInt64: Entry] = [:]
    private var arena: [UInt8] = []
    /// The key of the last row read.
    private(set) var key: [UInt8] = []

    /// Reads a row's fields and its deciding text (kept in ``key``; look it up with ``entry(_:_:)``); nil
    /// when the row needs the full path.
    mutating func read(_ line: Substring, _ layout: Layout) -> Row? {
        let read = line.utf8.withContiguousStorageIfAvailable { bytes in fields(bytes, layout) }
        guard let found = read ?? nil else { return nil }
        let utf8 = line.utf8
        func field(_ range: Range<Int>?) -> Substring? {
            guard let range else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
        }
        return Row(id: field(found.id), members: field(found.members), otherIncome: field(found.otherIncome), hash: Self.hash(key))
    }

    /// The entry of a row's deciding text, with its hash.
    func entry(_ hash: UInt64, _ key: [UInt8]) -> Entry? {
        guard let entry = entries[hash], Self.same(arena, entry, key) else { return nil }
        return entry
    }

    /// One pass over a row's bytes: the key in `key`, and where the fields the quick path reads are; nil
    /// for a row with quotes or the wrong number of fields.
    private mutating func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ layout: Layout)
        -> (id: Range<Int>?, members: Range<Int>?, otherIncome: Range<Int>?)? {
        guard bytes.first != RecordStream.oversizedMarker else { return nil }
        key.removeAll(keepingCapacity: true)
        var found: (id: Range<Int>?, members: Range<Int>?, otherIncome: Range<Int>?) = (nil, nil, nil)
        var column = 0, start = 0
        for i in 0...bytes.count {
            if i < bytes.count {
                if bytes[i] == UInt8(ascii: "\"") { return nil }
                if bytes[i] != layout.delimiter { continue }
            }
            guard column < layout.inKey.count else { return nil }
            if layout.inKey[column] {
                key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                key.append(layout.delimiter)
            }
            if column == layout.id { found.id = start..<i }
            if column == layout.members { found.members = start..<i }
            if column == layout.otherIncome { found.otherIncome = start..<i }
            column += 1
            start = i + 1
        }
        return column == layout.inKey.count ? found : nil
    }

    /// True when the arena holds `key` at `entry`.
    private static func same(_ arena: [UInt8], _ entry: Entry, _ key: [UInt8]) -> Bool {
        guard Int(entry.count) == key.count else { return false }
        guard !key.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { a in
            key.withUnsafeBufferPointer { k in memcmp(a.baseAddress! + Int(entry.start), k.baseAddress!, k.count) == 0 }
        }
    }

    /// Remembers the row last read (unless its hash is taken by another text) with its answer's slot.
    mutating func remember(_ row: Row, slot: Int32, landM2: Double) {
        guard entries.count < capacity, entries[row.hash] == nil else { return }
        entries[row.hash] = Entry(start: Int32(arena.count), count: Int32(key.count), slot: slot, landM2: landM2)
        arena.append(contentsOf: key)
    }

    /// Takes in the rows another memo remembered that this one has not, with their slots renumbered by
    /// `slot` (nil: the answer found no room, and the row is left out).
    mutating func absorb(_ other: RowMemo, slot: (Int32) -> Int32?) {
        for (hash, e) in other.entries.sorted(by: { $0.value.start < $1.value.start }) where entries.count < capacity && entries[hash] == nil {
            guard let slot = slot(e.slot) else { continue }
            entries[hash] = Entry(start: Int32(arena.count), count: e.count, slot: slot, landM2: e.landM2)
            arena.append(contentsOf: other.arena[Int(e.start)..<Int(e.start + e.count)])
        }
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
