import AdviseKit
import ArgumentParser
import Dispatch
import Foundation

/// `advise batch INPUT [-o OUTPUT]`: every household of a CSV or JSON Lines file, streamed, on all cores.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Advise every household of a CSV (header row) or JSON Lines file; one output row per input row, in order.",
        discussion: """
        Columns are named like the flags: id, land, capital, flood, salinity, members, labour, current-use, loan-category. \
        Exit codes: 0 every row answered; 2 some rows failed (each has an error row naming its line and column); \
        64 a bad header or flag; 65 an invalid rule set; 66 the input cannot be read; 74 the output cannot be written.
        """
    )

    @Argument(help: ArgumentHelp("The input file, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here (atomically: a temporary file, then a rename) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Output format.")
    var format: BatchProcessor.Format = .csv

    @Option(help: "Rank options by: risk-npv (default), income, npv, payback, first-income.")
    var rank: RankBy = .riskAdjustedNPV

    @Option(help: ArgumentHelp("Also print the planning summary (households per model, investment and loan demand, income, poverty line) to standard error.", valueName: "text|json"))
    var summary: SummaryFormat?

    @Option(help: "Language of the summary (default: the rule set's).")
    var lang: Language?

    @Option(help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var ruleSetOptions: RuleSetOptions

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be a whole number from 1 to 64") }
    }

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        guard let reader = LineReader(path: input) else {
            Console.printError("advise: cannot read '\(input)'")
            throw ExitCode(Console.noInput)
        }
        let sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Console.printError("advise: cannot write '\(output ?? "-")': \(error)")
            throw ExitCode(Console.ioError)
        }
        do {
            let result = try BatchRun(ruleSet: ruleSet, format: format, rank: rank, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
                .run(reader: reader, sink: sink)
            try sink.commit()
            let s = result.summary
            let rate = result.seconds > 0 ? Int(Double(s.rows) / result.seconds) : 0
            Console.printError("advise batch: \(s.rows) rows, \(s.rows - s.failed) answered, \(s.failed) failed, in \(String(format: "%.2f", result.seconds)) s (\(rate) rows/s)")
            switch summary {
            case .text?: Console.printError(s.text(ruleSet, lang ?? ruleSet.settings.language))
            case .json?: Console.printError(s.json.serialized())
            case nil: break
            }
            if s.failed > 0 { throw ExitCode(2) }
        } catch let exit as ExitCode {
            throw exit
        } catch let diagnostic as Diagnostic {
            sink.abandon()
            Console.printError("advise: \(input): \(diagnostic.message) [\(diagnostic.code)]")
            throw ExitCode(Console.usage)
        } catch {
            sink.abandon()
            Console.printError("advise: \(error)")
            throw ExitCode(Console.ioError)
        }
    }
}

extension BatchProcessor.Format: ExpressibleByArgument {}

/// One batch run: reads chunks of lines, answers each chunk on all workers in parallel, writes in order.
struct BatchRun {
    let ruleSet: RuleSet
    let format: BatchProcessor.Format
    let rank: RankBy
    let workers: Int
    static let chunkLines = 8192

    func run(reader: LineReader, sink: OutputSink) throws -> (summary: BatchSummary, seconds: Double) {
        let start = DispatchTime.now()
        var lineNumber = 1
        guard let first = try reader.next() else { return (BatchSummary(), 0) }
        let input: BatchInput
        var pending: [Substring] = []
        if first.first == "{" {
            input = .jsonLines
            pending.append(first)
        } else {
            input = try BatchInput(csvHeader: first)
            lineNumber = 2
            if !input.ignoredColumns.isEmpty {
                Console.printError("advise: ignoring columns \(input.ignoredColumns.joined(separator: ", "))")
            }
        }
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: ruleSet), input: input, format: format, rankBy: rank)
        if let header = processor.header { try sink.write(Array(header.utf8)) }
        let caches = (0..<workers).map { _ in EvaluationCache() }
        var total = BatchSummary()
        let progress = Progress()
        while true {
            while pending.count < Self.chunkLines, let line = try reader.next() {
                if !line.isEmpty { pending.append(line) } else if pending.isEmpty { lineNumber += 1 }
            }
            if pending.isEmpty { break }
            let slices = Self.split(pending.count, into: workers)
            let outputs = ChunkResults(count: slices.count)
            let base = lineNumber
            let chunk = pending
            DispatchQueue.concurrentPerform(iterations: slices.count) { w in
                var out = OutputBuffer(capacity: slices[w].count * 160)
                var summary = BatchSummary()
                processor.process(chunk[slices[w]], firstLine: base + slices[w].lowerBound, cache: caches[w], into: &out, summary: &summary)
                outputs.set(w, out, summary)
            }
            for w in 0..<slices.count {
                try sink.write(outputs.texts[w].bytes)
                total.merge(outputs.summaries[w])
            }
            lineNumber += pending.count
            pending.removeAll(keepingCapacity: true)
            progress.update(total.rows)
        }
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (total, seconds)
    }

    /// Splits `count` items into `parts` contiguous ranges.
    static func split(_ count: Int, into parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, count))
        return (0..<n).map { i in (count * i / n)..<(count * (i + 1) / n) }
    }
}

/// Per-worker results of one chunk, written by the workers into their own slots.
final class ChunkResults: @unchecked Sendable {
    private(set) var texts: [OutputBuffer]
    private(set) var summaries: [BatchSummary]
    private let lock = NSLock()

    init(count: Int) {
        texts = Array(repeating: OutputBuffer(), count: count)
        summaries = Array(repeating: BatchSummary(), count: count)
    }

    func set(_ index: Int, _ text: OutputBuffer, _ summary: BatchSummary) {
        lock.lock()
        defer { lock.unlock() }
        texts[index] = text
        summaries[index] = summary
    }
}

/// A progress line on standard error when it is a terminal; silent otherwise.
final class Progress {
    private let enabled = isatty(STDERR_FILENO) != 0
    private var last = DispatchTime.now()

    func update(_ rows: Int) {
        guard enabled else { return }
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - last.uptimeNanoseconds > 250_000_000 else { return }
        last = now
        FileHandle.standardError.write(Data("\r\(rows) rows…".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
