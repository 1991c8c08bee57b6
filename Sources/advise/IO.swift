import AdviseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file (or standard input) in large blocks of whole lines, so memory stays flat however long it is.
final class ChunkReader {
    private let handle: FileHandle
    private var carry: [UInt8] = []
    private var finished = false
    static let blockSize = 1 << 20
    /// The longest line read: a household row is a few hundred bytes, so a longer line is not a household
    /// list (`/dev/zero`, a binary file) and the read stops instead of growing without end.
    static let maxLine = 4 << 20

    init?(path: String) {
        if path == "-" {
            handle = .standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else { return nil }
            handle = h
        }
    }

    /// The next block of whole lines (ending with a line break, except perhaps the last), or nil at the end.
    func next() throws -> [UInt8]? {
        while true {
            if finished {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return carry
            }
            let block = try handle.read(upToCount: Self.blockSize) ?? Data()
            if block.isEmpty {
                finished = true
                continue
            }
            carry.append(contentsOf: block)
            guard let last = carry.lastIndex(of: UInt8(ascii: "\n")) else {
                if carry.count > Self.maxLine {
                    throw Diagnostic.error("batch.line-too-long", "a line is longer than \(Self.maxLine >> 20) MB without a line break: this is not a household list (CSV or JSON Lines)", at: nil)
                }
                continue
            }
            let chunk = Array(carry[...last])
            carry.removeSubrange(...last)
            return chunk
        }
    }
}

/// Lines of a block of text, without their line breaks (`\r\n` or `\n`); empty lines included, so that
/// line numbers stay right.
func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var i = start
    while i < utf8.endIndex {
        if utf8[i] == 10 {
            var end = i
            if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
            lines.append(text[start..<end])
            start = utf8.index(after: i)
        }
        i = utf8.index(after: i)
    }
    if start < utf8.endIndex { lines.append(text[start...]) }
    return lines
}

/// Where a batch writes: standard output, or a temporary file beside the target that is renamed over it
/// only when the whole run succeeded — an interrupted run never leaves a partial file that looks complete.
final class OutputSink {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var pending = Data()

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = .standardOutput
            target = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        Self.removeAbandoned(beside: url)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        guard FileManager.default.createFile(atPath: temp, contents: nil), let h = FileHandle(forWritingAtPath: temp) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        handle = h
        target = path
        temporary = temp
        TemporaryFile.remember(temp)
    }

    func write(_ bytes: [UInt8]) throws {
        pending.append(contentsOf: bytes)
        if pending.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, and moves the temporary file into place.
    func commit() throws {
        try flush()
        guard let target, let temporary else { return }
        try handle.close()
        guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
        TemporaryFile.forget()
    }

    /// Removes the partial files of earlier runs for the same target whose process is gone (a run killed
    /// with SIGKILL cannot clean up after itself); a partial file of a run still going is left alone.
    static func removeAbandoned(beside target: URL) {
        let directory = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }

    /// Removes the temporary file after a failure.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        unlink(temporary)
        TemporaryFile.forget()
    }
}

/// Removes a half-written output file when the run is interrupted (Ctrl-C or a kill).
enum TemporaryFile {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

    static func remember(_ p: String) {
        path = strdup(p)
        // A parent may have left these signals blocked or ignored; a batch must still stop cleanly on them.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in
                if let p = TemporaryFile.path { unlink(p) }
                _exit(128 + number)
            }
        }
    }

    static func forget() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        free(path)
        path = nil
    }
}
