import AdviseKit
import AdviseLog
import ArgumentParser
import Foundation

/// `advise log`: the advice recorded (`--log`, the server), what households did after it, and how the
/// predictions compare with what they reported.
struct LogCommand: ParsableCommand {
    #if Log
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The advice log: list, show, export; record a follow-up or a season; compare predicted with reported.",
        discussion: "The log is a SQLite file in the user's data folder ($ADVISE_LOG_DB, --log-db); it never leaves the machine.",
        subcommands: [LogListCommand.self, LogShowCommand.self, LogExportCommand.self, LogFollowUpCommand.self, LogSeasonCommand.self,
                      LogCalibrationCommand.self, LogConfirmCommand.self, LogWithdrawCommand.self, LogForgetCommand.self, LogPruneCommand.self,
                      LogAuditCommand.self]
    )
    #else
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The advice log (built with --traits Log).")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws { try Console.refuseWithoutLog() }
    #endif
}

#if Log
/// Where the log is, and the language of what is printed.
struct LogLocation: ParsableArguments {
    @Option(name: .customLong("log-db"), help: ArgumentHelp("The advice log's file (default: $ADVISE_LOG_DB, else advise/advice-log.sqlite in the user's data folder).", valueName: "file"))
    var logDB: String?

    @Option(help: "Output language (default: Vietnamese).")
    var lang: Language?
}

extension LogLocation {
    /// The log, opened; the language chosen.
    func open() throws -> (AdviceLog, LogRenderer) {
        Console.chosenLanguage = lang
        return (try Console.openLog(logDB), LogRenderer(language: Console.language))
    }
}

/// `advise log list`.
struct LogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The advice recorded, newest first.")
    @OptionGroup var location: LogLocation
    @Option(help: "At most this many.") var limit: Int?

    func run() throws {
        let (log, renderer) = try location.open()
        print(renderer.list(try Console.logging { () throws(Diagnostic) in try log.records(limit: limit) }), terminator: "")
    }
}

/// `advise log show ID`.
struct LogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One advice: the household, the recommendation, the predictions and what was reported.")
    @Argument(help: "The advice's number, or its reference (32 hexadecimal digits).") var id: String
    @OptionGroup var location: LogLocation
    @OptionGroup var ruleSetOptions: RuleSetOptions

    func run() throws {
        var (log, renderer) = try location.open()
        renderer.settings = try Console.loadRules(ruleSetOptions).settings
        print(renderer.show(try Console.logging { () throws(Diagnostic) in try log.history(key: id) }), terminator: "")
    }
}

/// `advise log export`.
struct LogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "A table of the log as CSV, or as a workbook with -o FILE.xlsx.")
    @OptionGroup var location: LogLocation
    @Option(help: "The table: advice, follow-up or season.") var table: LogRenderer.ExportTable = .advice
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (.csv or .xlsx) instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(name: .customLong("with-names"), help: "Keep the households' ids and names (an admin's export, audited); without it the table is de-identified.")
    var withNames = false

    func run() throws {
        let (log, _) = try location.open()
        try Console.refuseOverwriting(output, inputs: [log.path])
        var histories = try Console.logging { () throws(Diagnostic) in try log.histories() }
        if !withNames {
            histories = histories.map { AdviceHistory(record: $0.record.deidentified, followUps: $0.followUps.map(\.withoutNote), seasons: $0.seasons) }
        }
        try Console.logging { () throws(Diagnostic) in
            try log.audit(AuditEntry(at: Today.timestamp, user: Console.actor, action: .export, detail: table.rawValue + (withNames ? " --with-names" : "")))
        }
        let csv = LogRenderer.csv(histories, table: table)
        if output?.lowercased().hasSuffix(".xlsx") == true {
            try Console.emitWorkbook(csv, name: table.rawValue, to: output)
        } else {
            try Console.emit(csv, to: output)
        }
    }
}

extension LogRenderer.ExportTable: ExpressibleByArgument {}

/// Reads a report's flags against the advice it follows; a bad value names its flag, and exits 64.
private func report<T>(_ id: Int64, _ log: AdviceLog, _ fields: [String: String?], _ read: (ReportInput, AdviceRecord) throws(DiagnosticError) -> T) throws -> T {
    let record = try Console.logging { () throws(Diagnostic) in try log.history(id) }.record
    do {
        return try read(ReportInput(fields: fields.compactMapValues { $0 }), record)
    } catch {
        Console.report(error.diagnostics)
        throw ExitCode(Console.usage)
    }
}

extension ReportKind: ExpressibleByArgument {}

/// `advise log confirm season N --by NAME`.
struct LogConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "An agronomist confirms a report outside the plausible bounds, so that the calibration uses it."
    )
    @Argument(help: "follow-up or season.") var kind: ReportKind
    @Argument(help: "The report's number (advise log calibration lists those left out).") var id: Int64
    @Option(help: "The agronomist who checked it (a user of the log with the agronomist role).") var by: String
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        try Console.logging { () throws(Diagnostic) in try log.confirm(kind, id, by: by, actor: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.logConfirmed, Console.language, kind.rawValue, String(id), by))
    }
}

/// `advise log withdraw season N`.
struct LogWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a mistaken report (kept, audited, no longer used); record the corrected one as a new report."
    )
    @Argument(help: "follow-up or season.") var kind: ReportKind
    @Argument(help: "The report's number.") var id: Int64
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        try Console.logging { () throws(Diagnostic) in try log.withdraw(kind, id, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.logWithdrawn, Console.language, kind.rawValue, String(id)))
    }
}

