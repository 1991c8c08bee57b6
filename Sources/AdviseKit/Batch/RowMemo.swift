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
    /// slot, so there may be more of them than answers, but not without end.
    static let capacity = 2 * EvaluationCache.answerCapacity

    private var entries: [UInt64: Entry] = [:]
    private var arena: [UInt8] = []
    /// The key of the last row read.
    private var key: [UInt8] = []

    /// Reads a row's fields and looks its deciding text up; nil when the row needs the full path.
    mutating func read(_ line: Substring, _ layout: Layout) -> Row? {
        let utf8 = line.utf8
        guard !utf8.contains(UInt8(ascii: "\"")), utf8.first != RecordStream.oversizedMarker else { return nil }
        key.removeAll(keepingCapacity: true)
        var row = Row(hash: 0)
        var column = 0, start = utf8.startIndex, i = start
        while true {
            let end = i == utf8.endIndex || utf8[i] == layout.delimiter
            if end {
                guard column < layout.inKey.count else { return nil }
                let field = Substring(utf8[start..<i])
                if layout.inKey[column] {
                    key.append(contentsOf: field.utf8)
                    key.append(layout.delimiter)
                }
                if column == layout.id { row.id = field }
                if column == layout.members { row.members = field }
                if column == layout.otherIncome { row.otherIncome = field }
                column += 1
                if i == utf8.endIndex { break }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        guard column == layout.inKey.count else { return nil }
        row.hash = Self.hash(key)
        if let entry = entries[row.hash], arena[Int(entry.start)..<Int(entry.start + entry.count)].elementsEqual(key) { row.entry = entry }
        return row
    }

    /// Remembers the row last read (unless its hash is taken by another text) with its answer's slot.
    mutating func remember(_ row: Row, slot: Int32, landM2: Double) {
        guard entries.count < Self.capacity, entries[row.hash] == nil else { return }
        entries[row.hash] = Entry(start: Int32(arena.count), count: Int32(key.count), slot: slot, landM2: landM2)
        arena.append(contentsOf: key)
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
