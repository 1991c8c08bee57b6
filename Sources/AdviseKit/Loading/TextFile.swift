import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a small text file — a rule file, an override, a household — or says in words why it cannot:
/// no such file, a folder, a device or a pipe, no permission, too large, not UTF-8 text.
public enum TextFile {
    /// The file's text.
    /// - Throws: ``Diagnostic`` `file.not-found` (no such file), `file.unreadable` (a folder, a device, no
    ///   permission), `file.too-large` or `file.encoding`; each names `what` the file is.
    public static func read(_ path: String, limit: Int, what: String) throws(Diagnostic) -> String {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw .error(code == ENOENT ? "file.not-found" : "file.unreadable", "cannot read \(what) '\(path)': \(describe(errno: code))", at: nil)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .error("file.unreadable", "cannot read \(what) '\(path)': \(describe(errno: errno))", at: nil) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .error("file.unreadable", "cannot read \(what) '\(path)': \(describe(errno: EISDIR))", at: nil)
        default: throw .error("file.unreadable", "cannot read \(what) '\(path)': it is a device or a pipe, not a file", at: nil)
        }
        guard Int(info.st_size) <= limit else {
            throw .error("file.too-large", "\(what) is \(info.st_size) bytes; it may be at most \(limit)", at: start)
        }
        var data = Data(count: Int(info.st_size) + 1)
        var count = 0
        while count < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .error("file.unreadable", "cannot read \(what) '\(path)': \(describe(errno: errno))", at: nil) }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw .error("file.too-large", "\(what) is larger than \(limit) bytes", at: start) }
        guard let text = String(data: data.prefix(count), encoding: .utf8), !text.contains("\0") else {
            throw .error("file.encoding", "\(what) is not UTF-8 text; save it as UTF-8", at: start)
        }
        return text
    }

    /// Why a file operation failed, in words, for the common causes (the system's phrase otherwise).
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: "there is no such file (check the name and the folder)"
        case EACCES, EPERM: "you do not have permission to read it"
        case EISDIR: "it is a folder, not a file"
        case ENOTDIR: "a part of the path is not a folder"
        case ELOOP: "it is a link that points to itself"
        case ENAMETOOLONG: "the name is too long"
        case ENOSPC, EDQUOT: "the disk is full"
        case EROFS: "the disk is read-only"
        case EPIPE: "the reader of the output has closed it"
        case EIO: "the disk reported an error"
        default: String(cString: strerror(code))
        }
    }
}
