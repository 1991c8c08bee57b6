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

    /// Why a file operation failed, in words, for the common causes (the system's phrase otherwise).
    public static func describe(errno code: Int32) -> LocalizedText {
        let key: Catalogue.Key? = switch code {
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
        default: nil
        }
        let system = String(cString: strerror(code))
        return LocalizedText { language in key.map { Catalogue.text($0, language) } ?? system }
    }
}
