import AdviseKit
import AdviseRuleSetSource
import ArgumentParser
import Foundation

/// Loading and error reporting shared by the commands: diagnostics go to standard error in the
/// compiler form, and the process exits with the documented code.
enum Console {
    /// The exit codes, as ``ExitStatus`` names them for both executables.
    static let rowsFailed = ExitStatus.rowsFailed.rawValue, usage = ExitStatus.usage.rawValue, dataError = ExitStatus.dataError.rawValue
    static let noInput = ExitStatus.noInput.rawValue, unavailable = ExitStatus.unavailable.rawValue
    static let cannotCreate = ExitStatus.cannotCreate.rawValue, ioError = ExitStatus.ioError.rawValue

    /// Every exit code of `advise` and what it means: the help's list, which README's table repeats (a test holds
    /// the two equal).
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (ExitStatus.success.rawValue, "done (advice given, every row answered)"),
        (rowsFailed, "some rows of a list failed (batch, ward), each with its error row"),
        (usage, "a bad flag or household value, or an input that is not a household list"),
        (dataError, "an invalid rule set, override, household file or workbook"),
        (noInput, "a file that cannot be read"),
        (unavailable, "the advice log asked of a build without it"),
        (cannotCreate, "rules export would overwrite a file"),
        (ioError, "the output or the advice log cannot be written"),
    ]

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The language errors are printed in: `--lang` where a command has it, else the rule set's (Vietnamese
    /// for the shipped one, and before a rule set is loaded).
    static var language: Language { chosenLanguage ?? ruleSetLanguage ?? .vi }
    /// `--lang`, when the command has it and it is given.
    nonisolated(unsafe) static var chosenLanguage: Language?
    /// The loaded rule set's language.
    nonisolated(unsafe) static var ruleSetLanguage: Language?

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { printError(d.description(in: language)) }
    }

    /// Prints to standard output, or writes a file (as ``OutputSink`` does: whole or not at all); exits 74
    /// when it cannot be written.
    static func emit(_ text: String, to path: String?) throws {
        let sink: OutputSink
        do {
            sink = try OutputSink(path: path)
        } catch {
            printError("advise: " + Catalogue.format(.writeFailed, language, path ?? "-", "\(error)"))
            throw ExitCode(ioError)
        }
        do {
            try sink.write(Array(text.utf8))
            try sink.commit()
        } catch {
            sink.abandon()
            printError("advise: " + Catalogue.format(.writeFailed, language, path ?? "-", "\(error)"))
            throw ExitCode(ioError)
        }
    }

    /// Writes CSV rows as a one-sheet workbook (`-o x.xlsx`), numbers as numbers; exits 74 when it cannot.
    static func emitWorkbook(_ csv: String, name: String, to path: String?) throws {
        let sink: OutputSink
        do {
            sink = try OutputSink(path: path)
            try sink.write(Array(csv.utf8))
            try sink.commit { try XLSXWriter.data([BatchProcessor.sheet(fromOutput: $0, name: name)]) }
        } catch {
            printError("advise: " + Catalogue.format(.writeFailed, language, path ?? "-", "\(error)"))
            throw ExitCode(ioError)
        }
    }

    /// Opens an input file (or standard input for `-`); exits 66 with the reason in words when it cannot be read.
    static func openInput(_ path: String) throws -> FileHandle {
        if path == "-" { return .standardInput }
        let fd = open(path, O_RDONLY)
        var info = stat()
        if fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        }
        let reason = fd >= 0 ? EISDIR : errno
        if fd >= 0 { close(fd) }
        printError("advise: " + Catalogue.format(.fileCannotRead, language, Catalogue.text(.fileInput, language), path, describe(errno: reason)))
        throw ExitCode(noInput)
    }

    /// Why a file operation failed, in words.
    static func describe(errno code: Int32) -> String { TextFile.describe(errno: code)(language) }

    /// Refuses an output file that is one of the inputs (the same path, a link to it, or the same file by
    /// its device and inode): no input is ever overwritten.
    static func refuseOverwriting(_ output: String?, inputs: [String]) throws {
        guard let output, output != "-" else { return }
        let target = URL(fileURLWithPath: output).resolvingSymlinksInPath().standardizedFileURL.path
        var targetStat = stat()
        let targetExists = stat(output, &targetStat) == 0
        for input in inputs where input != "-" {
            let source = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL.path
            var inputStat = stat()
            let same = source == target
                || (targetExists && stat(input, &inputStat) == 0 && inputStat.st_dev == targetStat.st_dev && inputStat.st_ino == targetStat.st_ino)
            if same {
                throw ValidationError(Catalogue.format(.refuseInput, language, output, input))
            }
        }
    }

    /// Today, `YYYY-MM-DD` (UTC), for the rule set's date checks and the report's date; `$ADVISE_TODAY`
    /// sets it (for repeatable runs and tests).
    static var today: String { Today.iso }

    /// The evaluator, with year 0 in today's calendar year (so each year is compared with the poverty line
    /// in force then).
    static func evaluator(_ ruleSet: RuleSet) -> Evaluator { Evaluator(ruleSet: ruleSet, year: year) }

    /// Today's calendar year: year 0 of every projection.
    static var year: Int? { Today.year(of: today) }

    /// Loads the rule set with its overrides and checks; prints its warnings once; exits 65 on errors.
    static func loadRules(_ options: RuleSetOptions) throws -> RuleSet {
        do {
            let ruleSet = try RuleSetSource.find(options.rules).load(overrides: options.overrides, today: today)
            ruleSetLanguage = ruleSet.settings.language
            report(ruleSet.warnings)
            return ruleSet
        } catch {
            report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("advise: " + Catalogue.format(.ruleSetErrors, language, String(errors)))
            throw ExitCode(ExitStatus.loading(error.diagnostics).rawValue)
        }
    }

    /// Whether the findings say a file could not be read at all (exit 66) rather than that it is malformed (65).

    /// Reads a household file; exits 66 when it cannot be read, 65 when it is malformed.
    static func loadHousehold(_ path: String) throws -> HouseholdInput {
        do {
            return try HouseholdFile.load(path: path)
        } catch {
            report(error.diagnostics)
            throw ExitCode(ExitStatus.loading(error.diagnostics).rawValue)
        }
    }

    /// Parses household values; a bad value names its flag (or its file position) and exits 64.
    static func parseHousehold(_ input: HouseholdInput, ruleSet: RuleSet) throws -> Household {
        do {
            return try HouseholdParser(settings: ruleSet.settings, models: ruleSet.models.map(\.id), label: { "--" + $0.inputName }).parse(input)
        } catch {
            report(error.diagnostics)
            throw ExitCode(usage)
        }
    }
}
