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

    /// The household table of a sheet as CSV for the batch reader, and the row its header is on: the first of
    /// the first rows that names a land column (a title or a date above the table is common), every row padded
    /// to the header's width. nil: no row names one (the batch then names what is wrong with the first).
    public func table(settings: RegionalSettings) -> (csv: [UInt8], headerRow: Int?) {
        let start = rows.prefix(BatchRun.headerSearch).firstIndex { (try? BatchInput(header: $0.cells.map(\.text), settings: settings)) != nil }
        guard let start else { return (csv(width: rows.first?.cells.count ?? 0), nil) }
        let table = Sheet(name: name, rows: Array(rows[start...]))
        return (table.csv(width: rows[start].cells.count), rows[start].number)
    }

    /// A sheet of rows numbered from 1.
    public init(name: String, cells: [[SheetCell]]) {
        self.init(name: name, rows: cells.enumerated().map { Row(number: $0.offset + 1, cells: $0.element) })
    }
}

/// A cell: text, a number (kept a number, so a spreadsheet can sum it), a date or time, a truth value or
/// nothing.
public enum SheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    /// A date or time as a spreadsheet keeps it: days since 1899-12-30, a time as the day's fraction.
    case date(Double)
    case bool(Bool)
    case empty

    /// The cell as a person would type it: a number as the shortest text that reads back as it (`7000`,
    /// not `7000.0`; `1.1`, not `1.1000000000000001`), a date as `2026-01-01` (with `HH:MM` when it has a
    /// time) — never its serial number, so a date typed into the land column is refused as a date, not read
    /// as 46,023 m² — and a truth value as `TRUE`/`FALSE`.
    public var text: String {
        switch self {
        case let .text(s): s
        case let .number(d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let .date(serial): Self.dateText(serial)
        case let .bool(b): b ? "TRUE" : "FALSE"
        case .empty: ""
        }
    }

    /// A serial date as `YYYY-MM-DD`, with ` HH:MM` when it has a time of day.
    static func dateText(_ serial: Double) -> String {
        guard serial.isFinite, abs(serial) < 3_000_000 else { return String(serial) }
        let days = Int(serial.rounded(.down))
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        // Days since 1899-12-30 to a civil date (Howard Hinnant's days-from-civil, inverted).
        let z = days - 25_569 + 719_468  // 1970-01-01 is serial 25,569
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let date = "\(year)-\(two(month))-\(two(day))"
        return minutes == 0 ? date : date + " " + two(minutes / 60 % 24) + ":" + two(minutes % 60)
    }
}
