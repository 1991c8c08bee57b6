#if Server
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where batch uploads run: on threads of their own at a low scheduling priority, off the threads that read
/// the network and answer single households, at most `running` at once and `waiting` more in line. Past
/// that an upload is refused at once (the caller answers 503 with `Retry-After`), so a few large lists can
/// neither stall `/healthz` and the form nor queue without end.
final class UploadLane: @unchecked Sendable {
    private let lock = NSLock()
    private var admitted = 0
    private let slots: DispatchSemaphore
    private let capacity: Int
    private let niceness: Int32

    init(running: Int = 1, waiting: Int = 2, niceness: Int32 = 10) {
        slots = DispatchSemaphore(value: max(1, running))
        capacity = max(1, running) + max(0, waiting)
        self.niceness = niceness
    }

    /// Runs `body` on a thread of its own when a slot is free; nil, at once, when the line is full.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T? {
        let admittedNow = lock.withLock {
            guard admitted < capacity else { return false }
            admitted += 1
            return true
        }
        guard admittedNow else { return nil }
        defer { lock.withLock { admitted -= 1 } }
        let niceness = self.niceness
        return await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let thread = Thread { [slots] in
                #if canImport(Glibc)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
                slots.wait()
                let result = body()
                slots.signal()
                continuation.resume(returning: result)
            }
            thread.name = "advise-upload"
            thread.start()
        }
    }
}
#endif
