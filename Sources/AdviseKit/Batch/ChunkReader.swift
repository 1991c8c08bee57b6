import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file (or standard input) in large blocks of whole records (``RecordStream``: any encoding and
/// line end a spreadsheet writes, quoted line breaks), so memory stays flat however long it is.
public final class ChunkReader {
    private let handle: FileHandle?
    private var pending: Data
    private var stream = RecordStream()
    private var finished = false
    static let blockSize = 1 << 20

    /// Reads `prefix` (bytes already read from the handle), then the rest of the handle; with no handle,
    /// only `prefix` (an upload, a sheet's rows).
    public init(handle: FileHandle?, prefix: Data = Data()) {
        self.handle = handle
        pending = prefix
    }

    /// Why the input could not be read: the system's error number, said in words by ``reason``.
    public struct ReadFailure: Error, Equatable {
        public let code: Int32
        /// The reason in words, in each language.
        public var reason: LocalizedText { TextFile.describe(errno: code) }
    }

    /// The next block of the handle, as it comes (empty at its end).
    public func readBlock() throws(ReadFailure) -> Data {
        guard let handle else { return Data() }
        var data = Data(count: Self.blockSize)
        while true {
            let n = data.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, Self.blockSize) }
            if n >= 0 { return data.prefix(n) }
            if errno != EINTR { throw ReadFailure(code: errno) }
        }
    }

    /// Whether records may hold quoted line breaks (CSV), known after the first block.
    public var quoted: Bool { stream.quoted }

    /// The next block of whole records (ending with a line break, except perhaps the last), or nil at the end.
    /// - Throws: ``ReadFailure`` when the input cannot be read, a ``Diagnostic`` when it is not text.
    public func next() throws -> [UInt8]? {
        while !finished {
            let block = pending.isEmpty ? try readBlock() : pending
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
