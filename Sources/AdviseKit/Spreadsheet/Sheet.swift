/// One sheet of a workbook, read or to write: its name and its rows, each with the row number the
/// spreadsheet shows (empty rows are left out when reading).
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [Row]

    /// A row: its number (1 for the first) and its cells from column A.
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [SheetCell]

        public init(number: Int, cells: [SheetCell]) {
            self.number = number
            self.cells = cells
        }
    }

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// The sheet as CSV text for the batch reader: one line per sheet row, so that a record's line is its row
    /// number (rows left out are blank lines; a line break in a cell becomes a space); rows are padded with
    /// empty cells to `width` (a spreadsheet leaves out a row's empty cells at its end).
    public func csv(width: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        var line = 1
        for row in rows where row.number >= line {
            out += [UInt8](repeating: 10, count: row.number - line)
            let cells = row.cells + Array(repeating: SheetCell.empty, count: max(0, width - row.cells.count))
            let fields = cells.map { CSVLine.quoted($0.text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")) }
            out += Array(fields.joined(separator: ",").utf8)
            out.append(10)
            line = row.number + 1
        }
        return out
    }

    /// A sheet of rows numbered from 1.
    public init(name: String, cells: [[SheetCell]]) {
        self.init(name: name, rows: cells.enumerated().map { Row(number: $0.offset + 1, cells: $0.element) })
    }
}

/// A cell: text, a number (kept a number, so a spreadsheet can sum it), a truth value or nothing.
public enum SheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case empty

    /// The cell as a person would type it: a number as the shortest text that reads back as it (`7000`,
    /// not `7000.0`; `1.1`, not `1.1000000000000001`), a truth value as `TRUE`/`FALSE`.
    public var text: String {
        switch self {
        case let .text(s): s
        case let .number(d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let .bool(b): b ? "TRUE" : "FALSE"
        case .empty: ""
        }
    }
}
