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
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// The JSON text on one line, without spaces, for JSON Lines and the advice log.
    public func compact() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the text as UTF-8 bytes (one buffer, no intermediate strings: a full advice is ~30 kB), indented
    /// by `indent`, or on one line without spaces when it is nil.
    private func write(to out: inout [UInt8], indent: Int?) {
        guard let indent else { return writeCompact(to: &out) }
        switch self {
        case .null: out += "null".utf8
        case let .bool(b): out += (b ? "true" : "false").utf8
        case let .int(i): out += String(i).utf8
        case let .double(d): out += (d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null").utf8
        case let .string(s): Self.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]".utf8; return }
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", ".utf8 }
                    item.write(to: &out, indent: 0)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out += "[\n".utf8
            for (i, item) in items.enumerated() {
                Self.pad(&out, indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += (i < items.count - 1 ? ",\n" : "\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (i, (key, value)) in pairs.enumerated() {
                Self.pad(&out, indent + 2)
                Self.escape(key, into: &out)
                out += ": ".utf8
                value.write(to: &out, indent: indent + 2)
                out += (i < pairs.count - 1 ? ",\n" : "\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func writeCompact(to out: inout [UInt8]) {
        switch self {
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out, indent: nil)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out, indent: nil)
            }
            out.append(UInt8(ascii: "}"))
        default:
            write(to: &out, indent: 0)
        }
    }

    private static func pad(_ out: inout [UInt8], _ count: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as its UTF-8.
    private static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case UInt8(ascii: "\n"): out += "\\n".utf8
                case UInt8(ascii: "\r"): out += "\\r".utf8
                case UInt8(ascii: "\t"): out += "\\t".utf8
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
