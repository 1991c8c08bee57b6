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

    /// Workers share what the chunks before taught them (``AnswerMemo``): whatever their number, every row
    /// is answered as one worker answers it, byte for byte.
    @Test(arguments: [false, true])
    func theAnswersDoNotDependOnTheNumberOfWorkers(_ plans: Bool) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-run-\(UUID().uuidString).csv")
        try Self.list().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Data(contentsOf: file).count > 2 * ChunkReader.blockSize, "several chunks")
        func run(_ workers: Int) throws -> (bytes: [UInt8], summary: BatchSummary) {
            let batch = BatchRun(ruleSet: Fixtures.ruleSet, copy: { Fixtures.ruleSet }, format: .csv, rank: .gain, plans: plans, odds: nil,
                                 workers: workers, language: .en)
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
            processor.process([BatchRecord(lines[lines.startIndex + i], line: i + 2)], cache: EvaluationCache(), into: &out, summary: &summary)
            #expect(written[written.startIndex + i] + "\n" == String(decoding: out.bytes, as: UTF8.self), "row \(i)")
        }
        for workers in [2, 3] {
            let many = try run(workers)
            #expect(many.bytes == one.bytes, "\(workers) workers")
            #expect(many.summary.rows == one.summary.rows && many.summary.failed == one.summary.failed && many.summary.byModel == one.summary.byModel)
        }
    }
}
