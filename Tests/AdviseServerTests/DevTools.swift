#if Server
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol through a pipe (`--remote-debugging-pipe`: commands
/// on the browser's fd 3, answers on its fd 4, each a JSON text ended by a NUL), so a test can fill in a
/// form, submit it and read the page as a person would, with no WebSocket and no other dependency.
final class DevTools {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let pid: pid_t
    private let commands: Int32, answers: Int32
    private var pending: [UInt8] = []
    private var nextID = 0
    private var session: String?
    private let profile: URL

    /// Starts the browser (in `language`, on a phone-sized screen once ``open(_:)`` is called).
    init(language: String = "vi") throws {
        guard let path = Self.chromium else { throw Failure(description: "no chromium") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("advise-devtools-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe: \(errno)") }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [path, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
                         "--user-data-dir=\(profile.path)", "--lang=\(language)", "--accept-lang=\(language)", "about:blank"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else { throw Failure(description: "posix_spawn: \(status)") }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
    }

    deinit {
        close(commands)
        close(answers)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens a tab on a 360 × 740 phone screen and attaches to it; later commands go to that tab.
    func open(_ url: String) throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], toBrowser: true)
        guard let id = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": id, "flatten": true], toBrowser: true)
        session = attached["sessionId"] as? String
        _ = try send("Emulation.setDeviceMetricsOverride", ["width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true])
        try navigate(url)
    }

    /// Loads a page and waits until it is complete.
    func navigate(_ url: String) throws {
        _ = try send("Page.navigate", ["url": url])
        try wait(until: "document.readyState === 'complete' && location.href === \(Self.quoted(url))")
    }

    /// Evaluates JavaScript in the page; its value.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Waits (up to 30 s) until a JavaScript condition holds.
    func wait(until condition: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? evaluate(condition)) as? Bool == true { return }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(condition)")
    }

    /// A string as a JavaScript literal.
    static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text])
        return String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
    }

    /// Sends a command and waits for its answer (events in between are skipped).
    private func send(_ method: String, _ parameters: [String: Any], toBrowser: Bool = false) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if !toBrowser, let session { message["sessionId"] = session }
        var bytes = Array(try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser closed its pipe") }
            written += n
        }
        while true {
            let reply = try readMessage()
            guard reply["id"] as? Int == nextID else { continue }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// The next NUL-ended message, waiting at most 30 s for it.
    private func readMessage() throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let text = Data(pending[..<end])
                pending.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: text)) as? [String: Any] ?? [:]
            }
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 30_000) > 0 else { throw Failure(description: "the browser did not answer") }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(answers, &buffer, buffer.count)
            guard n > 0 else { throw Failure(description: "the browser closed its pipe") }
            pending += buffer[..<n]
        }
    }
}
#endif
