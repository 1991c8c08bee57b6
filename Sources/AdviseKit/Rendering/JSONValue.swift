/// A JSON value with ordered object keys, written deterministically (same value, same bytes).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Whole VND, rounded half away from zero.
    public static func vnd(_ value: Double) -> JSONValue { .int(Int64(value.rounded())) }

    /// `nil` as null.
    public static func optional<T>(_ value: T?, _ wrap: (T) -> JSONValue) -> JSONValue { value.map(wrap) ?? .null }

    /// The JSON text, indented by two spaces, keys in the order given.
    public func serialized(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// The JSON text on one line, for JSON Lines.
    public func compact() -> String {
        switch self {
        case let .array(items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case let .object(pairs):
            return "{" + pairs.map { key, value in
                var k = ""
                Self.escape(key, into: &k)
                return k + ":" + value.compact()
            }.joined(separator: ",") + "}"
        default: return serialized()
        }
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
        case let .string(s): Self.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                out += "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: indent + 2)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += pad + "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += inner
                Self.escape(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 2)
                out += i < pairs.count - 1 ? ",\n" : "\n"
            }
            out += pad + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
