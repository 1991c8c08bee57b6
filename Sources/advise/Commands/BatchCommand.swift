import AdviseKit
import AdviseRuleSetSource
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

    @Option(help: "Rank options by: gain (default: over keeping the current use), downside, risk-npv, income, npv, payback, first-income.")
    var rank: RankBy = .gain

    @Flag(help: "Add the odds of each row's answer (P10/P50/P90 NPV, chances of a loss, a missed instalment, staying below the poverty line; 1,000 draws, seed 1): the full advice per row, slower.")
    var risk = false

    @Option(help: ArgumentHelp("Also print the planning summary (households per model, investment and loan demand, income, poverty line) to standard error.", valueName: "text|json"))
    var summary: SummaryFormat?

    @Option(help: "Language of the summary (default: the rule set's).")
    var lang: Language?

    @Option(help: ArgumentHelp("The CSV field separator: comma, semicolon, tab (or the character itself); default: detected from the header.", valueName: "sep"))
    var delimiter: Delimiter?

    @Option(help: ArgumentHelp("The sheet of a workbook (.xlsx) to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Answer each row with its best whole-farm plan (model ids joined by +), as advise does for one household: the default.")
    var plans = false

    @Flag(help: "Answer each row with its best single model instead of its plan: the fast path (one model per row).")
    var single = false

    @OptionGroup var ruleSetOptions: RuleSetOptions

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// A CSV field separator, by name or as the character.
    struct Delimiter: ExpressibleByArgument {
        let byte: UInt8
        init?(argument: String) {
            switch argument.lowercased() {
            case "comma", ",": byte = UInt8(ascii: ",")
            case "semicolon", ";": byte = UInt8(ascii: ";")
            case "tab", "\t", "\\t": byte = 9
            case "pipe", "|": byte = UInt8(ascii: "|")
            default: return nil
            }
        }
        static var allValueStrings: [String] { ["comma", "semicolon", "tab", "pipe"] }
    }

    func validate() throws {
        if let jobs, !(1...64).contains(jobs) { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--jobs", "1", "64")) }
        if plans, single { throw ValidationError(Catalogue.text(.argPlansOrSingle, Console.language)) }
        if output?.lowercased().hasSuffix(".xlsx") == true, format != .csv {
            throw ValidationError(Catalogue.format(.argWorkbookFormat, Console.language, output ?? "", format.rawValue))
        }
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOverwriting(output, inputs: [input] + ruleSetOptions.overrides)
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let (reader, fromSheet) = try ListFile.open(input, sheet: sheet, ruleSet: ruleSet)
        let sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Console.printError("advise: " + Catalogue.format(.writeFailed, Console.language, output ?? "-", "\(error)"))
            throw ExitCode(Console.ioError)
        }
        do {
            let source = RuleSetSource.find(ruleSetOptions.rules), overrides = ruleSetOptions.overrides
            // Each worker gets its own copy of the rule set: shared Swift objects would make the cores
            // contend on their reference counts.
            let copy: @Sendable () -> RuleSet = { (try? source.load(overrides: overrides, today: nil)) ?? ruleSet }
            var run = BatchRun(ruleSet: ruleSet, copy: copy, format: format, rank: rank, plans: !single, odds: risk ? RiskSimulation.Options() : nil,
                               workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, delimiter: delimiter?.byte, fromSheet: fromSheet,
                               language: lang, year: Console.year)
            run.onHeader = { input in
                if !input.ignoredColumns.isEmpty {
                    Console.printError("advise: " + Catalogue.format(.ignoringColumns, Console.language, input.ignoredColumns.joined(separator: ", ")))
                }
            }
            let progress = Progress()
            run.onProgress = progress.update
            let result = try run.run(reader: reader, write: sink.write)
            progress.finish()
            try sink.commit { try XLSXWriter.data([BatchProcessor.sheet(fromOutput: $0, name: "advise")]) }
            let s = result.summary
            let rate = result.seconds > 0 ? Int(Double(s.rows) / result.seconds) : 0
            let language = Console.language
            Console.printError("advise batch: " + Catalogue.format(.batchDone, language, String(s.rows), String(s.rows - s.failed), String(s.failed),
                                                                   NumberFormat.decimal(result.seconds, places: 2, language), String(rate)))
            if s.rows == 0 { Console.printError("advise: \(input): " + Catalogue.text(.batchNoRows, language)) }
            switch summary {
            case .text?: Console.printError(s.text(ruleSet, lang ?? ruleSet.settings.language))
            case .json?: Console.printError(s.json.serialized())
            case nil: break
            }
            if s.failed > 0 { throw ExitCode(Console.rowsFailed) }
        } catch let exit as ExitCode {
            throw exit
        } catch let diagnostic as Diagnostic {
            sink.abandon()
            Console.printError("advise: \(input): \(diagnostic.message(in: Console.language)) [\(diagnostic.code)]")
            throw ExitCode(Console.usage)
        } catch let failure as ChunkReader.ReadFailure {
            sink.abandon()
            Console.printError("advise: " + Catalogue.format(.fileCannotRead, Console.language, Catalogue.text(.fileInput, Console.language), input,
                                                             failure.reason(Console.language)))
            throw ExitCode(Console.noInput)
        } catch {
            sink.abandon()
            Console.printError("advise: " + Catalogue.format(.writeFailed, Console.language, output ?? "-", "\(error)"))
            throw ExitCode(Console.ioError)
        }
    }
}

extension BatchProcessor.Format: ExpressibleByArgument {}

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
