#if Server
import Foundation

/// At most `limit` attempts per key (a client's address) in any `window` seconds: sign-ins and writes
/// beyond it are refused (429) until the oldest attempt leaves the window.
actor AttemptLimiter {
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts an attempt; false when the key has already used its attempts in the window.
    func allow(_ key: String, now: Date) -> Bool {
        var recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
        defer { attempts[key] = recent.isEmpty ? nil : recent }
        guard recent.count < limit else { return false }
        recent.append(now)
        if attempts.count > 10_000 { attempts = attempts.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        return true
    }
}
#endif
