import Dispatch
import Foundation

/// One batch run: reads chunks of records, answers each chunk on all workers in parallel, writes in order.
/// `advise batch` runs it over a file and the server over an upload.
public struct BatchRun {
    public var ruleSet: RuleSet
    /// A fresh copy of the rule set, for each worker.
    public var copy: @Sendable () -> RuleSet
    public var format: BatchProcessor.Format
    public var rank: RankBy
    public var plans: Bool
    public var odds: RiskSimulation.Options?
    public var workers: Int
    /// The CSV delimiter, when given (`--delimiter`); nil detects it from the header.
    public var delimiter: UInt8?
    /// Whether the records are a sheet's rows (positions are rows, not lines).
    public var fromSheet: Bool
    /// The language of the error cells.
    public var language: Language?
    /// The calendar year of year 0 (see ``Evaluator``).
    public var year: Int?
    /// Told the header once it is read (to note ignored columns).
    public var onHeader: (BatchInput) -> Void = { _ in }
    /// Told the rows answered so far, after each chunk.
    public var onProgress: (Int) -> Void = { _ in }

    /// A run; `copy` gives each further worker its own rule set.
    public init(ruleSet: RuleSet, copy: @escaping @Sendable () -> RuleSet, format: BatchProcessor.Format, rank: RankBy, plans: Bool,
                odds: RiskSimulation.Options?, workers: Int, delimiter: UInt8? = nil, fromSheet: Bool = false, language: Language? = nil,
                year: Int? = nil) {
        self.ruleSet = ruleSet
        self.copy = copy
        self.format = format
        self.rank = rank
        self.plans = plans
        self.odds = odds
        self.workers = workers
        self.delimiter = delimiter
        self.fromSheet = fromSheet
        self.language = language
        self.year = year
    }

    /// The parts each worker's share of a chunk is cut into.
    static let partsPerWorker = 4

    /// Lines looked at for the header (a sheet's rows alike, ``Sheet/table(settings:)``).
    public static let headerSearch = 20

    /// Reads every record, writes the header and each chunk's rows through `write` in input order.
    /// - Throws: a ``Diagnostic`` for a bad header, an empty file or a file that is not text,
    ///   ``ChunkReader/ReadFailure``, and whatever `write` throws.
    public func run(reader: ChunkReader, write: ([UInt8]) throws -> Void) throws -> (summary: BatchSummary, seconds: Double) {
        let start = DispatchTime.now()
        guard let block = try reader.next(), !block.allSatisfy({ [9, 10, 13, 32].contains($0) }) else {
            throw Diagnostic.error("batch.empty", LocalizedText { Catalogue.text(.batchEmpty, $0) }, at: nil)
        }
        let quoted = reader.quoted
        // The header row (CSV) or the first record (JSON Lines).
        var input: BatchInput
        var lineNumber = 1
        var rest: [UInt8] = block
        if !quoted {
            input = .jsonLines
        } else {
            // The header is the first line that names a land column, among the first few: a list kept in a
            // spreadsheet often has a title, a date or blank lines above its table. When none does, the
            // first line that is not blank is refused with the reason.
            var offset = 0, skipped = 0
            var found: (input: BatchInput, end: Int, lines: Int)?
            var refusal: (any Error)?
            for _ in 0..<Self.headerSearch where offset < block.count {
                let header = BatchRecord.firstEnd(of: Array(block[offset...]), quoted: true)
                let text = String(decoding: block[offset..<offset + header.end], as: UTF8.self)
                let record = BatchRecord.records(of: text, quoted: true, firstLine: 1 + skipped).first?.text ?? ""
                do {
                    found = (try BatchInput(csvHeader: record, delimiter: delimiter, settings: ruleSet.settings), offset + header.end, skipped + header.lines)
                    break
                } catch {
                    let blank = record.unicodeScalars.allSatisfy { " \t\r,;".unicodeScalars.contains($0) }
                    if refusal == nil, !blank { refusal = error }
                }
                offset += header.end
                skipped += header.lines
            }
            guard let found else {
                if let refusal { throw refusal }
                throw Diagnostic.error("batch.empty", LocalizedText { Catalogue.text(.batchEmpty, $0) }, at: nil)
            }
            input = found.input
            input.fromSheet = fromSheet
            rest = Array(block[found.end...])
            lineNumber = 1 + found.lines
        }
        onHeader(input)
        let make = { @Sendable [input, format, rank, plans, odds, language, year] (ruleSet: RuleSet) in
            BatchProcessor(evaluator: Evaluator(ruleSet: ruleSet, year: year), input: input, format: format, rankBy: rank, plans: plans, odds: odds,
                           language: language)
        }
        let first = make(ruleSet)
        let pool = WorkerPool(first: first, count: workers) { [copy] _ in make(copy()) }
        defer { pool.finish() }
        if let header = first.header { try write(Array(header.utf8)) }
        // The rows every worker remembered in the chunks before, read by all while they work (no one writes
        // it then), so that a row's text is answered once rather than once a worker.
        var shared = RowMemo(capacity: workers * RowMemo.capacity)
        var total = BatchSummary()
        try withoutActuallyEscaping(write) { write in
            let io = ChunkIO(reader: reader, write: write)
            var next: [UInt8]? = rest
            while let chunk = next {
                // Parts small enough that the threads share the work evenly, with the reading and writing.
                let parts = BatchRecord.split(chunk, into: workers * Self.partsPerWorker, quoted: quoted)
                let firstLines = parts.reduce(into: [lineNumber]) { acc, part in acc.append(acc[acc.count - 1] + part.lines) }
                let outputs = WorkerSlots(repeating: (OutputBuffer(), BatchSummary()), count: parts.count)
                let memos = pool.memos
                for memo in memos { memo.sharedRows = shared }
                // Iteration 0 writes the chunk before's output and reads the next chunk; the others answer a part.
                let step: @Sendable (Int) -> Void = { i in
                    guard i > 0 else { return io.step() }
                    let w = i - 1
                    var out = OutputBuffer(capacity: parts[w].lines * 140)
                    var summary = BatchSummary()
                    pool.with { processor, memo in
                        chunk.withUnsafeBufferPointer { bytes in
                            processor.process(UnsafeBufferPointer(rebasing: bytes[parts[w].range]), quoted: quoted, firstLine: firstLines[w], memo: memo,
                                              into: &out, summary: &summary)
                        }
                    }
                    outputs.set(w, (out, summary))
                }
                if workers > 1 { DispatchQueue.concurrentPerform(iterations: parts.count + 1, execute: step) } else { (0...parts.count).forEach(step) }
                if let error = io.writeError { throw error }
                // Each memo's own rows go into the shared memo (it is the only copy once the memos let go).
                // (A worker that joined during the chunk has no shared memo, and its rows are taken next time.)
                for memo in memos { memo.sharedRows = RowMemo(capacity: 0) }
                for memo in memos { shared.absorb(memo.takeRows()) }
                io.pending = outputs.values.map(\.0)
                for (_, summary) in outputs.values { total.merge(summary) }
                lineNumber = firstLines[firstLines.count - 1]
                onProgress(total.rows)
                // A read that failed stops the run once what was answered before it is written.
                if case .failure = io.read { try io.flush() }
                next = try io.read.get()
            }
            try io.flush()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (total, seconds)
    }
}
