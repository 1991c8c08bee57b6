/// One record of a batch input — a CSV row (which may span lines, when a quoted cell holds a line break),
/// a JSON line or a sheet row — with the line (or sheet row) it starts on, for its error messages.
public struct BatchRecord: Sendable {
    public var text: Substring
    public var line: Int

    public init(_ text: Substring, line: Int) {
        self.text = text
        self.line = line
    }

    /// The non-blank records of a text of whole records (from ``RecordStream``), numbered from
    /// `firstLine`; a `\r` before a line end is dropped, blank lines are skipped but counted.
    public static func records(of text: String, quoted: Bool, firstLine: Int) -> [BatchRecord] {
        var records: [BatchRecord] = []
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        _ = utf8.withContiguousStorageIfAvailable { bytes in
            scan(bytes, quoted: quoted, firstLine: firstLine) { range, line in
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                records.append(BatchRecord(text[start..<utf8.index(start, offsetBy: range.count)], line: line))
            }
        }
        return records
    }

    /// Calls `body` with the byte range and first line of each non-blank record of `bytes` (whole records,
    /// from ``RecordStream``), numbered from `firstLine`; a `\r` before a line end is left out.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, firstLine: Int, _ body: (Range<Int>, Int) -> Void) {
        var start = 0
        var startLine = firstLine
        var line = firstLine
        var inQuote = false
        func close(_ end: Int) {
            var stop = end
            if stop > start, bytes[stop - 1] == 13 { stop -= 1 }
            if stop > start { body(start..<stop, startLine) }
        }
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte == 10 {
                line += 1
                if !inQuote {
                    close(i)
                    start = i + 1
                    startLine = line
                }
            } else if byte == 34, quoted {
                inQuote.toggle()
            }
        }
        if start < bytes.count { close(bytes.count) }
    }

    /// The end of the first record of a block (after its line break) and the lines it spans.
    public static func firstEnd(of bytes: [UInt8], quoted: Bool) -> (end: Int, lines: Int) {
        var inQuote = false
        var lines = 0
        for (i, byte) in bytes.enumerated() {
            if byte == 10 {
                lines += 1
                if !inQuote { return (i + 1, lines) }
            } else if byte == 34, quoted {
                inQuote.toggle()
            }
        }
        return (bytes.count, lines + 1)
    }

    /// Splits a block of whole records into about equal parts at record ends, with the lines each holds,
    /// so that workers can answer the parts side by side.
    public static func split(_ bytes: [UInt8], into parts: Int, quoted: Bool) -> [(range: Range<Int>, lines: Int)] {
        var result: [(Range<Int>, Int)] = []
        var start = 0
        var i = 0
        var inQuote = false
        var lines = 0
        for p in 1...max(1, parts) {
            let target = p == parts ? bytes.count : max(start, bytes.count * p / parts)
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                if byte == 10 {
                    lines += 1
                    if !inQuote, i >= target { break }
                } else if byte == 34, quoted {
                    inQuote.toggle()
                }
            }
            if i == bytes.count, i > start, bytes[i - 1] != 10 { lines += 1 }
            if i > start { result.append((start..<i, lines)) }
            start = i
            lines = 0
        }
        return result
    }
}
