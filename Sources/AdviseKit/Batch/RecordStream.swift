/// Turns the bytes of a household list, block by block as they are read, into UTF-8 text of whole records
/// with `\n` line ends — whatever the spreadsheet that wrote it:
/// - UTF-8 with or without a byte-order mark, or UTF-16 (little or big endian, with a byte-order mark, or
///   without one when the first character is ASCII); any other encoding (Windows-1258, TCVN3, VNI) is
///   refused with the line it was found on and how to save the file as UTF-8;
/// - line ends `\r\n`, `\n` or a lone `\r` (old Mac files);
/// - CSV quoting: a line break inside double quotes belongs to the field, not the end of the record
///   (JSON Lines, recognised by a first character `{`, has no such quoting);
/// - a record longer than ``maxRecord`` is not kept in memory: it is replaced by a marker line
///   (``oversizedMarker``), followed by blank lines so that later line numbers stay right, which the row
///   reader answers with an error row; a record (or a stream with no line end) longer than ``maxSkip``
///   stops the read with an error.
///
/// Pure: bytes in, bytes out; the caller reads the file.
public struct RecordStream: Sendable {
    /// The text encodings read.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"
    }

    /// The input's encoding, once the first bytes are seen.
    public private(set) var encoding: Encoding?
    /// Whether double quotes enclose fields that may hold line breaks (CSV; false for JSON Lines).
    public private(set) var quoted = true
    /// The longest record kept, in bytes.
    public let maxRecord: Int
    /// The longest run of bytes without a line end before the read stops.
    public let maxSkip: Int
    /// The first byte of the line that stands for a record longer than ``maxRecord``; the line gives its length.
    public static let oversizedMarker: UInt8 = 0x1A

    private var raw: [UInt8] = []
    private var text: [UInt8] = []
    private var scanned = 0
    private var recordStart = 0
    private var inQuote = false
    private var crOnly: Bool?
    private var started = false
    /// Newlines in the text scanned so far, emitted or not (for the line of an encoding error).
    private var linesScanned = 0
    /// Inside an oversized record: its line breaks and bytes so far.
    private var skipping: (lines: Int, bytes: Int)?

    /// A stream; `maxRecord` defaults to 1 MB (a household row is a few hundred bytes), `maxSkip` to 64 MB.
    public init(maxRecord: Int = 1 << 20, maxSkip: Int = 64 << 20) {
        self.maxRecord = maxRecord
        self.maxSkip = maxSkip
    }

    /// Adds a block as read; returns the whole records it completes (ending with `\n`), or nil when none yet.
    /// - Throws: ``Diagnostic`` `batch.encoding` for text that is not UTF-8 or UTF-16, `batch.line-too-long`
    ///   for a stream without line ends.
    public mutating func feed(_ block: some Collection<UInt8>) throws(Diagnostic) -> [UInt8]? {
        raw.append(contentsOf: block)
        try decode(final: false)
        return try cut(final: false)
    }

    /// The rest at the end of the input (the last record may lack its line end), or nil when nothing is left.
    public mutating func finish() throws(Diagnostic) -> [UInt8]? {
        try decode(final: true)
        return try cut(final: true)
    }

    // MARK: Decoding

    private mutating func decode(final: Bool) throws(Diagnostic) {
        if encoding == nil {
            guard raw.count >= 3 || final else { return }
            if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
                encoding = .utf8
                raw.removeFirst(3)
            } else if raw.starts(with: [0xFF, 0xFE]) {
                encoding = .utf16LE
                raw.removeFirst(2)
            } else if raw.starts(with: [0xFE, 0xFF]) {
                encoding = .utf16BE
                raw.removeFirst(2)
            } else if raw.count >= 2, raw[0] != 0, raw[1] == 0 {
                encoding = .utf16LE
            } else if raw.count >= 2, raw[0] == 0, raw[1] != 0 {
                encoding = .utf16BE
            } else {
                encoding = .utf8
            }
        }
        let before = text.count
        switch encoding {
        case .utf16LE?: try decodeUTF16(bigEndian: false, final: final)
        case .utf16BE?: try decodeUTF16(bigEndian: true, final: final)
        case .utf8?, nil: try decodeUTF8(final: final)
        }
        if text.count > before { normaliseLineEnds(from: before, final: final) }
    }

    private mutating func decodeUTF8(final: Bool) throws(Diagnostic) {
        guard !raw.isEmpty else { return }
        var end = raw.count
        if !final {
            // Keep a sequence the block boundary cut for the next block.
            var back = end - 1
            while back > 0, back > end - 4, raw[back] & 0xC0 == 0x80 { back -= 1 }
            let lead = raw[back]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if back + length > end { end = back }
        }
        let part = raw[..<end]
        if !part.allSatisfy({ $0 < 0x80 }), let bad = Self.firstInvalidUTF8(part) {
            throw encodingError(at: bad)
        }
        text.append(contentsOf: part)
        raw.removeSubrange(..<end)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private mutating func decodeUTF16(bigEndian: Bool, final: Bool) throws(Diagnostic) {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var i = 0
        while i + 1 < raw.count {
            units.append(bigEndian ? UInt16(raw[i]) << 8 | UInt16(raw[i + 1]) : UInt16(raw[i + 1]) << 8 | UInt16(raw[i]))
            i += 2
        }
        // A high surrogate at the end waits for its pair.
        if !final, let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            i -= 2
        }
        if final, i < raw.count { throw encodingError(at: raw.count - 1) }
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { text.append($0) }
        if failed { throw encodingError(at: 0) }
        raw.removeSubrange(..<i)
    }

    private func encodingError(at offset: Int) -> Diagnostic {
        let line = 1 + linesScanned + text[scanned...].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            + raw[..<min(offset, raw.count)].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let legacy = encoding == .utf8 || encoding == nil, name = encoding?.rawValue ?? ""
        return .error("batch.encoding", LocalizedText { language in
            (legacy ? Catalogue.format(.batchNotUTF8, language, String(line)) : Catalogue.format(.batchBadText, language, String(line), name))
                + Catalogue.text(.batchSaveAsUTF8, language)
        }, at: nil)
    }

    /// A file whose first line ends with a lone `\r` (old Mac) has every `\r` read as a line end.
    private mutating func normaliseLineEnds(from start: Int, final: Bool) {
        if crOnly == nil {
            guard let first = text.firstIndex(where: { $0 == 13 || $0 == 10 }) else { return }
            if text[first] == 10 {
                crOnly = false
            } else if first + 1 < text.count {
                crOnly = text[first + 1] != 10
            } else if final {
                crOnly = true
            } else {
                return
            }
            if crOnly == true { replaceCR(from: 0) }
            return
        }
        if crOnly == true { replaceCR(from: start) }
    }

    private mutating func replaceCR(from start: Int) {
        for i in start..<text.count where text[i] == 13 { text[i] = 10 }
    }

    // MARK: Records

    private mutating func cut(final: Bool) throws(Diagnostic) -> [UInt8]? {
        if !started, let first = text.first {
            started = true
            quoted = first != UInt8(ascii: "{")
        }
        // Until the line ends are known, a trailing `\r` may still become one.
        let limit = crOnly == nil && !final && text.last == 13 ? text.count - 1 : text.count
        var out: [UInt8] = []
        var emitted = 0
        var i = scanned
        while i < limit {
            let byte = text[i]
            if let skip = skipping {
                let length = skip.bytes + i - recordStart
                if byte == 34, quoted {
                    inQuote.toggle()
                } else if byte == 10, inQuote {
                    linesScanned += 1
                    skipping?.lines += 1
                } else if byte == 10 {
                    linesScanned += 1
                                        out.append(contentsOf: Self.marker(lines: skip.lines + 1, bytes: length))
                    skipping = nil
                    recordStart = i + 1
                    emitted = i + 1
                } else if length > maxSkip {
                    let megabytes = String(maxSkip >> 20)
                    throw .error("batch.line-too-long", LocalizedText { Catalogue.format(.batchRunsOn, $0, megabytes) }, at: nil)
                }
                i += 1
                continue
            }
            if byte == 10 {
                linesScanned += 1
                if !inQuote { recordStart = i + 1 }
            } else if byte == 34, quoted {
                inQuote.toggle()
            }
            if i + 1 - recordStart > maxRecord {
                // Too long to keep: flush the whole records before it, drop it, skip to the next line end.
                out.append(contentsOf: text[emitted..<recordStart])
                let lines = text[recordStart...i].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                skipping = (lines, i + 1 - recordStart)
                recordStart = i + 1
                emitted = i + 1
            }
            i += 1
        }
        if var skip = skipping {
            skip.bytes += i - recordStart
            skipping = skip
            recordStart = i
            emitted = i
        }
        out.append(contentsOf: text[emitted..<recordStart])
        text.removeSubrange(..<recordStart)
        scanned = i - recordStart
        recordStart = 0
        if final {
            if let skip = skipping {
                out.append(contentsOf: Self.marker(lines: skip.lines + 1, bytes: skip.bytes))
                skipping = nil
            } else {
                out.append(contentsOf: text)
            }
            text.removeAll()
            scanned = 0
        }
        return out.isEmpty ? nil : out
    }

    /// The marker line for an oversized record of `bytes` over `lines` lines, and blank lines for the rest.
    private static func marker(lines: Int, bytes: Int) -> [UInt8] {
        [oversizedMarker] + Array(String(bytes).utf8) + [UInt8](repeating: 10, count: max(1, lines))
    }
}
