import Foundation
import XMLCoder
import ZIPFoundation

/// Reads a sheet of an Excel workbook (`.xlsx`, Office Open XML): the package is opened with ZIPFoundation
/// and its parts decoded with XMLCoder. Text cells (shared or inline strings), numbers, truth values and
/// formulas' cached results are read; a number whose style formats it as a date or a time is read as a date
/// (``SheetCell/date(_:)``), so that it is never taken for a quantity. Charts and the rest of the styles are not
/// needed for a household list.
public enum XLSXReader {
    /// The largest part read, uncompressed: a list of 100,000 households is a few tens of MB, so a larger
    /// part is a damaged or hostile file (a "zip bomb"), refused before it fills the memory.
    public static let maxPartSize = 256 << 20

    /// Whether the bytes begin like a ZIP package (every `.xlsx` does).
    public static func looksLikeWorkbook(_ prefix: some Collection<UInt8>) -> Bool { prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Whether the bytes begin like an Excel 97–2003 workbook (`.xls`), which is not read.
    public static func looksLikeOldWorkbook(_ prefix: some Collection<UInt8>) -> Bool { prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) }

    /// The sheet named `sheet` (the first sheet when nil) of the workbook `data`.
    /// - Throws: ``Diagnostic`` `xlsx.invalid` for a file that is not a readable workbook, `xlsx.sheet` for
    ///   a sheet name the workbook lacks (naming the sheets it has).
    public static func sheet(_ sheet: String?, of data: Data) throws(Diagnostic) -> Sheet {
        // Read from a temporary file, not from memory: ZIPFoundation's in-memory archive traps when a damaged
        // package makes it seek past the end (found by fuzzing), its file-backed one reports an error.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .error("xlsx.invalid", .xlsxTemporary, file.deletingLastPathComponent().path, at: nil)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw invalid(.xlsxNotZip)
        }
        let workbook: WorkbookPart = try decode(part: "xl/workbook.xml", of: archive)
        let relations: RelationshipsPart = try decode(part: "xl/_rels/workbook.xml.rels", of: archive)
        let sheets = workbook.sheets.sheet
        guard !sheets.isEmpty else { throw invalid(.xlsxNoSheets) }
        let chosen: WorkbookPart.Entry
        if let sheet {
            guard let match = sheets.first(where: { $0.name == sheet }) ?? sheets.first(where: { Spelling.folded($0.name) == Spelling.folded(sheet) }) else {
                let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw .error("xlsx.sheet", LocalizedText { Catalogue.format(.xlsxNoSheet, $0, sheet, names) }, at: nil)
            }
            chosen = match
        } else {
            chosen = sheets[0]
        }
        guard let target = relations.relationship.first(where: { $0.id == chosen.relationship })?.target else {
            throw invalid(.xlsxSheetNoPart, chosen.name)
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared: SharedStringsPart? = archive["xl/sharedStrings.xml"] == nil ? nil : try decode(part: "xl/sharedStrings.xml", of: archive)
        let strings = shared?.si?.map(\.text) ?? []
        let worksheet: WorksheetPart = try decode(part: path, of: archive)
        let dateStyles: Set<Int> = archive["xl/styles.xml"] == nil ? [] : Self.dateStyles(try decode(part: "xl/styles.xml", of: archive))
        var rows: [Sheet.Row] = []
        var next = 1
        for row in worksheet.sheetData.row ?? [] {
            let number = row.r ?? next
            next = number + 1
            var cells: [SheetCell] = []
            var column = 0
            for cell in row.c ?? [] {
                column = cell.r.flatMap(columnIndex) ?? column
                guard column < 16_384 else { throw invalid(.xlsxBeyondColumn, cell.r ?? "") }
                var value = try value(cell, strings: strings)
                if case let .number(serial) = value, let style = cell.s, dateStyles.contains(style) { value = .date(serial) }
                if value != .empty, value != .text("") {
                    if cells.count < column { cells += Array(repeating: .empty, count: column - cells.count) }
                    if cells.count == column { cells.append(value) } else { cells[column] = value }
                }
                column += 1
            }
            if !cells.isEmpty { rows.append(Sheet.Row(number: number, cells: cells)) }
        }
        return Sheet(name: chosen.name, rows: try merging(rows, worksheet.mergeCells?.mergeCell?.compactMap { range($0.ref) } ?? []))
    }

