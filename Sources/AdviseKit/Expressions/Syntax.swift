/// The parsed form of a rule expression, before type checking.
indirect enum Syntax {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case name(String)
    case list([Located])
    case unary(String, Located)
    case binary(String, Located, Located)
    case call(String, [Located])

    /// A syntax node with the offset of its first character.
    struct Located {
        var syntax: Syntax
        var offset: Int
    }
}