/// `advise log forget REF`.
struct LogForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a household's id and name from every record that carries them, at its request (the figures stay, de-identified)."
    )
    @Argument(help: "One of the household's advice: its number or its reference.") var id: String
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        let erased = try Console.logging { () throws(Diagnostic) in try log.forget(id, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.logForgotten, Console.language, String(erased.count), erased.map(String.init).joined(separator: ", ")))
    }
}

/// `advise log prune`.
struct LogPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Erase the ids and names of records older than the retention period (the figures stay, de-identified)."
    )
    @Option(help: "The retention period in years.") var years: Int = 5
    @OptionGroup var location: LogLocation

    func validate() throws {
        guard (0...100).contains(years) else { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--years", "0", "100")) }
    }

    func run() throws {
        let (log, _) = try location.open()
        let today = Today.iso
        let cutoff = String(Int(today.prefix(4))! - years) + today.dropFirst(4)
        let count = try Console.logging { () throws(Diagnostic) in try log.prune(before: cutoff, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.logPruned, Console.language, String(count), cutoff))
    }
}

/// `advise log audit`.
struct LogAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Who read and changed which record, and when, newest first.")
    @Option(help: "At most this many.") var limit: Int?
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, renderer) = try location.open()
        print(renderer.audit(try Console.logging { () throws(Diagnostic) in try log.auditTrail(limit: limit) }), terminator: "")
    }
}

/// `advise log follow-up ID`.
struct LogFollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Record what a household did after an advice: the model, its scale, the investment and the loan.")
    @Argument(help: "The advice's number.") var id: Int64
    @Option(help: "The model it took up (the rule set's id).") var model: String
    @Option(help: ArgumentHelp("The land it gave the model (as --land is written), for a model scaled by area.", valueName: "area")) var area: String?
    @Option(help: ArgumentHelp("The units it started with (does, …), for a model scaled by units.", valueName: "n")) var units: String?
    @Option(help: ArgumentHelp("What it invested: 35tr, 35000000.", valueName: "money")) var invested: String?
    @Option(help: ArgumentHelp("What it borrowed.", valueName: "money")) var loan: String?
    @Option(help: "A note (no names unless the household agrees).") var note: String?
    @OptionGroup var location: LogLocation
    @OptionGroup var ruleSetOptions: RuleSetOptions

    func run() throws {
        let (log, _) = try location.open()
        let settings = try Console.loadRules(ruleSetOptions).settings
        let fields = ["model": model, "area": area, "units": units, "invested": invested, "loan": loan, "note": note]
        let followUp = try report(id, log, fields) { (input, record) throws(DiagnosticError) in
            try input.followUp(for: record, settings: settings, at: Today.timestamp)
        }
        let number = try Console.logging { () throws(Diagnostic) in try log.add(followUp, by: Console.actor) }
        Console.printError("advise: " + Catalogue.format(.logFollowUpRecorded, Console.language, String(number)))
    }
}

/// `advise log season ID`.
struct LogSeasonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "season", abstract: "Record what a model brought in one season: its net income, and one output's quantity and price.")
    @Argument(help: "The advice's number.") var id: Int64
    @Option(help: "The model reported on.") var model: String
    @Option(help: "The year since the investment, from 1.") var year: String
    @Option(name: .customLong("net-income"), help: ArgumentHelp("The model's net income that year, after its costs.", valueName: "money")) var netIncome: String?
    @Option(help: "An output reported on (the rule set's id, e.g. meat-goats).") var output: String?
    @Option(help: ArgumentHelp("Its quantity, in the output's unit (nuts, kg, months).", valueName: "n")) var quantity: String?
    @Option(help: ArgumentHelp("Its price per unit.", valueName: "money")) var price: String?
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        let fields = ["model": model, "year": year, "net-income": netIncome, "output": output, "quantity": quantity, "price": price]
        let season = try report(id, log, fields) { (input, record) throws(DiagnosticError) in try input.season(for: record, at: Today.timestamp) }
        let number = try Console.logging { () throws(Diagnostic) in try log.add(season, by: Console.actor) }
        Console.printError("advise: " + Catalogue.format(.logFollowUpRecorded, Console.language, String(number)))
    }
}

/// `advise log calibration`.
struct LogCalibrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibration", abstract: "Per model and figure: reports, the median of reported ÷ predicted and its middle half; --propose FILE writes revised figures for the agronomists to review.")
    @OptionGroup var location: LogLocation
    @OptionGroup var ruleSetOptions: RuleSetOptions
    @Option(name: .customLong("min-count"), help: "Reports a figure needs before a revision is proposed.") var minCount = 3
    @Option(name: .customLong("propose"), help: ArgumentHelp("Write an override file proposing revised figures, for the agronomists to review.", valueName: "file"))
    var propose: String?

    func run() throws {
        let (log, renderer) = try location.open()
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let calibration = Calibration(try Console.logging { () throws(Diagnostic) in try log.histories() }, limits: ruleSet.settings.calibration)
        print(renderer.calibration(calibration), terminator: "")
        guard let propose else { return }
        try Console.refuseOverwriting(propose, inputs: [log.path] + ruleSetOptions.overrides)
        let override = CalibrationOverride(calibration: calibration, ruleSet: ruleSet, minimumCount: minCount, date: Console.today)
        try Console.emit(override.render(), to: propose)
        Console.printError("advise: " + Catalogue.format(.logOverrideWritten, Console.language, propose, String(override.entries.count), propose))
    }
}
#endif
