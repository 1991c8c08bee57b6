import Dispatch
import Foundation

/// One batch run: reads chunks of records, answers each chunk on all workers in parallel, writes in order.
/// `advise batch` runs it over a file and the server over an upload.
public struct BatchRun {
    public var ruleSet: RuleSet
    /// A fresh copy of the rule set, for each worker.
    public var copy: () -> RuleSet
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
    public init(ruleSet: RuleSet, copy: @escaping () -> RuleSet, format: BatchProcessor.Format, rank: RankBy, plans: Bool,
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

    /// Reads every record, writes the header and each chunk's rows through `write` in input order.
    /// - Throws: a ``Diagnostic`` for a bad header or a file that is not text, ``ChunkReader/ReadFailure``,
    ///   and whatever `write` throws.
    public func run(reader: ChunkReader, write: ([UInt8]) throws -> Void) throws -> (summary: BatchSummary, seconds: Double) {
        let start = DispatchTime.now()
        guard let block = try reader.next() else { return (BatchSummary(), 0) }
        let quoted = reader.quoted
        // The header row (CSV) or the first record (JSON Lines).
        var input: BatchInput
        var lineNumber = 1
        var rest: [UInt8] = block
        if !quoted {
            input = .jsonLines
        } else {
            let header = BatchRecord.firstEnd(of: block, quoted: true)
            let text = String(decoding: block[..<header.end], as: UTF8.self)
            input = try BatchInput(csvHeader: BatchRecord.records(of: text, quoted: true, firstLine: 1).first?.text ?? "", delimiter: delimiter,
                                   settings: ruleSet.settings)
            input.fromSheet = fromSheet
            rest = Array(block[header.end...])
            lineNumber = 1 + header.lines
        }
        onHeader(input)
        let processors = (0..<workers).map { w in
            BatchProcessor(evaluator: Evaluator(ruleSet: w == 0 ? ruleSet : copy(), year: year), input: input, format: format, rankBy: rank, plans: plans, odds: odds,
                           language: language)
        }
        if let header = processors[0].header { try write(Array(header.utf8)) }
        let caches = (0..<workers).map { _ in EvaluationCache() }
        // What every worker remembered of the chunks before, read by all while they work (no one writes it
        // then), so that a household profile is evaluated once rather than once a worker.
        var shared = AnswerMemo(capacity: workers * AnswerMemo.capacity)
        var total = BatchSummary()
        var next: [UInt8]? = rest
        while let chunk = next {
            // Each worker decodes its own share of the bytes, so that no string storage is shared between
            // cores (shared reference counts would make them contend).
            let parts = BatchRecord.split(chunk, into: workers, quoted: quoted)
            let firstLines = parts.reduce(into: [lineNumber]) { acc, part in acc.append(acc[acc.count - 1] + part.lines) }
            let outputs = WorkerSlots(repeating: (OutputBuffer(), BatchSummary()), count: parts.count)
            for cache in caches { cache.shared = shared }
            DispatchQueue.concurrentPerform(iterations: parts.count) { w in
                let text = String(decoding: chunk[parts[w].range], as: UTF8.self)
                var out = OutputBuffer(capacity: parts[w].lines * 140)
                var summary = BatchSummary()
                let records = BatchRecord.records(of: text, quoted: quoted, firstLine: firstLines[w])
                processors[w].process(records, cache: caches[w], into: &out, summary: &summary)
                outputs.set(w, (out, summary))
            }
            // Each cache's own answers go into the shared memo (it is the only copy once the caches let go).
            for cache in caches { cache.shared = AnswerMemo(capacity: 0) }
            for cache in caches { shared.absorb(cache.takeMemo()) }
            for w in 0..<parts.count {
                try write(outputs.values[w].0.bytes)
                total.merge(outputs.values[w].1)
            }
            lineNumber = firstLines[firstLines.count - 1]
            onProgress(total.rows)
            next = try reader.next()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (total, seconds)
    }
}
