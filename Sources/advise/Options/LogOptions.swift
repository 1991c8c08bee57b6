import AdviseKit
import AdviseLog
import ArgumentParser
import Foundation

/// Whether and where an advice is recorded in the advice log.
struct LogOptions: ParsableArguments {
    @Flag(help: "Record this advice in the advice log (as $ADVISE_LOG=1 does for every advice).")
    var log = false

    @Option(name: .customLong("log-db"), help: ArgumentHelp("The advice log's file (default: $ADVISE_LOG_DB, else advise/advice-log.sqlite in the user's data folder).", valueName: "file"))
    var logDB: String?

    @Flag(help: "The household agrees that its id and name are kept with the record (today's date is stored); without it the record keeps neither.")
    var consent = false

    /// True when this advice is to be recorded.
    var enabled: Bool { log || ProcessInfo.processInfo.environment["ADVISE_LOG"] == "1" }
}

extension Console {
    #if Log
    /// Opens the advice log at `path` (the default place when nil); exits 74 with the cause when it cannot.
    static func openLog(_ path: String?) throws -> AdviceLog {
        do {
            return try AdviceLog(path: path ?? AdviceLog.defaultPath())
        } catch {
            report([error])
            throw ExitCode(ioError)
        }
    }

    /// Runs a step on the log; a failure is printed with its cause and exits 74 (65 for an advice or report that
    /// is not in it, or a confirmation by someone who is not an agronomist).
    static func logging<T>(_ body: () throws(Diagnostic) -> T) throws -> T {
        do {
            return try body()
        } catch {
            report([error])
            throw ExitCode(["log.not-found", "log.not-agronomist"].contains(error.code) ? dataError : ioError)
        }
    }

    /// Records an advice and says under which number.
    static func record(_ advice: Advice, evaluator: Evaluator, options: LogOptions, channel: String = "cli") throws {
        let log = try openLog(options.logDB)
        let record = AdviceRecord(advice, evaluator: evaluator, source: advice.ruleset.source, channel: channel, at: Today.timestamp)
            .consented(options.consent ? Today.iso : nil)
        let id = try logging { () throws(Diagnostic) in try log.record(record, by: actor) }
        let named = advice.household.id != nil || advice.household.name != nil
        printError("advise: " + Catalogue.format(named && !options.consent ? .logRecordedAnonymous : .logRecorded, language, String(id), log.path))
    }
    #else
    /// Built without the log: says how to build it, exits 69.
    static func record(_ advice: Advice, evaluator: Evaluator, options: LogOptions, channel: String = "cli") throws {
        try checkLogAvailable(options)
    }
    #endif

    /// Before any advice is given: a log asked of a build without one is refused at once (exit 69).
    static func checkLogAvailable(_ options: LogOptions) throws {
        #if !Log
        if options.enabled { try refuseWithoutLog() }
        #endif
    }

    /// In a build without the log: says how to build it, exits 69.
    static func refuseWithoutLog() throws -> Never {
        printError("advise: " + Catalogue.text(.logNotBuilt, language))
        throw ExitCode(unavailable)
    }
}
