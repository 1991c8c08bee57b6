/// Parses rule expressions by recursive descent.
///
/// Grammar, loosest binding first:
/// `or` → `and` → `not` → comparison (`== != < <= > >= in`, `not in`) → `+ -` → `* /` → unary `-` →
/// number, string, `true`/`false`, name, `min(…)`/`max(…)`, `( … )`, `[ … ]`.
struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    /// Nesting limit, so that a hostile expression cannot exhaust the stack.
    static let depthLimit = 100

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole expression text.
    static func parse(_ text: String) throws(ExpressionError) -> Syntax.Located {
        var lexer = Lexer(text)
        var parser = Parser(tokens: try lexer.tokens())
        let result = try parser.expression()
        guard case .end = parser.current.kind else {
            throw ExpressionError(.exprAfterEnd, parser.describe(parser.current), offset: parser.current.offset)
        }
        return result
    }

    private var current: Token { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isKeyword(_ word: String) -> Bool {
        if case .identifier(word) = current.kind { return true }
        return false
    }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(s) = current.kind { return true }
        return false
    }

    private func describe(_ token: Token) -> LocalizedText {
        switch token.kind {
        case let .number(n): Catalogue.phrase(.exprTokenNumber, [RulePass.number(n)])
        case let .string(s): Catalogue.phrase(.exprTokenString, [s])
        case let .identifier(n): LocalizedText(verbatim: "'\(n)'")
        case let .symbol(s): LocalizedText(verbatim: "'\(s)'")
        case .end: Catalogue.phrase(.exprTokenEnd)
        }
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError(.exprExpected, LocalizedText(verbatim: symbol), describe(current), offset: current.offset)
        }
        advance()
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.depthLimit else {
            throw ExpressionError(.exprTooDeep, LocalizedText(verbatim: String(Self.depthLimit)), offset: current.offset)
        }
        return try body(&self)
    }

    mutating func expression() throws(ExpressionError) -> Syntax.Located {
        try nested { (p: inout Parser) throws(ExpressionError) in try p.or() }
    }

    private mutating func or() throws(ExpressionError) -> Syntax.Located {
        var lhs = try and()
        while isKeyword("or") {
            advance()
            let rhs = try and()
            lhs = Syntax.Located(syntax: .binary("or", lhs, rhs), offset: lhs.offset)
        }
        return lhs
    }

    private mutating func and() throws(ExpressionError) -> Syntax.Located {
        var lhs = try not()
        while isKeyword("and") {
            advance()
            let rhs = try not()
            lhs = Syntax.Located(syntax: .binary("and", lhs, rhs), offset: lhs.offset)
        }
        return lhs
    }

    private mutating func not() throws(ExpressionError) -> Syntax.Located {
        if isKeyword("not") {
            let offset = current.offset
            advance()
            let operand = try nested { (p: inout Parser) throws(ExpressionError) in try p.not() }
            return Syntax.Located(syntax: .unary("not", operand), offset: offset)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionError) -> Syntax.Located {
        let lhs = try additive()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where isSymbol(op) {
            advance()
            let rhs = try additive()
            return Syntax.Located(syntax: .binary(op, lhs, rhs), offset: lhs.offset)
        }
        if isKeyword("in") {
            advance()
            let rhs = try additive()
            return Syntax.Located(syntax: .binary("in", lhs, rhs), offset: lhs.offset)
        }
        if isKeyword("not"), position + 1 < tokens.count, tokens[position + 1].kind == .identifier("in") {
            advance()
            advance()
            let rhs = try additive()
            let inside = Syntax.Located(syntax: .binary("in", lhs, rhs), offset: lhs.offset)
            return Syntax.Located(syntax: .unary("not", inside), offset: lhs.offset)
        }
        return lhs
    }

    private mutating func additive() throws(ExpressionError) -> Syntax.Located {
        var lhs = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            guard case let .symbol(op) = current.kind else { break }
            advance()
            let rhs = try multiplicative()
            lhs = Syntax.Located(syntax: .binary(op, lhs, rhs), offset: lhs.offset)
        }
        return lhs
    }

    private mutating func multiplicative() throws(ExpressionError) -> Syntax.Located {
        var lhs = try unary()
        while isSymbol("*") || isSymbol("/") {
            guard case let .symbol(op) = current.kind else { break }
            advance()
            let rhs = try unary()
            lhs = Syntax.Located(syntax: .binary(op, lhs, rhs), offset: lhs.offset)
        }
        return lhs
    }

    private mutating func unary() throws(ExpressionError) -> Syntax.Located {
        if isSymbol("-") {
            let offset = current.offset
            advance()
            let operand = try nested { (p: inout Parser) throws(ExpressionError) in try p.unary() }
            return Syntax.Located(syntax: .unary("-", operand), offset: offset)
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Syntax.Located {
        let token = current
        switch token.kind {
        case let .number(value):
            advance()
            return Syntax.Located(syntax: .number(value), offset: token.offset)
        case let .string(text):
            advance()
            return Syntax.Located(syntax: .string(text), offset: token.offset)
        case .identifier("true"), .identifier("false"):
            advance()
            return Syntax.Located(syntax: .boolean(token.kind == .identifier("true")), offset: token.offset)
        case let .identifier(name) where ["and", "or", "not", "in"].contains(name):
            throw ExpressionError(.exprKeyword, LocalizedText(verbatim: name), offset: token.offset)
        case let .identifier(name):
            advance()
            guard isSymbol("(") else { return Syntax.Located(syntax: .name(name), offset: token.offset) }
            advance()
            let args = try items(closing: ")")
            return Syntax.Located(syntax: .call(name, args), offset: token.offset)
        case .symbol("("):
            advance()
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("["):
            advance()
            let elements = try items(closing: "]")
            return Syntax.Located(syntax: .list(elements), offset: token.offset)
        default:
            throw ExpressionError(.exprValueExpected, describe(token), offset: token.offset)
        }
    }

    private mutating func items(closing: String) throws(ExpressionError) -> [Syntax.Located] {
        var result: [Syntax.Located] = []
        if isSymbol(closing) {
            advance()
            return result
        }
        while true {
            result.append(try expression())
            if isSymbol(",") {
                advance()
                continue
            }
            try expect(closing)
            return result
        }
    }
}
