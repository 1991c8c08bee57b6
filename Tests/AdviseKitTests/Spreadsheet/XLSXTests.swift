@testable import AdviseKit
import Foundation
import Testing

@Suite struct XLSXTests {
    @Test func aWorkbookWrittenReadsBackCellForCell() throws {
        let rows: [[SheetCell]] = [
            [.text("id"), .text("land"), .text("note"), .text("ok")],
            [.text("H1"), .number(7000), .text("a < b & \"c\" > d"), .bool(true)],
            [.text("Nguyễn Văn Đức"), .number(1.1), .empty, .bool(false)],
            [.text("=HYPERLINK(\"x\")"), .number(-2_500_000), .text("hai\ndòng"), .empty, .number(3)],
            [.text("ngày"), .date(46023), .date(46023.5)],
        ]
        let data = try XLSXWriter.data([Sheet(name: "Danh sách: hộ/1", cells: rows), Sheet(name: "Danh sách: hộ/1", cells: [[.text("x")]])])
        let read = try XLSXReader.sheet(nil, of: data)
        #expect(read.name == "Danh sách hộ1", "a name Excel refuses is cleaned")
        #expect(read.rows[3].cells[0] == .text("=HYPERLINK(\"x\")"), "a text cell is never a formula: no ' is added")
        #expect(read.rows[4].cells.map(\.text) == ["ngày", "2026-01-01", "2026-01-01 12:00"], "a date reads as a date, never as 46023")
        var expected = rows
        expected[3].remove(at: 3)
        expected[3].insert(.empty, at: 3)
        #expect(read.rows.map(\.cells) == expected.map { row in
            var r = row
            while r.last == .empty { r.removeLast() }
            return r
        })
        #expect(try XLSXReader.sheet("danh sach ho1 2", of: data).rows.first?.cells == [.text("x")], "the second sheet, its name made unique, found without diacritics")
    }

    /// A merged range's value fills it, a heading merged across a row is left out, and a range as large as the
    /// format allows fills only the rows and columns the sheet has.
    @Test func mergedCellsReadAsTheyShow() throws {
        let rows = [Sheet.Row(number: 1, cells: [.text("Tổ 1")]), Sheet.Row(number: 2, cells: [.text("A"), .text("ngập")]),
                    Sheet.Row(number: 3, cells: [.text("B")]), Sheet.Row(number: 5, cells: [.text("C"), .empty, .number(1)])]
        let read = try XLSXReader.merging(rows, [XLSXReader.range("A1:C1"), XLSXReader.range("B2:B3")].compactMap { $0 })
        #expect(read.map(\.cells) == [[.text("A"), .text("ngập")], [.text("B"), .text("ngập")], [.text("C"), .empty, .number(1)]])
        #expect(XLSXReader.range("B2:A1") == nil && XLSXReader.range("A1") == nil)
        let huge = try XLSXReader.merging(rows, [XLSXReader.range("C5:XFD1048576")!])
        #expect(huge.last?.cells.count == 3, "no wider than the sheet")
    }

    @Test(arguments: [("yyyy-mm-dd", true), ("d/m/yyyy", true), ("[$-42A]dd/mm/yyyy", true), ("h:mm", true), ("#,##0", false), ("0.00", false),
                      ("\"ha\" 0", false), ("[Red]0", false), ("General", false)])
    func dateFormatsAreKnownByTheirCodes(_ code: String, _ isDate: Bool) {
        #expect(XLSXReader.isDateFormat(code) == isDate)
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnNamesAndBack(_ index: Int, _ name: String) {
        #expect(XLSXWriter.columnName(index) == name)
        #expect(XLSXReader.columnIndex(name + "12") == index)
    }

    @Test func theSampleWorkbookReadsAsExcelStoresIt() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Samples/club-members-workbook.xlsx"))
        let sheet = try XLSXReader.sheet(nil, of: data)
        #expect(sheet.name == "Danh sách hộ")
        #expect(sheet.rows.first?.cells.first == .text("Mã hộ"))
        #expect(sheet.rows[2].cells[1] == .text("Trần Thị Oanh"), "rich text runs join")
        #expect(sheet.rows[2].cells[2] == .number(7000))
        #expect(sheet.rows.map(\.number).contains(9) == false, "the blank row is left out, and later rows keep their numbers")
        #expect(sheet.rows.last?.number == 17)
        let help = try XLSXReader.sheet("Hướng dẫn", of: data)
        #expect(help.rows.count == 2)
        #expect {
            _ = try XLSXReader.sheet("Members", of: data)
        } throws: { ($0 as? Diagnostic)?.message.contains("'Danh sách hộ', 'Hướng dẫn'") == true }
    }

    /// Found by fuzzing: a damaged part with a malformed UTF-8 byte inside a tag made Foundation's XML parser
    /// trap; it is now refused as a damaged workbook.
    @Test func aDamagedPartIsRefusedNotACrash() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Fuzz/corpus/xlsx/regression-bad-utf8-in-a-tag.xlsx"))
        #expect {
            _ = try XLSXReader.sheet(nil, of: data)
        } throws: { ($0 as? Diagnostic)?.message.contains("not UTF-8") == true }
    }

    @Test(arguments: [Data("id,land\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])])
    func whatIsNotAWorkbookIsRefusedWithAReason(_ data: Data) {
        #expect {
            _ = try XLSXReader.sheet(nil, of: data)
        } throws: { ($0 as? Diagnostic)?.code == "xlsx.invalid" }
    }

    @Test func aSheetBecomesCSVLinesNumberedAsItsRows() throws {
        let sheet = Sheet(name: "s", rows: [.init(number: 2, cells: [.text("id"), .text("land"), .text("notes")]),
                                              .init(number: 5, cells: [.text("a,b"), .number(700)])])
        let text = String(decoding: sheet.csv(width: 3), as: UTF8.self)
        #expect(text == "\nid,land,notes\n\n\n\"a,b\",700,\n")
        let records = BatchRecord.records(of: text, quoted: true, firstLine: 1)
        #expect(records.map(\.line) == [2, 5])
    }

    @Test func theBatchOutputBecomesASheetOfNumbers() {
        let csv = Array("id,status,error,area_m2,above_poverty_line,loan_programme\n007,ok,,7000,true,vbsp-poor\n".utf8)
        let sheet = BatchProcessor.sheet(fromOutput: csv, name: "advise")
        #expect(sheet.rows[1].cells == [.text("007"), .text("ok"), .empty, .number(7000), .bool(true), .text("vbsp-poor")])
    }
}
