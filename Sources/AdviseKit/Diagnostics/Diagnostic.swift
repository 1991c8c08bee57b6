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
    /// A stable identifier such as `yaml.syntax` or `expr.unknown-name`, for tools and tests; English in
    /// every language.
    public var code: String
    /// What is wrong, in each language, worded in the catalogues.
    public var text: LocalizedText
    /// Where it is wrong, when a position is known.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ text: LocalizedText, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
    }

    /// An error worded in each language.
    public static func error(_ code: String, _ text: LocalizedText, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: code, text, at: location)
    }

    /// An error worded by a catalogue phrase with its `%@` placeholders filled in order.
    public static func error(_ code: String, _ key: Catalogue.Key, _ arguments: String..., at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code: code, Catalogue.phrase(key, arguments), at: location)
    }

    /// A warning worded in each language.
    public static func warning(_ code: String, _ text: LocalizedText, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: code, text, at: location)
    }

    /// A warning worded by a catalogue phrase with its `%@` placeholders filled in order.
    public static func warning(_ code: String, _ key: Catalogue.Key, _ arguments: String..., at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: code, Catalogue.phrase(key, arguments), at: location)
    }

    /// What is wrong, in English (for logs and tests; people read ``message(in:)``).
    public var message: String { text.en }

    /// What is wrong, in a language.
    public func message(in language: Language) -> String { text(language) }

    /// `path:line:col: severity: message [code]` in a language: the severity and the message translated,
    /// the code stable and English.
    public func description(in language: Language) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        let severity = switch severity {
        case .error: Catalogue.text(.severityError, language)
        case .warning: Catalogue.text(.severityWarning, language)
        case .note: Catalogue.text(.severityNote, language)
        }
        return "\(prefix)\(severity): \(message(in: language)) [\(code)]"
    }

    /// The same finding with its message extended in each language (`: ` and the tail).
    func appending(_ tail: LocalizedText) -> Diagnostic {
        var d = self
        d.text = LocalizedText { text($0) + tail($0) }
        return d
    }

    /// `path:line:col: severity: message [code]` in English, or without the position when none is known.
    public var description: String { description(in: .en) }
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
            throw DiagnosticError([.error("file.unreadable", .fileUnreadable, "\(error)", at: nil)])
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
