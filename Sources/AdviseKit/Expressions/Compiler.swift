/// Type-checks parsed expressions and compiles them to closures.
///
/// Types: number, boolean, a level of a named scale, and string literals (which only make sense
/// compared with a level, and are checked against the scale's level ids).
struct Compiler {
    typealias Values = [Double]

    enum Typed {
        case number(@Sendable (Values) -> Double)
        case boolean(@Sendable (Values) -> Bool)
        case level(scale: String, @Sendable (Values) -> Double)
        case string(String, offset: Int)
        case list([Typed], offset: Int)

        /// What the value is, in words.
        var name: LocalizedText {
            switch self {
            case .number: Catalogue.phrase(.exprTypeNumber)
            case .boolean: Catalogue.phrase(.exprTypeBoolean)
            case let .level(scale, _): Catalogue.phrase(.exprTypeLevel, [scale])
            case .string: Catalogue.phrase(.exprTypeText)
            case .list: Catalogue.phrase(.exprTypeList)
            }
        }
    }

    let names: NameTable
    private(set) var facts: [HouseholdFact] = []

    init(names: NameTable) { self.names = names }

    /// Parses and compiles a condition (an expression of type true/false).
    static func condition(_ text: String, names: NameTable) throws(ExpressionError) -> Condition {
        let syntax = try Parser.parse(text)
        var compiler = Compiler(names: names)
        let typed = try compiler.compile(syntax)
        guard case let .boolean(f) = typed else {
            throw ExpressionError(.exprNotCondition, typed.name, offset: syntax.offset, code: "expr.type")
        }
        return Condition(text: text, facts: compiler.facts, evaluate: f)
    }

    private func typeError(_ key: Catalogue.Key, _ arguments: LocalizedText..., at offset: Int) -> ExpressionError {
        ExpressionError(key, arguments: arguments, offset: offset, code: "expr.type")
    }

    mutating func compile(_ node: Syntax.Located) throws(ExpressionError) -> Typed {
        switch node.syntax {
        case let .number(v): return .number { _ in v }
        case let .boolean(b): return .boolean { _ in b }
        case let .string(s): return .string(s, offset: node.offset)
        case let .list(items):
            var typed: [Typed] = []
            for item in items { typed.append(try compile(item)) }
            return .list(typed, offset: node.offset)
        case let .name(name): return try resolve(name, node.offset)
        case let .unary(op, operand): return try unary(op, operand)
        case let .binary(op, lhs, rhs): return try binary(op, lhs, rhs, node.offset)
        case let .call(name, args): return try call(name, args, node.offset)
        }
    }

    private mutating func resolve(_ name: String, _ offset: Int) throws(ExpressionError) -> Typed {
        if let fact = HouseholdFact.named(name) {
            if !facts.contains(fact) { facts.append(fact) }
            let slot = fact.rawValue
            if let scale = fact.scale { return .level(scale: scale) { $0[slot] } }
            return .number { $0[slot] }
        }
        if let value = names.constants[name] { return .number { _ in value } }
        if let suggestion = Spelling.closest(to: name, among: names.allNames) {
            throw ExpressionError(.exprUnknownName, LocalizedText(verbatim: name), offset: offset, code: "expr.unknown-name").suggesting(suggestion)
        }
        throw ExpressionError(.exprUnknownNameList, LocalizedText(verbatim: name), LocalizedText(verbatim: names.allNames.joined(separator: ", ")),
                              offset: offset, code: "expr.unknown-name")
    }

    private mutating func unary(_ op: String, _ operand: Syntax.Located) throws(ExpressionError) -> Typed {
        let typed = try compile(operand)
        switch (op, typed) {
        case let ("-", .number(f)): return .number { -f($0) }
        case let ("not", .boolean(f)): return .boolean { !f($0) }
        default:
            throw typeError(.exprCannotApply, LocalizedText(verbatim: op), typed.name, at: operand.offset)
        }
    }

    private func number(_ t: Typed, _ offset: Int, _ op: String) throws(ExpressionError) -> @Sendable (Values) -> Double {
        guard case let .number(f) = t else { throw typeError(.exprNeedsNumber, LocalizedText(verbatim: op), t.name, at: offset) }
        return f
    }

    private func boolean(_ t: Typed, _ offset: Int, _ op: String) throws(ExpressionError) -> @Sendable (Values) -> Bool {
        guard case let .boolean(f) = t else { throw typeError(.exprNeedsBoolean, LocalizedText(verbatim: op), t.name, at: offset) }
        return f
    }

    /// The position of a string literal on a scale, or a type error naming the scale's levels.
    private func level(_ text: String, of scale: String, _ offset: Int) throws(ExpressionError) -> Double {
        let levels = names.scales[scale] ?? []
        guard let index = levels.firstIndex(of: text) else {
            throw typeError(.exprNotLevel, LocalizedText(verbatim: text), LocalizedText(verbatim: scale), LocalizedText(verbatim: levels.joined(separator: ", ")), at: offset)
                .suggesting(Spelling.closest(to: text, among: levels))
        }
        return Double(index)
    }

