#if Server
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The threads that compute answers: one per core, taking requests first come first served, at a lower
/// scheduling priority than the threads that read and write the network. An answer takes a few
/// milliseconds of one core; run on Swift's cooperative threads it would hold them while connections wait
/// to be read, and a busy server would answer some requests in 3 ms and keep others 150 ms. Here the
/// network threads (and anything else on the machine) run first, and each request waits its turn.
final class ComputePool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var head = 0

    /// Starts `width` threads at nice level `niceness` (0: the process's own).
    init(width: Int = ProcessInfo.processInfo.activeProcessorCount, niceness: Int32 = 5) {
        for i in 0..<max(1, width) {
            let thread = Thread { [unowned self] in
                #if canImport(Glibc)
                // On Linux the nice level of `who` 0 is the calling thread's, not the whole process's.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
                work()
            }
            thread.name = "advise-compute-\(i)"
            thread.start()
        }
    }

    /// Runs `body` on a compute thread when its turn comes.
    func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            condition.lock()
            jobs.append {
                do throws(E) { continuation.resume(returning: .success(try body())) } catch { continuation.resume(returning: .failure(error)) }
            }
            condition.signal()
            condition.unlock()
        }
        return try result.get()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
#endif
