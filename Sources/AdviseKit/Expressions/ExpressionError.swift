/// A problem in a rule expression, at a column offset inside its text.
public struct ExpressionError: Error, Equatable, Sendable {
    /// What is wrong.
    public var message: String
    /// Offset in Unicode scalars from the start of the expression.
    public var offset: Int
    /// The stable diagnostic code: `expr.syntax`, `expr.unknown-name` or `expr.type`.
    public var code: String

    init(_ message: String, offset: Int, code: String = "expr.syntax") {
        self.message = message
        self.offset = offset
        self.code = code
    }
}
