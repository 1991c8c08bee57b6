/// Bytes of batch output, appended without intermediate strings: the writer of a million rows spends its
/// time here, so numbers are written digit by digit.
public struct OutputBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    public mutating func append(_ text: Substring) { bytes.append(contentsOf: text.utf8) }

    public mutating func append(byte: UInt8) { bytes.append(byte) }

    public mutating func append(_ raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }

    /// A whole number in decimal.
    public mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A value rounded to a whole number.
    public mutating func append(rounded value: Double) { append(Int64(value.rounded())) }

    /// A CSV field: quoted when it holds a comma, a quote or a line break, and written as text when a
    /// spreadsheet would run it as a formula (``CSVLine/escape(_:)``).
    public mutating func appendCSV(_ text: String) {
        var text = text
        text.withUTF8 { appendCSV($0) }
    }

    /// A CSV field from its UTF-8 bytes, as ``appendCSV(_:)-(String)`` writes it.
    public mutating func appendCSV(_ field: UnsafeBufferPointer<UInt8>) {
        if CSVLine.startsFormula(field.first) || field.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
            append(CSVLine.escape(String(decoding: field, as: UTF8.self)))
        } else {
            append(field)
        }
    }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
