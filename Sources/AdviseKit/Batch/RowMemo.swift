import Foundation

/// A batch worker's memo of CSV rows by the text of the columns that decide their answer (every fact
/// column but members and other income, unless a rule reads them). A row whose deciding text was met
/// before is neither parsed nor evaluated: its output is the remembered one — the columns that do not
/// depend on the household, as written when the row was first answered (``Remembered``) — with its own id,
/// and income per member from its own members and other income. Sound because a field's value is a
/// function of its text alone; rows with quotes, or with the wrong number of fields, take the full path
/// (which names what is wrong).
///
/// Rows are kept in an open-addressing table over an arena of bytes: a row met before costs one pass over
/// its bytes, a hash probe and a comparison, without an allocation or a reference count.
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

    /// What a row's answer leaves to each household that shares its deciding text.
    struct Remembered {
        /// The output after the id, up to income per member (or to the line's end, for a row without an
        /// option), and the output after whether it is above the poverty line.
        var head: [UInt8], tail: [UInt8]
        /// What income per member is computed from; nil for a row without an option.
        var perMember: Evaluator.RowAnswer.PerMember?
        /// The household's land.
        var landM2: Double
        /// The model the row counts for in the batch's summary (nil: no model fits), and its figures there.
        var model: String?
        var share: BatchSummary.Share
    }

    /// A remembered row: where its key and written columns are in the arena, and its figures.
    struct Entry {
        var hash: UInt64
        var start: Int32, keyCount: Int32, headCount: Int32, tailCount: Int32
        /// The index of the model in ``models``, or -1 when no model fits.
        var model: Int32
        var hasFigures: Bool
        var landM2: Double
        var perMember: Evaluator.RowAnswer.PerMember
        var share: BatchSummary.Share
    }

    /// A row as the quick path read it: where its fields are (byte offsets in the row), its key's hash, and
    /// the remembered entry when there is one.
    struct Row {
        var id: Range<Int>?, members: Range<Int>?, otherIncome: Range<Int>?
        var hash: UInt64
        /// The entry's index, in the shared memo (`shared`) or this one.
        var entry: (index: Int32, shared: Bool)?
    }

    /// Rows remembered at most: once full, the first ones are kept and no more are added.
    let capacity: Int

    /// What a worker remembers at most in a chunk (a batch run shares `workers` times it): about 12 MB.
    static let capacity = 49_152

    init(capacity: Int) { self.capacity = capacity }

    private(set) var entries: [Entry] = []
    /// Open addressing: each bucket holds an index into ``entries``, or -1; twice the entries or more.
    private var buckets: [Int32] = []
    private var arena: [UInt8] = []
    /// The ids of the models of the rows remembered (a row's ``Entry/model`` indexes it).
    private(set) var models: [String] = []
    /// The key of the last row read.
    private(set) var key: [UInt8] = []

    var count: Int { entries.count }

    /// Reads a row's fields and its deciding text (kept in ``key``; look it up with ``find(_:_:)``); nil
    /// when the row needs the full path.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ layout: Layout) -> Row? {
        guard bytes.first != RecordStream.oversizedMarker else { return nil }
        key.removeAll(keepingCapacity: true)
        var row = Row(hash: 0)
        var column = 0, start = 0
        let delimiter = layout.delimiter
        for i in 0...bytes.count {
            if i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") { return nil }
                if byte != delimiter { continue }
            }
            guard column < layout.inKey.count else { return nil }
            if layout.inKey[column] {
                key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                key.append(delimiter)
            }
            if column == layout.id { row.id = start..<i }
            if column == layout.members { row.members = start..<i }
            if column == layout.otherIncome { row.otherIncome = start..<i }
            column += 1
            start = i + 1
        }
        guard column == layout.inKey.count else { return nil }
        row.hash = Self.hash(key)
        return row
    }

    /// The index of the entry of a deciding text, with its hash.
    func find(_ hash: UInt64, _ key: ArraySlice<UInt8>) -> Int32? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = buckets[b]
            if index < 0 { return nil }
            if entries[Int(index)].hash == hash, same(entries[Int(index)], key) { return index }
            b = (b + 1) & mask
        }
    }

    /// The entry at `index`.
    func entry(_ index: Int32) -> Entry { entries[Int(index)] }

    /// Appends an entry's written columns before (`head`) or after the household's own.
    func append(_ entry: Entry, head: Bool, to out: inout OutputBuffer) {
        let start = Int(entry.start + entry.keyCount + (head ? 0 : entry.headCount))
        arena.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<start + Int(head ? entry.headCount : entry.tailCount)])) }
    }

    /// The model id at `index` of ``models``.
    func model(_ index: Int32) -> String { models[Int(index)] }

    /// True when the arena holds `key` at `entry`.
    private func same(_ entry: Entry, _ key: ArraySlice<UInt8>) -> Bool {
        guard Int(entry.keyCount) == key.count else { return false }
        guard !key.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { a in
            key.withUnsafeBufferPointer { k in memcmp(a.baseAddress! + Int(entry.start), k.baseAddress!, k.count) == 0 }
        }
    }

    /// Remembers the row last read (its ``key``) with what its answer leaves to rows like it.
    mutating func remember(_ row: Row, _ remembered: Remembered) {
        add(hash: row.hash, key: key[...], remembered.head[...], remembered.tail[...], perMember: remembered.perMember, landM2: remembered.landM2,
            share: remembered.share, model: remembered.model.map { intern($0) } ?? -1)
    }

    /// Takes in the rows another memo remembered that this one has not, while there is room.
    mutating func absorb(_ other: RowMemo) {
        let models = other.models.map { intern($0) }
        for e in other.entries where entries.count < capacity && find(e.hash, other.key(e)) == nil {
            let start = Int(e.start + e.keyCount)
            add(hash: e.hash, key: other.key(e), other.arena[start..<start + Int(e.headCount)],
                other.arena[start + Int(e.headCount)..<start + Int(e.headCount + e.tailCount)], perMember: e.hasFigures ? e.perMember : nil,
                landM2: e.landM2, share: e.share, model: e.model < 0 ? -1 : models[Int(e.model)])
        }
    }

    private func key(_ e: Entry) -> ArraySlice<UInt8> { arena[Int(e.start)..<Int(e.start + e.keyCount)] }

    private mutating func add(hash: UInt64, key: ArraySlice<UInt8>, _ head: ArraySlice<UInt8>, _ tail: ArraySlice<UInt8>,
                              perMember: Evaluator.RowAnswer.PerMember?, landM2: Double, share: BatchSummary.Share, model: Int32) {
        guard entries.count < capacity, find(hash, key) == nil else { return }
        if 2 * (entries.count + 1) > buckets.count { grow() }
        let index = Int32(entries.count)
        entries.append(Entry(hash: hash, start: Int32(arena.count), keyCount: Int32(key.count), headCount: Int32(head.count),
                             tailCount: Int32(tail.count), model: model, hasFigures: perMember != nil, landM2: landM2,
                             perMember: perMember ?? .init(income: 0, landM2: 0, keepingPerM2: 0, line: 0), share: share))
        arena.append(contentsOf: key)
        arena.append(contentsOf: head)
        arena.append(contentsOf: tail)
        place(index)
    }

    private mutating func place(_ index: Int32) {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: entries[Int(index)].hash) & mask
        while buckets[b] >= 0 { b = (b + 1) & mask }
        buckets[b] = index
    }

    private mutating func grow() {
        buckets = [Int32](repeating: -1, count: max(64, buckets.count * 2))
        for i in entries.indices { place(Int32(i)) }
    }

    private mutating func intern(_ model: String) -> Int32 {
        if let i = models.firstIndex(of: model) { return Int32(i) }
        models.append(model)
        return Int32(models.count - 1)
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
