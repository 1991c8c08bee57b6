#if Server
import AdviseKit
import Foundation

/// Where the advice log is written: one write at a time on a thread of its own, never on the threads that
/// compute answers — a log locked by another program makes a write wait its busy timeout, and that wait holds
/// the write alone, not an answer's thread. It also keeps the log's health as `/healthz` reports it: the code of
/// the last write's failure, until a write succeeds.
final class LogLane: @unchecked Sendable {
    private let queue = DispatchQueue(label: "advise-log-writes")
    private let lock = NSLock()
    private var lastFailure: String?

    /// Runs a write in turn; its result, the failure remembered (or forgotten on success).
    func write<T: Sendable>(_ body: @escaping @Sendable () -> Result<T, Diagnostic>) async -> Result<T, Diagnostic> {
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
        let failure: String? = if case let .failure(d) = result { d.code } else { nil }
        lock.withLock { lastFailure = failure }
        return result
    }

    /// The code of the last write's failure; nil when the last write succeeded (or none was made).
    var failing: String? { lock.withLock { lastFailure } }
}
#endif
