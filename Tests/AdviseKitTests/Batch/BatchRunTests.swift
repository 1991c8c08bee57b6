@testable import AdviseKit
import Foundation
import Testing

@Suite struct BatchRunTests {
    /// A list of several 1 MB blocks whose household profiles recur across them, with rows the quick path
    /// leaves to the full one (quotes, a bad member count, a missing field).
    static func list() -> String {
        let lands = ["300", "800", "2cong", "3500", "7000", "1.1ha"], capitals = ["0", "20tr", "150tr", "600000000", ""]
        var text = "id,land,capital,flood,salinity,members,other-income,notes\n"
        for i in 0..<80_000 {
            let members = i % 997 == 5 ? "many" : String(1 + i % 7)
            let notes = i % 1_001 == 7 ? "\"a, b\"" : "note \(i % 13)"
            let row = "H\(i),\(lands[i % 6]),\(capitals[(i / 6) % 5]),\(["none", "occasional", "frequent"][(i / 30) % 3]),low,\(members),\(i % 4 == 0 ? "3tr" : ""),\(notes)"
            text += (i % 4_999 == 11 ? "H\(i),7000,20tr,none" : row) + "\n"
        }
        return text
    }

    /// Workers share the rows the chunks before taught them (``RowMemo``): whatever their number, and
    /// whether they join at the start or part-way (``WorkerPool``), every row is answered as one worker
    /// answers it, byte for byte.
    @Test(arguments: [false, true])
    func theAnswersDoNotDependOnTheNumberOfWorkers(_ plans: Bool) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-run-\(UUID().uuidString).csv")
        try Self.list().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Data(contentsOf: file).count > 2 * ChunkReader.blockSize, "several chunks")
        /// A run on `workers` workers; the ones after the first join `late` (their rule set is slow to load).
        func run(_ workers: Int, late: Bool = false) throws -> (bytes: [UInt8], summary: BatchSummary) {
            let batch = BatchRun(ruleSet: Fixtures.ruleSet, copy: {
                if late { usleep(300_000) }
                return Fixtures.ruleSet
            }, format: .csv, rank: .gain, plans: plans, odds: nil, workers: workers, language: .en)
            var bytes: [UInt8] = []
            let summary = try batch.run(reader: ChunkReader(handle: try FileHandle(forReadingFrom: file))) { bytes += $0 }.summary
            return (bytes, summary)
        }
        let one = try run(1)
        #expect(one.summary.rows == 80_000)
        #expect(one.summary.failed > 10, "the bad rows are there")
        // A sample of the rows, each answered alone with a fresh cache: the shared memo changes no answer.
        let input = try BatchInput(csvHeader: Substring(String(Self.list().prefix { $0 != "\n" })))
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: input, format: .csv, plans: plans, language: .en)
        let lines = Self.list().split(separator: "\n").dropFirst()
        let written = String(decoding: one.bytes, as: UTF8.self).split(separator: "\n").dropFirst()
        for i in stride(from: 3, to: 80_000, by: 613) {
            var out = OutputBuffer()
            var summary = BatchSummary()
            processor.process([BatchRecord(lines[lines.startIndex + i], line: i + 2)], memo: BatchMemo(), into: &out, summary: &summary)
            #expect(written[written.startIndex + i] + "\n" == String(decoding: out.bytes, as: UTF8.self), "row \(i)")
        }
        for (workers, late) in [(2, false), (3, false), (2, true)] {
            let many = try run(workers, late: late)
            #expect(many.bytes == one.bytes, "\(workers) workers\(late ? ", joining late" : "")")
            #expect(many.summary.rows == one.summary.rows && many.summary.failed == one.summary.failed && many.summary.byModel == one.summary.byModel)
        }
    }

    /// A file that stops being text part-way (here, a byte no UTF-8 has, past the second 1 MB block) stops
    /// the run with the error — once every row answered before it is written, in order, whatever the
    /// number of workers.
    @Test(arguments: [1, 2])
    func rowsBeforeAReadThatFailsAreAllWritten(_ workers: Int) throws {
        var bytes = Array("id,land,capital,flood\n".utf8)
        var i = 0
        while bytes.count < 5 * ChunkReader.blockSize / 2 {
            bytes += Array("H\(i),\(300 + i % 50),\(i % 40)tr,none\n".utf8)
            i += 1
        }
        bytes += [0x48, 0xFF, 0x2C, 0x31, 0x0A]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-stop-\(UUID().uuidString).csv")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = BatchRun(ruleSet: Fixtures.ruleSet, copy: { Fixtures.ruleSet }, format: .csv, rank: .gain, plans: false, odds: nil,
                             workers: workers, language: .en)
        var written: [UInt8] = []
        #expect { _ = try batch.run(reader: ChunkReader(handle: try FileHandle(forReadingFrom: file))) { written += $0 } } throws: {
            ($0 as? Diagnostic)?.code == "batch.encoding"
        }
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n").dropFirst()
        // Every row that ends in the first two blocks (the third is the one that fails).
        #expect(lines.count == bytes[..<(2 * ChunkReader.blockSize)].filter { $0 == 10 }.count - 1)
        for (n, line) in lines.enumerated() { #expect(line.hasPrefix("H\(n),ok,"), "row \(n)") }
    }
}
