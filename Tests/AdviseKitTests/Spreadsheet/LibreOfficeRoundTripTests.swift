@testable import AdviseKit
import Foundation
import Testing

/// A register made by LibreOffice Calc (`scripts/make-libreoffice-register.py`, committed as
/// `Samples/club-register-libreoffice.xlsx`): a title and a date in merged cells above the table, a merged
/// heading for each group, a flood level merged down each group, survey dates, Vietnamese text. It is read as
/// it shows on screen, by the batch and by the ward alike.
@Suite struct LibreOfficeRoundTripTests {
    static let sample = "Samples/club-register-libreoffice.xlsx"

    @Test func theSheetReadsAsLibreOfficeShowsIt() throws {
        let sheet = try XLSXReader.sheet(nil, of: try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample)))
        #expect(sheet.name == "Danh sách")
        #expect(sheet.rows.map(\.number) == [2, 4, 6, 7, 8, 10, 11, 12], "the title and the groups' headings (rows 1, 5, 9) name no household")
        let row = { (n: Int) in sheet.rows.first { $0.number == n }?.cells.map(\.text) ?? [] }
        #expect(row(2).prefix(3) == ["Ngày lập:", "2026-12-01", "Người lập: Nguyễn Thị Bảo"], "a date is a date")
        #expect((6...8).map { row($0)[5] } == ["thỉnh thoảng", "thỉnh thoảng", "thỉnh thoảng"], "a level merged down the group is each household's")
        #expect((10...12).map { row($0)[5] } == ["không ngập", "không ngập", "không ngập"])
        #expect(row(7) == ["2", "MT-02", "Trần Thị Oanh", "3 công", "20000000", "thỉnh thoảng", "5", "90000000", "3", "2026-11-02"])
    }

    /// The batch answers every household (its golden output: `ADVISE_RECORD=1` re-records it).
    @Test func theBatchAnswersEveryHousehold() throws {
        let r = try CommandLineTests.run(["batch", Self.sample])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("(dòng tiêu đề ở hàng 4)\nadvise: bỏ qua các cột STT, Chủ hộ, Thu nhập, Thiếu hụt, Ngày khảo sát\n"), "\(r.stderr)")
        let golden = Fixtures.root.appendingPathComponent("Samples/club-register-libreoffice.out.csv")
        if ProcessInfo.processInfo.environment["ADVISE_RECORD"] != nil { try r.stdout.write(to: golden, atomically: true, encoding: .utf8) }
        #expect(r.stdout == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(r.stdout.split(separator: "\n").map { $0.prefix(while: { $0 != "," }) } == ["id", "MT-01", "MT-02", "MT-03", "PH-01", "PH-02", "PH-03"])
    }

    /// The ward reads the same table, with its own columns (income, deprivations) named in Vietnamese.
    @Test func theWardReadsTheSameRegister() throws {
        let r = try CommandLineTests.run(["ward", Self.sample, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ward = try #require(report["ward"] as? [String: Any], "\(r.stdout.prefix(300))")
        #expect(ward["households"] as? Int == 6 && ward["members"] as? Int == 23, "\(ward)")
        // Its last year, 2031, lies past the last poverty line set (2030): that line is assumed, and said so.
        #expect(report["years"] as? [Int] == [2026, 2027, 2028, 2029, 2030, 2031])
        #expect(report["poverty_line_assumed"] as? [Bool] == [false, false, false, false, false, true])
        let text = try CommandLineTests.run(["ward", Self.sample]).stdout
        #expect(text.contains("(Chưa có chuẩn nghèo sau năm 2030: giả định giữ mức 2,8 triệu ₫/tháng.)"), "\(text)")
    }
}
