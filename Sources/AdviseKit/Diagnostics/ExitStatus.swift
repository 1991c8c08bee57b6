/// The exit codes of `advise` and `advise-server` — sysexits where one fits — named once for both executables;
/// their help texts list them, and README's table repeats the command line's (a test holds the two equal).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done: advice given, every row answered, the server stopped.
    case success = 0
    /// Some rows of a list failed (batch, ward), each with its error row.
    case rowsFailed = 2
    /// A bad flag or household value, or an input that is not a household list.
    case usage = 64
    /// An invalid rule set, override, household file or workbook.
    case dataError = 65
    /// A file that cannot be read.
    case noInput = 66
    /// Something asked of a build without it (the advice log, the web server).
    case unavailable = 69
    /// The server's port cannot be opened or the server failed.
    case software = 70
    /// A file would be overwritten.
    case cannotCreate = 73
    /// The output or the advice log cannot be written.
    case ioError = 74

    /// What loading a rule set, an override or a household file exits with when it fails: 66 when a file could not
    /// be read, 65 when what was read is invalid.
    public static func loading(_ diagnostics: [Diagnostic]) -> ExitStatus {
        diagnostics.contains { ["file.not-found", "file.unreadable", "rules.not-found"].contains($0.code) } ? .noInput : .dataError
    }
}
