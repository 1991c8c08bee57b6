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

    /// A remembered row's figures, at the start of its record in the arena (the key and the written columns
    /// follow): reading a row met before touches one place in memory.
    struct Entry {
        var hash: UInt64
        var keyCount: Int32, headCount: Int32, tailCount: Int32
        /// The index of the model in ``models``, or -1 when no model fits.
        var model: Int32
        var hasFigures: Bool
        var landM2: Double
        var perMember: Evaluator.RowAnswer.PerMember
        var share: BatchSummary.Share

        /// The bytes of a record in the arena: the entry, its key and written columns.
        var recordSize: Int { MemoryLayout<Entry>.stride + Int(keyCount + headCount + tailCount) }
    }

    /// A row as the quick path read it: where its fields are (byte offsets in the row), its key's hash, and
    /// the remembered entry when there is one.
    struct Row {
        var id: Range<Int>?, members: Range<Int>?, otherIncome: Range<Int>?
        var hash: UInt64
        /// Where the remembered entry is, when there is one.
        var entry: Place?
    }

    /// Where a remembered row's record is: its offset in the arena of the shared memo (`shared`) or a
    /// worker's own.
    typealias Place = (offset: UInt32, shared: Bool)

    /// Rows remembered at most: once full, the first ones are kept and no more are added.
    let capacity: Int

    /// What a worker remembers at most in a chunk (a batch run shares `workers` times it): about 12 MB.
    static let capacity = 49_152

    init(capacity: Int) { self.capacity = capacity }

    /// Rows by their key's hash: the offset of their record.
    private var index = HashIndex()
    /// The records, one after another.
    private var arena: [UInt8] = []
    /// The ids of the models of the rows remembered (a row's ``Entry/model`` indexes it).
    private(set) var models: [String] = []
    /// The key of the last row read.
    private(set) var key: [UInt8] = []

    var count: Int { index.count }

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

    /// The offset of the record of a deciding text, with its hash.
    func find(_ hash: UInt64, _ key: ArraySlice<UInt8>) -> UInt32? {
        arena.withUnsafeBytes { arena in
            key.withUnsafeBytes { key in
                index.find(hash) { offset in
                    let entry = arena.loadUnaligned(fromByteOffset: Int(offset), as: Entry.self)
                    return Int(entry.keyCount) == key.count
                        && (key.isEmpty || memcmp(arena.baseAddress! + Int(offset) + MemoryLayout<Entry>.stride, key.baseAddress!, key.count) == 0)
                }
            }
        }
    }

    /// The entry whose record is at `offset`.
    func entry(_ offset: UInt32) -> Entry { arena.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Int(offset), as: Entry.self) } }

    /// Appends the written columns of the entry at `offset`: those before the household's own (`head`) or after.
    func append(_ entry: Entry, at offset: UInt32, head: Bool, to out: inout OutputBuffer) {
        let start = Int(offset) + MemoryLayout<Entry>.stride + Int(entry.keyCount + (head ? 0 : entry.headCount))
        arena.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<start + Int(head ? entry.headCount : entry.tailCount)])) }
    }

    /// The model id at `index` of ``models``.
    func model(_ index: Int32) -> String { models[Int(index)] }

    /// Remembers the row last read (its ``key``) with what its answer leaves to rows like it.
    mutating func remember(_ row: Row, _ remembered: Remembered) {
        guard index.count < capacity, find(row.hash, key[...]) == nil else { return }
        let entry = Entry(hash: row.hash, keyCount: Int32(key.count), headCount: Int32(remembered.head.count), tailCount: Int32(remembered.tail.count),
                          model: remembered.model.map { intern($0) } ?? -1, hasFigures: remembered.perMember != nil, landM2: remembered.landM2,
                          perMember: remembered.perMember ?? .init(income: 0, landM2: 0, keepingPerM2: 0, line: 0), share: remembered.share)
        add(entry, key[...] + remembered.head + remembered.tail)
    }

    /// Takes in the rows another memo remembered that this one has not, while there is room.
    mutating func absorb(_ other: RowMemo) {
        let models = other.models.map { intern($0) }
        var offset = 0
        while offset < other.arena.count, index.count < capacity {
            var entry = other.entry(UInt32(offset))
            let bytes = offset + MemoryLayout<Entry>.stride
            let end = offset + entry.recordSize
            offset = end
            guard find(entry.hash, other.arena[bytes..<bytes + Int(entry.keyCount)]) == nil else { continue }
            if entry.model >= 0 { entry.model = models[Int(entry.model)] }
            add(entry, other.arena[bytes..<end])
        }
    }

    /// Appends a record: the entry, then `bytes` (its key and written columns).
    private mutating func add(_ entry: Entry, _ bytes: ArraySlice<UInt8>) {
        let offset = arena.count
        withUnsafeBytes(of: entry) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: bytes)
        index.insert(entry.hash, UInt32(offset))
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