    /// The rows as the sheet shows them with its merged cells: a merged range's value (kept by the spreadsheet
    /// in its first cell only) in every cell of it — a flood level merged down a hamlet's households is each
    /// household's — and a row that is one range merged across it (a group's heading, `Tổ 1`) left out, as it
    /// names no household. The cells filled are bounded by the rows and columns the sheet has.
    static func merging(_ rows: [Sheet.Row], _ merges: [(columns: ClosedRange<Int>, rows: ClosedRange<Int>)]) throws(Diagnostic) -> [Sheet.Row] {
        guard !merges.isEmpty else { return rows }
        var rows = rows
        let index = Dictionary(rows.enumerated().map { ($0.element.number, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let width = rows.map(\.cells.count).max() ?? 0, last = rows.map(\.number).max() ?? 0
        var budget = 4_000_000
        var headings: Set<Int> = []
        for merge in merges {
            // The value is the range's first cell's; a range with none fills nothing.
            guard let first = index[merge.rows.lowerBound], merge.columns.lowerBound < rows[first].cells.count else { continue }
            let value = rows[first].cells[merge.columns.lowerBound]
            guard value != .empty else { continue }
            let columns = merge.columns.lowerBound...min(merge.columns.upperBound, width - 1)
            if merge.rows.count == 1, columns.count > 1,
               rows[first].cells.indices.allSatisfy({ columns.contains($0) || rows[first].cells[$0] == .empty }) {
                headings.insert(rows[first].number)
                continue
            }
            for number in merge.rows.clamped(to: merge.rows.lowerBound...last) {
                budget -= 1
                guard budget > 0 else { throw invalid(.xlsxTooManyMerged) }
                guard let i = index[number] else { continue }
                budget -= columns.count
                if rows[i].cells.count <= columns.upperBound { rows[i].cells += Array(repeating: .empty, count: columns.upperBound + 1 - rows[i].cells.count) }
                for column in columns { rows[i].cells[column] = value }
            }
        }
        return rows.filter { !headings.contains($0.number) }
    }

    /// A range reference (`E5:E7`) as its zero-based columns and its rows.
    static func range(_ reference: String) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>)? {
        let ends = reference.split(separator: ":")
        guard ends.count == 2, let c1 = columnIndex(String(ends[0])), let c2 = columnIndex(String(ends[1])),
              let r1 = Int(ends[0].drop { $0.isLetter }), let r2 = Int(ends[1].drop { $0.isLetter }), c1 <= c2, r1 <= r2 else { return nil }
        return (c1...c2, r1...r2)
    }

    /// A workbook that cannot be read, and why (a catalogue phrase with its arguments).
    private static func invalid(_ why: Catalogue.Key, _ arguments: String...) -> Diagnostic {
        .error("xlsx.invalid", LocalizedText { Catalogue.format(.xlsxInvalid, $0, Catalogue.format(why, $0, arguments: arguments)) }, at: nil)
    }

    /// A part of the package, decoded.
    private static func decode<T: Decodable>(part path: String, of archive: Archive) throws(Diagnostic) -> T {
        guard let entry = archive[path] else { throw invalid(.xlsxPartMissing, path) }
        guard entry.uncompressedSize <= UInt64(maxPartSize) else { throw invalid(.xlsxPartTooLarge, path, String(maxPartSize >> 20)) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maxPartSize { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw invalid(.xlsxPartDamaged, path)
        }
        // Foundation's XML parser traps on malformed UTF-8 inside a tag (found by fuzzing): refuse it first.
        guard RecordStream.firstInvalidUTF8(ArraySlice(data)) == nil else {
            throw invalid(.xlsxPartNotText, path)
        }
        do {
            let decoder = XMLDecoder()
            decoder.trimValueWhitespaces = false
            decoder.shouldProcessNamespaces = false
            return try decoder.decode(T.self, from: data)
        } catch {
            throw invalid(.xlsxPartNotXML, path)
        }
    }

    /// The cell styles (indices into `cellXfs`) whose number format shows a date or a time: Excel's built-in
    /// date and time formats (14–22, 45–47) and custom formats with day, month-with-year, year or hour codes.
    private static func dateStyles(_ styles: StylesPart) -> Set<Int> {
        let custom = Dictionary((styles.numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }, uniquingKeysWith: { a, _ in a })
        var result: Set<Int> = []
        for (index, xf) in (styles.cellXfs?.xf ?? []).enumerated() {
            let id = xf.numFmtId ?? 0
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateFormat) == true { result.insert(index) }
        }
        return result
    }

    /// Whether a format code shows a date or time: `d`, `y` or `h` outside quoted text, escapes and `[…]` sections.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "y", "h": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    /// The zero-based column of a cell reference (`C5` → 2).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let ascii = scalar.isASCII ? UInt8(scalar.value) : nil else { return nil }
            if ascii >= 65, ascii <= 90 {
                index = index * 26 + Int(ascii - 64)
                letters += 1
                if letters > 3 { return nil }
            } else {
                break
            }
        }
        return letters == 0 ? nil : index - 1
    }

