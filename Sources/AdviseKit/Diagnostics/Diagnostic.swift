/// Everything a user sees go wrong: a malformed rule file, a bad household value, a stale figure.
///
/// Printed the way compilers do: `path:line:col: error: message [code]`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable identifier such as `yaml.syntax` or `expr.unknown-name`, for tools and tests.
    public var code: String
    /// What is wrong, in words a rule author can act on.
    public var message: String
    /// Where it is wrong, when a position is known.
    public var location: SourceLocation?
    /// What is wrong in each language, for those worded in the catalogues (``message`` is then its English).
    public var localized: LocalizedText?

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// Shorthand for an error.
    public static func error(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location)
    }

    /// An error worded in each language.
    public static func error(_ code: String, _ text: LocalizedText, at location: SourceLocation?) -> Diagnostic {
        var d = Diagnostic(.error, code: code, text.en, at: location)
        d.localized = text
        return d
    }

    /// What is wrong, in a language (English for findings not yet in the catalogues).
    public func message(in language: Language) -> String { localized?(language) ?? message }

    /// `path:line:col: severity: message [code]` in a language: the severity and the message translated,
    /// the code stable and English (a finding not yet in the catalogues stays English, severity included).
    public func description(in language: Language) -> String {
        guard localized != nil else { return description }
        let prefix = location.map { "\($0): " } ?? ""
        let severity = switch severity {
        case .error: Catalogue.text(.severityError, language)
        case .warning: Catalogue.text(.severityWarning, language)
        case .note: Catalogue.text(.severityNote, language)
        }
        return "\(prefix)\(severity): \(message(in: language)) [\(code)]"
    }

    /// Shorthand for a warning.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location)
    }

    /// `path:line:col: severity: message [code]`, or without the position when none is known.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message) [\(code)]"
    }
}

/// One or more diagnostics thrown together, so that a user sees every problem at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The findings, errors first, then by position.
    public var diagnostics: [Diagnostic]

    /// Wraps findings; they are sorted so that output is the same run to run.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Self.order)
    }

    /// Runs a step of reading a file, whatever it throws as findings: a ``Diagnostic``, a ``DiagnosticError``,
    /// or any other error as `file.unreadable`.
    static func collecting<T>(_ body: () throws -> T) throws(DiagnosticError) -> T {
        do {
            return try body()
        } catch let d as Diagnostic {
            throw DiagnosticError([d])
        } catch let e as DiagnosticError {
            throw e
        } catch {
            throw DiagnosticError([.error("file.unreadable", "\(error)", at: nil)])
        }
    }

    /// A stable order: by file and position, then by severity and code.
    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
        let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
        if la != lb { return la < lb }
        if a.severity != b.severity { return a.severity < b.severity }
        return (a.code, a.message) < (b.code, b.message)
    }

    /// One diagnostic a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
