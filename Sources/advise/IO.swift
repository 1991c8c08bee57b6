import AdviseKit
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where output goes: standard output, or a file. A regular file (new or existing) is written to a
/// temporary file beside it (`.NAME.partial-PID`) that is renamed over it only when the whole run
/// succeeded, so an interrupted run never leaves a partial file that looks complete; an existing file keeps
/// its permissions, and a read-only one is refused. A symbolic link is followed: the file it points to is
/// replaced, the link stays. A device, FIFO or socket (`/dev/null`, a pipe) is written through directly.
final class OutputSink {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var pending = Data()
    /// Whether the output is kept whole until the end, to be written as a workbook (`-o NAME.xlsx`).
    let workbook: Bool

    /// Why an output cannot be opened, in words.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = .standardOutput
            target = nil
            temporary = nil
            workbook = false
            return
        }
        workbook = path.lowercased().hasSuffix(".xlsx")
        // Follow a link to what it names (a dangling link names the file it will create).
        var resolved = path
        var info = stat()
        for _ in 0..<40 where lstat(resolved, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: resolved) else { break }
            resolved = destination.hasPrefix("/") ? destination : URL(fileURLWithPath: resolved).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        let exists = stat(resolved, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists, kind == S_IFDIR { throw Refusal(description: Catalogue.text(.refuseFolder, Console.language)) }
        if exists, kind != S_IFREG {
            // A device, FIFO or socket: written through, never replaced.
            guard let h = FileHandle(forWritingAtPath: resolved) else { throw Refusal(description: Console.describe(errno: errno)) }
            handle = h
            target = nil
            temporary = nil
            return
        }
        // Read-only by its permissions is refused even for a user who could override them (root).
        if exists, info.st_mode & 0o222 == 0 || access(resolved, W_OK) != 0 {
            throw Refusal(description: Catalogue.text(.refuseReadOnly, Console.language))
        }
        let url = URL(fileURLWithPath: resolved)
        let directory = url.deletingLastPathComponent().path
        if access(directory, W_OK) != 0 {
            throw Refusal(description: Catalogue.format(.refuseFolderNotWritable, Console.language, directory, Console.describe(errno: errno)))
        }
        Self.removeAbandoned(beside: url)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, exists ? info.st_mode & 0o7777 : 0o666)
        guard fd >= 0 else { throw Refusal(description: Console.describe(errno: errno)) }
        if exists {
            // The replacement keeps the file's permissions (and its owner and group, where allowed).
            fchmod(fd, info.st_mode & 0o7777)
            _ = fchown(fd, info.st_uid, info.st_gid)
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        target = resolved
        temporary = temp
        TemporaryFile.remember(temp)
    }

    func write(_ bytes: [UInt8]) throws {
        pending.append(contentsOf: bytes)
        if pending.count > 1 << 20, !workbook { try flush() }
    }

    /// Writes what is pending, all of it, or throws the reason in words (a full disk, a closed pipe).
    private func flush() throws {
        let fd = handle.fileDescriptor
        try pending.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Refusal(description: Console.describe(errno: errno))
                }
                offset += n
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, and moves the temporary file into place; a workbook's output is first turned into its bytes.
    func commit(workbook make: ([UInt8]) throws -> Data = { Data($0) }) throws {
        if workbook { pending = try make(Array(pending)) }
        try flush()
        guard let target, let temporary else { return }
        guard fsync(handle.fileDescriptor) == 0 else { throw Refusal(description: Console.describe(errno: errno)) }
        try handle.close()
        guard rename(temporary, target) == 0 else { throw Refusal(description: Console.describe(errno: errno)) }
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
