/// A batch run's reading and writing, done by one thread while the others answer a chunk: the output of the
/// chunk before is written, in order, and the next chunk read.
final class ChunkIO: @unchecked Sendable {
    let reader: ChunkReader
    let write: ([UInt8]) throws -> Void
    /// Output answered and not yet written.
    var pending: [OutputBuffer] = []
    /// What the last step's writing threw, and what its reading gave.
    private(set) var writeError: Error?
    private(set) var read: Result<[UInt8]?, Error> = .success(nil)

    init(reader: ChunkReader, write: @escaping ([UInt8]) throws -> Void) {
        self.reader = reader
        self.write = write
    }

    /// Writes what is pending and reads the next chunk.
    func step() {
        do { try flush() } catch { writeError = error }
        read = Result { try reader.next() }
    }

    /// Writes what is pending.
    func flush() throws {
        for out in pending { try write(out.bytes) }
        pending = []
    }
}
