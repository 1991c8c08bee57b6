import AdviseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file (or standard input) in large blocks of whole records (``RecordStream``: any encoding and
/// line end a spreadsheet writes, quoted line breaks), so memory stays flat however long it is.
final class ChunkReader {
    private let handle: FileHandle?
    private var pending: Data
    private var stream = RecordStream()
    private var finished = false
    static let blockSize = 1 << 20

    /// Reads `prefix` (bytes already read from the handle), then the rest of the handle.
    init(handle: FileHandle?, prefix: Data = Data()) {
        self.handle = handle
        pending = prefix
    }

    /// Whether records may hold quoted line breaks (CSV), known after the first block.
    var quoted: Bool { stream.quoted }

    /// The next block of whole records (ending with a line break, except perhaps the last), or nil at the end.
    func next() throws -> [UInt8]? {
        while !finished {
            let block = pending.isEmpty ? try handle?.read(upToCount: Self.blockSize) ?? Data() : pending
            pending = Data()
            if block.isEmpty {
                finished = true
                return try stream.finish()
            }
            if let records = try stream.feed(block) { return records }
        }
        return nil
    }
}

/// Where a batch writes: standard output, or a temporary file beside the target that is renamed over it
/// only when the whole run succeeded — an interrupted run never leaves a partial file that looks complete.
final class OutputSink {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var pending = Data()
    /// Whether the output is kept whole until the end, to be written as a workbook (`-o NAME.xlsx`).
    let workbook: Bool

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = .standardOutput
            target = nil
            temporary = nil
            workbook = false
            return
        }
        workbook = path.lowercased().hasSuffix(".xlsx")
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
        if pending.count > 1 << 20, !workbook { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, and moves the temporary file into place; a workbook's output is first turned into its bytes.
    func commit(workbook make: ([UInt8]) throws -> Data = { Data($0) }) throws {
        if workbook { pending = try make(Array(pending)) }
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
