/// A value of a column of the advice log, as SQLite stores it and as the export writes it.
public enum LogValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// A number or nothing.
    public static func real(_ value: Double?) -> LogValue { value.map(LogValue.real) ?? .null }
    /// A whole number or nothing.
    public static func integer(_ value: Int?) -> LogValue { value.map { .integer(Int64($0)) } ?? .null }
    /// Text or nothing.
    public static func text(_ value: String?) -> LogValue { value.map(LogValue.text) ?? .null }

    /// The value as a CSV cell: numbers as written in full, text escaped against spreadsheet formulas.
    public var csv: String {
        switch self {
        case .null: ""
        case let .integer(i): String(i)
        case let .real(d): RulePass.number(d)
        case let .text(s): CSVLine.escape(s)
        }
    }
}