    /// A cell's value.
    private static func value(_ cell: WorksheetPart.Cell, strings: [String]) throws(Diagnostic) -> SheetCell {
        switch cell.t {
        case "s":
            guard let i = cell.v.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(i) else {
                throw invalid(.xlsxNoSharedString, cell.r ?? "")
            }
            return .text(strings[i])
        case "inlineStr": return .text(cell.inline?.text ?? "")
        case "b": return .bool(cell.v == "1")
        case "str", "e", "d": return cell.v.map(SheetCell.text) ?? .empty
        default:
            guard let v = cell.v?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return .empty }
            if let d = Double(v), d.isFinite { return .number(d) }
            return .text(v)
        }
    }
}

// MARK: The parts of the package, as XMLCoder decodes them

private struct WorkbookPart: Decodable {
    let sheets: Sheets

    struct Sheets: Decodable {
        let sheet: [Entry]
    }

    struct Entry: Decodable {
        let name: String
        let relationship: String

        enum CodingKeys: String, CodingKey {
            case name
            case relationship = "r:id"
        }
    }
}

private struct RelationshipsPart: Decodable {
    let relationship: [Relationship]

    enum CodingKeys: String, CodingKey {
        case relationship = "Relationship"
    }

    struct Relationship: Decodable {
        let id: String
        let target: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
}

/// Rich text: one `<t>`, or runs `<r><t>…</t></r>` whose texts join.
private struct RichText: Decodable {
    let t: String?
    let r: [Run]?

    struct Run: Decodable {
        let t: String?
    }

    var text: String { t ?? (r ?? []).compactMap(\.t).joined() }
}

private struct SharedStringsPart: Decodable {
    let si: [RichText]?
}

private struct WorksheetPart: Decodable {
    let sheetData: SheetData
    let mergeCells: MergeCells?

    struct MergeCells: Decodable {
        let mergeCell: [MergeCell]?
    }

    struct MergeCell: Decodable {
        let ref: String
    }

    struct SheetData: Decodable {
        let row: [Row]?
    }

    struct Row: Decodable {
        let r: Int?
        let c: [Cell]?
    }

    struct Cell: Decodable {
        let r: String?
        let t: String?
        /// The cell's style: an index into the styles' `cellXfs`.
        let s: Int?
        let v: String?
        let inline: RichText?

        enum CodingKeys: String, CodingKey {
            case r, t, s, v
            case inline = "is"
        }
    }
}

/// The styles part, as far as dates need it: the custom number formats and each cell style's format.
private struct StylesPart: Decodable {
    let numFmts: NumberFormats?
    let cellXfs: CellFormats?

    struct NumberFormats: Decodable {
        let numFmt: [NumberFormat]?
    }

    struct NumberFormat: Decodable {
        let numFmtId: Int
        let formatCode: String
    }

    struct CellFormats: Decodable {
        let xf: [Format]?
    }

    struct Format: Decodable {
        let numFmtId: Int?
    }
}
