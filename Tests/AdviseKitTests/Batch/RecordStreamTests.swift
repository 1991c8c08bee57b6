@testable import AdviseKit
import Foundation
import Testing

@Suite struct RecordStreamTests {
    static let list = "id,land,notes\nH1,7000,\"Nguyễn Văn A\nấp 3\"\nH2,2 công,😀\n\nH3,5000,\"say \"\"hi\"\"\"\n"

    /// Feeds `bytes` in blocks of `size` and joins what comes out.
    static func read(_ bytes: [UInt8], blocks size: Int, maxRecord: Int = 1 << 20, maxSkip: Int = 64 << 20) throws(Diagnostic) -> (text: String, stream: RecordStream) {
        var stream = RecordStream(maxRecord: maxRecord, maxSkip: maxSkip)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = try stream.feed(bytes[i..<min(bytes.count, i + size)])
            if let chunk {
                #expect(chunk.last == 10, "a block of whole records ends with a line break")
                out += chunk
            }
            i += size
        }
        out += try stream.finish() ?? []
        return (String(decoding: out, as: UTF8.self), stream)
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func everyEncodingAndLineEndReadsAsTheSameUTF8Text(blockSize: Int) throws {
        let plain = Array(Self.list.utf8)
        let forms: [(String, [UInt8])] = [
            ("UTF-8", plain),
            ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + plain),
            ("CRLF", Array(Self.list.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("CR only", Array(Self.list.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("UTF-16LE with BOM", Self.utf16(Self.list, bigEndian: false, bom: true)),
            ("UTF-16BE with BOM", Self.utf16(Self.list, bigEndian: true, bom: true)),
            ("UTF-16LE without BOM", Self.utf16(Self.list, bigEndian: false, bom: false)),
        ]
        for (name, bytes) in forms {
            let (text, _) = try Self.read(bytes, blocks: blockSize)
            let expected = name == "CRLF" ? Self.list.replacingOccurrences(of: "\n", with: "\r\n") : Self.list
            #expect(text == expected, "\(name) in blocks of \(blockSize)")
        }
    }

    @Test func aQuotedLineBreakDoesNotEndARecordAndLineNumbersCountIt() throws {
        let (text, stream) = try Self.read(Array(Self.list.utf8), blocks: 5)
        #expect(stream.quoted)
        let records = BatchRecord.records(of: text, quoted: true, firstLine: 1)
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].text == "H1,7000,\"Nguyễn Văn A\nấp 3\"")
        #expect(try CSVLine.fields(records[1].text).get() == ["H1", "7000", "Nguyễn Văn A\nấp 3"])
    }

    @Test func jsonLinesAreNotReadAsQuotedCSV() throws {
        let lines = "{\"id\": \"a\\\"\", \"land\": 700}\n{\"id\": \"b\", \"land\": 800}\n"
        let (text, stream) = try Self.read(Array(lines.utf8), blocks: 4)
        #expect(!stream.quoted)
        #expect(BatchRecord.records(of: text, quoted: false, firstLine: 1).map(\.line) == [1, 2])
    }

    @Test func aFileInAnOlderVietnameseEncodingIsRefusedWithItsLine() {
        // "Nguyễn" in Windows-1258: ê is 0xEA, the tilde a combining mark 0xDE.
        let bytes = Array("id,land,name\nH1,7000,Nguy".utf8) + [0xEA, 0xDE] + Array("n\n".utf8)
        #expect {
            _ = try Self.read(bytes, blocks: 1 << 20)
        } throws: { error in
            let d = error as? Diagnostic
            return d?.code == "batch.encoding" && d?.message.contains("line 2") == true && d?.message.contains("Windows-1258") == true
                && d?.message.contains("CSV UTF-8") == true
        }
    }

    @Test func aRecordLongerThanTheLimitBecomesOneErrorRowAndLaterLinesKeepTheirNumbers() throws {
        let long = String(repeating: "9", count: 5000)
        let input = "id,land\nH1,7000\nH2,\"\(long)\n\(long)\"\nH3,5000\n"
        for size in [1, 100, 1 << 20] {
            let (text, _) = try Self.read(Array(input.utf8), blocks: size, maxRecord: 1000)
            let records = BatchRecord.records(of: text, quoted: true, firstLine: 1)
            #expect(records.map(\.line) == [1, 2, 3, 5], "blocks of \(size)")
            #expect(records[2].text.utf8.first == RecordStream.oversizedMarker)
            #expect(records[3].text == "H3,5000")
            let input = try BatchInput(csvHeader: "id,land")
            guard case let .failure(error) = input.input(records[2].text) else { Issue.record("an oversized row is an error"); return }
            #expect(error.message.contains("longer than a household row can be"))
        }
    }

    @Test func aStreamWithoutLineEndsStops() {
        #expect {
            _ = try Self.read([UInt8](repeating: 0, count: 5000), blocks: 512, maxRecord: 100, maxSkip: 2000)
        } throws: { ($0 as? Diagnostic)?.code == "batch.line-too-long" }
    }

    @Test(arguments: [1, 2, 3, 5])
    func splittingForWorkersKeepsRecordsWholeAndCountsTheirLines(parts: Int) {
        let bytes = Array(Self.list.dropFirst(14).utf8)
        let pieces = BatchRecord.split(bytes, into: parts, quoted: true)
        #expect(pieces.map(\.range.count).reduce(0, +) == bytes.count)
        var line = 2
        var records: [BatchRecord] = []
        for piece in pieces {
            records += BatchRecord.records(of: String(decoding: bytes[piece.range], as: UTF8.self), quoted: true, firstLine: line)
            line += piece.lines
        }
        let whole = BatchRecord.records(of: String(decoding: bytes, as: UTF8.self), quoted: true, firstLine: 2)
        #expect(records.map(\.text) == whole.map(\.text))
        #expect(records.map(\.line) == whole.map(\.line))
    }

    @Test func headersInVietnameseNameTheFactsWithOrWithoutDiacritics() throws {
        let settings = Fixtures.ruleSet.settings
        let input = try BatchInput(csvHeader: "Mã hộ;DIỆN TÍCH;von;Ngập;độ_mặn;Ghi chú", settings: settings)
        #expect(input.delimiter == UInt8(ascii: ";"))
        #expect(input.columns == [nil, .landM2, .capitalVND, .flood, .salinity, nil])
        #expect(input.idColumn == 0)
        #expect(input.ignoredColumns == ["Ghi chú"])
        #expect {
            _ = try BatchInput(csvHeader: "land,diện tích", settings: settings)
        } throws: { ($0 as? Diagnostic)?.message.contains("both give land") == true }
        #expect(throws: Diagnostic.self) { _ = try BatchInput(csvHeader: "đất,vốn") }
    }
}
