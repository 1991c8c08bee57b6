import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a small text file — a rule file, an override, a household — or says in words why it cannot:
/// no such file, a folder, a device or a pipe, no permission, too large, not UTF-8 text.
public enum TextFile {
    /// What a file is, for messages.
    public enum Kind: Sendable {
        case household, override, rule, input

        var key: Catalogue.Key {
            switch self {
            case .household: .fileHousehold
            case .override: .fileOverride
            case .rule: .fileRule
            case .input: .fileInput
            }
        }
    }

    /// The file's text.
    /// - Throws: ``Diagnostic`` `file.not-found` (no such file), `file.unreadable` (a folder, a device, no
    ///   permission), `file.too-large` or `file.encoding`, worded in each language.
    public static func read(_ path: String, limit: Int, what: Kind) throws(Diagnostic) -> String {
        let start = SourceLocation(file: path, line: 1, column: 1)
        func cannot(_ code: String, _ reason: LocalizedText) -> Diagnostic {
            .error(code, LocalizedText { Catalogue.format(.fileCannotRead, $0, Catalogue.text(what.key, $0), path, reason($0)) }, at: nil)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw cannot(code == ENOENT ? "file.not-found" : "file.unreadable", describe(errno: code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw cannot("file.unreadable", describe(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw cannot("file.unreadable", describe(errno: EISDIR))
        default: throw cannot("file.unreadable", LocalizedText { Catalogue.text(.reasonDevice, $0) })
        }
        let size = String(info.st_size)
        guard Int(info.st_size) <= limit else {
            throw .error("file.too-large", LocalizedText { Catalogue.format(.fileTooLarge, $0, Catalogue.text(what.key, $0), size, String(limit)) }, at: start)
        }
        var data = Data(count: Int(info.st_size) + 1)
        var count = 0
        while count < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw cannot("file.unreadable", describe(errno: errno)) }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else {
            throw .error("file.too-large", LocalizedText { Catalogue.format(.fileTooLarge, $0, Catalogue.text(what.key, $0), String(count), String(limit)) }, at: start)
        }
        guard let text = String(data: data.prefix(count), encoding: .utf8), !text.contains("\0") else {
            throw .error("file.encoding", LocalizedText { Catalogue.format(.fileNotUTF8, $0, Catalogue.text(what.key, $0)) }, at: start)
        }
        return text
    }

    /// Why a file or network operation failed, in our words, with the system's code kept for an engineer
    /// (`ổ đĩa đã đầy (errno 28)`): the system's own English phrase never reaches a message.
    public static func describe(errno code: Int32) -> LocalizedText {
        let key: Catalogue.Key = switch code {
        case ENOENT: .reasonNoFile
        case EACCES, EPERM: .reasonNoPermission
        case EISDIR: .reasonFolder
        case ENOTDIR: .reasonNotFolder
        case ELOOP: .reasonLoop
        case ENAMETOOLONG: .reasonNameTooLong
        case ENOSPC, EDQUOT: .reasonDiskFull
        case EROFS: .reasonReadOnlyDisk
        case EPIPE: .reasonPipeClosed
        case EIO: .reasonIO
        case EBADF: .reasonClosed
        case EADDRINUSE: .reasonPortInUse
        case EADDRNOTAVAIL: .reasonNoAddress
        case EMFILE, ENFILE: .reasonTooManyFiles
        case EEXIST: .reasonExists
        case EBUSY, ETXTBSY, EAGAIN: .reasonBusy
        case ENOMEM: .reasonNoMemory
        case EFBIG, EOVERFLOW: .reasonTooBig
        default: .reasonSystem
        }
        return LocalizedText { Catalogue.format(.reasonCode, $0, Catalogue.text(key, $0), String(code)) }
    }

    /// Why a Foundation or library call failed, in our words: a POSIX error (itself, or the one underneath a
    /// Foundation error) by its errno; anything else as the system refusing, with the library's own text in
    /// the English message only.
    public static func describe(_ error: any Error) -> LocalizedText {
        let error = error as NSError
        for candidate in [error, error.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap({ $0 }) where candidate.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(candidate.code))
        }
        let detail = "\(error.domain) \(error.code)"
        return LocalizedText { Catalogue.text(.reasonSystem, $0) + ($0 == .en ? " (\(detail))" : "") }
    }
}
