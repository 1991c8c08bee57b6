/// One lexical token of a rule expression, with its column offset inside the expression text.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Offset in Unicode scalars from the start of the expression.
    var offset: Int
}
