import Foundation
import ZIPFoundation

/// Writes sheets as an Excel workbook (`.xlsx`): numbers as numbers (grouped, `#,##0`, when whole), text
/// as inline strings, the first row bold and frozen. The package is built with ZIPFoundation; the few XML
/// parts are written directly (they are fixed but for the cells, which are escaped here). A text cell
/// that a spreadsheet could take for a formula gets a leading `'`, as in CSV output.
public enum XLSXWriter {
    /// Excel's limits: 1,048,576 rows and 16,384 columns a sheet.
    public static let maxRows = 1_048_576, maxColumns = 16_384

    /// The workbook's bytes.
    /// - Throws: ``Diagnostic`` `xlsx.too-large` when a sheet has more rows or columns than Excel opens.
    public static func data(_ sheets: [Sheet]) throws(Diagnostic) -> Data {
        for sheet in sheets {
            if sheet.rows.count > maxRows || sheet.rows.contains(where: { $0.cells.count > maxColumns }) {
                throw .error("xlsx.too-large", .xlsxTooLarge, sheet.name, String(maxRows), String(maxColumns), at: nil)
            }
        }
        let names = uniqueNames(sheets.map(\.name))
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes(count: sheets.count).utf8)),
            ("_rels/.rels", Data((header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).utf8)),
            ("xl/workbook.xml", Data(workbook(names).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelations(count: sheets.count).utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                                     compressionMethod: .deflate) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            }
            guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
            return bytes
        } catch {
            let reason = TextFile.describe(error)
            throw .error("xlsx.write", LocalizedText { Catalogue.format(.xlsxAssemble, $0, reason($0)) }, at: nil)
        }
    }

    /// The column letters of a zero-based index (`0` → `A`, `27` → `AB`).
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    private static func worksheet(_ sheet: Sheet) -> Data {
        var xml = header + #"<worksheet xmlns="\#(main)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#
        for (index, row) in sheet.rows.enumerated() {
            let bold = index == 0 ? #" s="1""# : ""
            xml += #"<row r="\#(row.number)">"#
            for (column, cell) in row.cells.enumerated() {
                let reference = columnName(column) + String(row.number)
                switch cell {
                case .empty: continue
                case let .number(d) where d.isFinite:
                    let whole = d == d.rounded() && abs(d) < 1e15
                    let style = index == 0 ? bold : whole && abs(d) >= 1000 ? #" s="2""# : ""
                    xml += #"<c r="\#(reference)"\#(style)><v>\#(whole ? String(Int64(d)) : String(d))</v></c>"#
                case .number: continue
                case let .date(serial): xml += #"<c r="\#(reference)" s="3"><v>\#(serial)</v></c>"#
                case let .bool(b): xml += #"<c r="\#(reference)" t="b"\#(bold)><v>\#(b ? 1 : 0)</v></c>"#
                case let .text(s):
                    // A text cell is never run as a formula, so `=…` is written as it is (the CSV escapes it instead).
                    xml += #"<c r="\#(reference)" t="inlineStr"\#(bold)><is><t xml:space="preserve">\#(Markup.escaped(s))</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return Data(xml.utf8)
    }

    private static func contentTypes(count: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(1, count) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private static func workbook(_ names: [String]) -> String {
        var xml = header + #"<workbook xmlns="\#(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, name) in names.enumerated() { xml += #"<sheet name="\#(Markup.escaped(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"# }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelations(count: Int) -> String {
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...max(1, count) {
            xml += #"<Relationship Id="rId\#(i)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Four cell styles: 0 plain, 1 bold (the header), 2 a whole number grouped by thousands, 3 a date.
    private static let styles = header + #"<styleSheet xmlns="\#(main)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { i, name in
            var clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if clean.isEmpty { clean = "Sheet\(i + 1)" }
            var candidate = clean
            var n = 2
            while !used.insert(candidate.lowercased()).inserted {
                candidate = String(clean.prefix(28)) + " \(n)"
                n += 1
            }
            return candidate
        }
    }
}