    /// Both sides as numbers on a common footing: two numbers, or a level compared with a level or a level literal.
    private func ordinals(_ l: Typed, _ r: Typed, _ lo: Int, _ ro: Int, _ op: String) throws(ExpressionError)
        -> (@Sendable (Values) -> Double, @Sendable (Values) -> Double)?
    {
        switch (l, r) {
        case let (.number(a), .number(b)): return (a, b)
        case let (.level(s1, a), .level(s2, b)):
            guard s1 == s2 else { throw typeError(.exprLevels, LocalizedText(verbatim: s1), LocalizedText(verbatim: s2), at: ro) }
            return (a, b)
        case let (.level(s, a), .string(text, offset)):
            let v = try level(text, of: s, offset)
            return (a, { _ in v })
        case let (.string(text, offset), .level(s, b)):
            let v = try level(text, of: s, offset)
            return ({ _ in v }, b)
        default:
            return nil
        }
    }

    private mutating func binary(_ op: String, _ lhs: Syntax.Located, _ rhs: Syntax.Located, _ offset: Int) throws(ExpressionError) -> Typed {
        let l = try compile(lhs), r = try compile(rhs)
        switch op {
        case "and", "or":
            let a = try boolean(l, lhs.offset, op), b = try boolean(r, rhs.offset, op)
            return op == "and" ? .boolean { a($0) && b($0) } : .boolean { a($0) || b($0) }
        case "+", "-", "*", "/":
            let a = try number(l, lhs.offset, op), b = try number(r, rhs.offset, op)
            switch op {
            case "+": return .number { a($0) + b($0) }
            case "-": return .number { a($0) - b($0) }
            case "*": return .number { a($0) * b($0) }
            default: return .number { let d = b($0); return d == 0 ? 0 : a($0) / d }
            }
        case "==", "!=":
            if case let .boolean(a) = l, case let .boolean(b) = r {
                return op == "==" ? .boolean { a($0) == b($0) } : .boolean { a($0) != b($0) }
            }
            guard let (a, b) = try ordinals(l, r, lhs.offset, rhs.offset, op) else {
                throw typeError(.exprCompare, l.name, r.name, at: rhs.offset)
            }
            return op == "==" ? .boolean { a($0) == b($0) } : .boolean { a($0) != b($0) }
        case "<", "<=", ">", ">=":
            guard let (a, b) = try ordinals(l, r, lhs.offset, rhs.offset, op) else {
                throw typeError(.exprOrder, LocalizedText(verbatim: op), l.name, r.name, at: rhs.offset)
            }
            switch op {
            case "<": return .boolean { a($0) < b($0) }
            case "<=": return .boolean { a($0) <= b($0) }
            case ">": return .boolean { a($0) > b($0) }
            default: return .boolean { a($0) >= b($0) }
            }
        case "in":
            guard case let .list(items, _) = r else { throw typeError(.exprInList, r.name, at: rhs.offset) }
            var members: [Double] = []
            let value: @Sendable (Values) -> Double
            switch l {
            case let .level(scale, f):
                value = f
                for item in items {
                    guard case let .string(text, o) = item else { throw typeError(.exprLevelList, LocalizedText(verbatim: scale), item.name, at: rhs.offset) }
                    members.append(try level(text, of: scale, o))
                }
            case let .number(f):
                var numbers: [@Sendable (Values) -> Double] = []
                for item in items {
                    guard case let .number(g) = item else { throw typeError(.exprNumberList, item.name, at: rhs.offset) }
                    numbers.append(g)
                }
                let candidates = numbers
                return .boolean { v in let x = f(v); return candidates.contains { $0(v) == x } }
            default:
                throw typeError(.exprInLeft, l.name, at: lhs.offset)
            }
            let set = members
            return .boolean { set.contains(value($0)) }
        default:
            throw ExpressionError(.exprOperator, LocalizedText(verbatim: op), offset: offset)
        }
    }

    private mutating func call(_ name: String, _ args: [Syntax.Located], _ offset: Int) throws(ExpressionError) -> Typed {
        guard name == "min" || name == "max" else {
            throw ExpressionError(.exprFunction, LocalizedText(verbatim: name), offset: offset, code: "expr.unknown-name")
        }
        guard args.count >= 2 else { throw typeError(.exprTwoNumbers, LocalizedText(verbatim: name), at: offset) }
        var fs: [@Sendable (Values) -> Double] = []
        for arg in args { fs.append(try number(try compile(arg), arg.offset, name)) }
        let all = fs
        return name == "min"
            ? .number { v in all.dropFirst().reduce(all[0](v)) { Swift.min($0, $1(v)) } }
            : .number { v in all.dropFirst().reduce(all[0](v)) { Swift.max($0, $1(v)) } }
    }
}
