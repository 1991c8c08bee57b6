/// Splits a rule expression into tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// All tokens, ending with `.end`.
    /// - Throws: ``ExpressionError`` for a character that starts no token or an unterminated string.
    mutating func tokens() throws(ExpressionError) -> [Token] {
        var result: [Token] = []
        while true {
            skipSpace()
            let start = index
            guard index < scalars.count else {
                result.append(Token(kind: .end, offset: start))
                return result
            }
            let c = scalars[index]
            if ("0"..."9").contains(c) || (c == "." && peekIsDigit(1)) {
                result.append(Token(kind: .number(try number()), offset: start))
            } else if c == "\"" || c == "'" {
                result.append(Token(kind: .string(try string(quote: c)), offset: start))
            } else if isIdentifierStart(c) {
                var name = ""
                while index < scalars.count, isIdentifierPart(scalars[index]) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                result.append(Token(kind: .identifier(name), offset: start))
            } else {
                let two = index + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[index + 1]])) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    index += 2
                    result.append(Token(kind: .symbol(two), offset: start))
                } else if "+-*/<>()[],".unicodeScalars.contains(c) {
                    index += 1
                    result.append(Token(kind: .symbol(String(c)), offset: start))
                } else if c == "=" {
                    throw ExpressionError(.exprSingleEquals, offset: start)
                } else {
                    throw ExpressionError(.exprCharacter, LocalizedText(verbatim: String(c)), offset: start)
                }
            }
        }
    }

    private mutating func skipSpace() {
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
    }

    private func peekIsDigit(_ ahead: Int) -> Bool {
        index + ahead < scalars.count && ("0"..."9").contains(scalars[index + ahead])
    }

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    private func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    private mutating func number() throws(ExpressionError) -> Double {
        let start = index
        var text = ""
        while index < scalars.count {
            let c = scalars[index]
            if ("0"..."9").contains(c) || c == "." {
                text.unicodeScalars.append(c)
            } else if c == "_" {
                // digit separator
            } else if (c == "e" || c == "E"), peekIsDigit(1) || (index + 2 < scalars.count && (scalars[index + 1] == "-" || scalars[index + 1] == "+")) {
                text.unicodeScalars.append(c)
                index += 1
                text.unicodeScalars.append(scalars[index])
            } else {
                break
            }
            index += 1
        }
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError(.exprNotNumber, LocalizedText(verbatim: text), offset: start)
        }
        if index < scalars.count, isIdentifierStart(scalars[index]) {
            throw ExpressionError(.exprNumberName, offset: index)
        }
        return value
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < scalars.count, scalars[index] != quote {
            text.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count else { throw ExpressionError(.exprUnterminated, offset: start) }
        index += 1
        return text
    }
}
