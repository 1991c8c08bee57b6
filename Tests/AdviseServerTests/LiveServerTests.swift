#if Server
import AdviseKit
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import NIOPosix
import NIOSSL
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `advise-server` on a loopback port, used as an officer uses it: headless Chromium on a
/// 360-px phone screen in Vietnamese opens the form, fills it in, submits it and reads the report; and the
/// server stops cleanly on SIGTERM. (`.ci/run` installs Debian's `chromium`; without a browser the browser
/// test is skipped and says so.)
@Suite(.serialized) struct LiveServerTests {
    /// A started server and its address.
    final class Server {
        let process = Process()
        let base: String
        /// The advice log of this server, in a folder of its own.
        let logFolder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-live-\(UUID().uuidString)")

        /// - Parameter arguments: more of the server's flags.
        init(_ arguments: [String] = []) throws {
            // An officer, made on the command line as the README says.
            let users = Process()
            users.executableURL = ServerFixtures.executable("advise")
            users.arguments = ["users", "add", "bao", "--role", "officer", "--password-stdin", "--log-db", logFolder.appendingPathComponent("log.sqlite").path]
            let password = Pipe()
            users.standardInput = password
            users.standardError = FileHandle.nullDevice
            try users.run()
            password.fileHandleForWriting.write(Data("bao-password-1\n".utf8))
            try password.fileHandleForWriting.close()
            users.waitUntilExit()
            process.executableURL = ServerFixtures.executable("advise-server")
            process.arguments = ["--port", "0", "--rules", ServerFixtures.rulesPath, "--log-db", logFolder.appendingPathComponent("log.sqlite").path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["ADVISE_TODAY"] = ServerFixtures.today
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line says where it listens: "advise-server: http://127.0.0.1:PORT/ (…)" (or https://).
            let text = LiveServerTests.firstLine(out)
            guard let start = text.range(of: "http://") ?? text.range(of: "https://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
                process.terminate()
                throw DevTools.Failure(description: "the server did not say where it listens: \(text)")
            }
            base = String(text[start.lowerBound..<end]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: logFolder)
        }
    }

    @Test(.enabled(if: DevTools.chromium != nil, "needs chromium (apt-get install chromium)"))
    func anOfficerFillsInTheFormOnAPhoneAndReadsTheReport() throws {
        let server = try Server()
        let browser = try DevTools(language: "vi")
        try browser.open(server.base + "/")
        #expect(try browser.evaluate("document.documentElement.lang") as? String == "vi", "a Vietnamese phone gets the Vietnamese form")
        #expect(try browser.evaluate("document.documentElement.scrollWidth") as? Int ?? 999 <= 360, "the form fits a 360-px screen")
        // Numbers short of their unit are caught on the phone before anything is sent, in the server's words.
        _ = try browser.evaluate("""
            (function () {
              var f = document.forms[0];
              f.land.value = '7000'; f.land_unit.value = 'ha'; f.capital.value = '150';
              f.querySelector('button[type=submit]').click();
              return true;
            })()
            """)
        try browser.wait(until: "document.querySelectorAll('.check').length === 2")
        let checks = try browser.evaluate("Array.prototype.map.call(document.querySelectorAll('.check'), function (p) { return p.textContent; }).join('|')") as? String
        #expect(checks == "'7000 ha' là 70.000.000 m², hơn 50 ha — hãy kiểm tra đơn vị (7000 là m², 7 công, 0,7ha)|'150' là 150 ₫, ít hơn 100.000 ₫ — có phải 150tr? (0 nếu không có)")
        #expect(try browser.evaluate("location.pathname") as? String == "/", "nothing was sent")
        _ = try browser.evaluate("""
            (function () {
              var f = document.forms[0];
              f.land.value = '7'; f.land_unit.value = 'cong'; f.capital.value = '150 triệu';
              f.flood.value = 'occasional'; f.members.value = '4'; f.id.value = 'H-07';
              f.querySelector('button[type=submit]').click();
              return true;
            })()
            """)
        try browser.wait(until: "location.pathname === '/advice' && document.readyState === 'complete'")
        let url = try browser.evaluate("location.href") as? String ?? ""
        #expect(url.contains("land=7") && url.contains("land_unit=cong") && url.contains("capital=150+tri%E1%BB%87u"), "the answer's address can be shared: \(url)")

        var input = HouseholdInput(id: "H-07")
        input[.landM2] = .init("7 cong")
        input[.capitalVND] = .init("150 triệu")
        input[.flood] = .init("occasional")
        input[.members] = .init("4")
        let ruleSet = ServerFixtures.ruleSet
        let advice = AdviceRequest(input: input, today: ServerFixtures.today).advice(try HouseholdParser(settings: ruleSet.settings).parse(input), ruleSet: ruleSet)
        let headline = ReportContent(advice: advice, settings: ruleSet.settings, language: .vi, date: ServerFixtures.today).headline
        #expect(try browser.evaluate("document.querySelector('.advice h2').innerText") as? String == headline)
        let message = MessageRenderer(language: .vi, ascii: false).render(advice, settings: ruleSet.settings)
        #expect(try browser.evaluate("document.getElementById('message').value") as? String == message, "the message is ready to copy")
        #expect(try browser.evaluate("document.getElementById('print').hidden") as? Bool == false, "the script ran under the page's policy")
        #expect(try browser.evaluate("document.documentElement.scrollWidth") as? Int ?? 999 <= 360, "the report fits a 360-px screen")

        // Opening the advice records nothing; the officer signs in, comes back, and records it with the
        // household's consent; after the visit, they record what the household did, on the phone.
        #expect(try browser.evaluate("document.querySelector('.logged').innerText") as? String ?? "" == "Đăng nhập để ghi tư vấn này vào sổ")
        _ = try browser.evaluate("document.querySelector('.logged a').click()")
        try browser.wait(until: "location.pathname === '/signin' && document.readyState === 'complete'")
        _ = try browser.evaluate("""
            (function () { var f = document.forms[0]; f.elements['name'].value = 'bao'; f.password.value = 'bao-password-1'; f.querySelector('button').click(); return true; })()
            """)
        try browser.wait(until: "location.pathname === '/advice' && document.readyState === 'complete' && document.querySelector('.logged form') !== null")
        #expect(try browser.evaluate("document.querySelector('.user span').innerText") as? String == "Đang đăng nhập: bao (cán bộ khuyến nông)")
        _ = try browser.evaluate("""
            (function () { var f = document.querySelector('.logged form[action^="/record"]'); f.consent.checked = true; f.querySelector('button').click(); return true; })()
            """)
        try browser.wait(until: "location.pathname.startsWith('/log/') && document.readyState === 'complete'")
        let path = try browser.evaluate("location.pathname") as? String ?? ""
        #expect(path.count == "/log/".count + 32, "the record is known by its reference: \(path)")
        #expect((try browser.evaluate("document.querySelector('.record').innerText") as? String ?? "").contains("Hộ H-07"), "kept with consent")
        #expect(try browser.evaluate("document.documentElement.scrollWidth") as? Int ?? 999 <= 360, "the log page fits a 360-px screen")
        _ = try browser.evaluate("""
            (function () {
              var f = document.querySelector('form[action*="/follow-up"]');
              f.model.value = 'organic-coconut'; f.area.value = '4 công'; f.invested.value = '60 triệu'; f.loan.value = 'bảy chục';
              f.querySelector('button[type=submit]').click();
              return true;
            })()
            """)
        try browser.wait(until: "document.readyState === 'complete' && document.querySelector('.errors') !== null")
        let refused = try browser.evaluate("document.querySelector('.errors').innerText") as? String ?? ""
        #expect(refused.contains("Vay: 'bảy chục'"), "a mistyped amount is named with its field: \(refused)")
        #expect(try browser.evaluate("document.querySelector('form[action*=\"/follow-up\"]').invested.value") as? String == "60 triệu", "the values are kept")
        _ = try browser.evaluate("(function () { var f = document.querySelector('form[action*=\"/follow-up\"]'); f.loan.value = '20tr'; f.querySelector('button[type=submit]').click(); return true; })()")
        try browser.wait(until: "location.pathname === '\(path)' && document.readyState === 'complete' && document.querySelector('.errors') === null")
        let page = try browser.evaluate("document.querySelector('.reports').innerText") as? String ?? ""
        #expect(page.contains("thực hiện: organic-coconut, quy mô 4.000, đầu tư 60.000.000 ₫, vay 20.000.000 ₫"), "\(page)")

        // Signing out ends the session: the record is behind the sign-in form again.
        _ = try browser.evaluate("document.querySelector('.user form button').click()")
        try browser.wait(until: "location.pathname === '/' && document.readyState === 'complete'")
        _ = try browser.evaluate("location.href = '\(path)'")
        try browser.wait(until: "location.pathname === '/signin' && document.readyState === 'complete'")

        // A mistyped value comes back on the same form, named in Vietnamese with the forms it takes.
        try browser.navigate(server.base + "/?lang=vi")
        _ = try browser.evaluate("(function () { var f = document.forms[0]; f.land.value = 'bảy công rưỡi'; f.querySelector('button[type=submit]').click(); return true; })()")
        try browser.wait(until: "location.pathname === '/advice' && document.readyState === 'complete'")
        let errors = try browser.evaluate("document.querySelector('.errors').innerText") as? String ?? ""
        #expect(errors.contains("Diện tích đất có thể chuyển đổi: 'bảy công rưỡi' không phải là diện tích; hãy viết như 7000 (m²)"), "\(errors)")
        #expect(try browser.evaluate("document.forms[0].land.value") as? String == "bảy công rưỡi")
    }

    /// A mistyped flag of the server is answered in Vietnamese (exit 64), in English with `--lang en`.
    @Test func theServersFlagErrorsSpeakTheUsersLanguage() throws {
        for (arguments, expected) in [(["--prot", "80"], "Lỗi: không có cờ '--prot'; có phải là '--port'?"),
                                      (["--port", "99999", "--lang", "en"], "Error: --port: takes a whole number from 0 to 65535")] {
            let (status, text) = try Self.refused(arguments)
            #expect(status == 64)
            #expect(text.contains(expected), "\(text)")
        }
    }

    /// Runs a server that is to stop at start: its exit status and what it wrote to standard error.
    static func refused(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = ServerFixtures.executable("advise-server")
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// What a process has written to `pipe` up to its first line end (at most 30 s).
    static func firstLine(_ pipe: Pipe) -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// A server opened to the network over plain HTTP says so, naming the risk (in Vietnamese).
    @Test func anOpenHostIsWarnedAbout() throws {
        let process = Process()
        process.executableURL = ServerFixtures.executable("advise-server")
        process.arguments = ["--host", "0.0.0.0", "--port", "0", "--rules", ServerFixtures.rulesPath, "--no-log"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let text = Self.firstLine(err)
        #expect(text.contains("cảnh báo: --host 0.0.0.0") && text.contains("HTTPS"), "\(text)")
    }

    /// A port another server holds is exit 70, said in our words with the system's code.
    @Test func aPortInUseIsSaidInVietnamese() throws {
        let first = try Server()
        let port = try #require(first.base.split(separator: ":").last.map(String.init))
        let (status, text) = try Self.refused(["--port", port, "--rules", ServerFixtures.rulesPath, "--no-log"])
        #expect(status == 70)
        #expect(text == "advise-server: không mở được cổng \(port) trên 127.0.0.1: một chương trình khác đang dùng cổng này (chọn cổng khác bằng --port, hoặc dừng chương trình kia) (errno \(EADDRINUSE))\n")
    }

    @Test func theServerStopsCleanlyOnSIGTERM() throws {
        let server = try Server()
        let health = try Data(contentsOf: URL(string: server.base + "/healthz")!)
        #expect(String(decoding: health, as: UTF8.self).contains("\"status\": \"ok\""))
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0, "a graceful stop, not a kill")
    }

    /// Two large lists uploaded at once leave the server responsive: `/healthz` answers within 100 ms while both
    /// run (they run on threads of their own, one at a time; ``UploadLaneTests`` for the line's limit).
    @Test func twoUploadsDoNotStallTheServer() throws {
        let server = try Server()
        // A register-like list: every household its own (land to the m², capital to the 100.000 ₫).
        var rows = ["id,land,capital,flood,labour,members"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for i in 0..<3000 {
            rows.append("R\(i),\(200 + next(20000)),\(next(3000) * 100_000),\(["none", "occasional", "frequent"][next(3)]),\(1 + next(3)),\(2 + next(5))")
        }
        let upload = Data((rows.joined(separator: "\n") + "\n").utf8)
        let group = DispatchGroup()
        let statuses = LockedList()
        for _ in 0..<2 {
            group.enter()
            var request = URLRequest(url: URL(string: server.base + "/api/v1/batch?single=1")!)
            request.httpMethod = "POST"
            request.httpBody = upload
            request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
            request.timeoutInterval = 300
            URLSession.shared.dataTask(with: request) { _, response, _ in
                statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
                group.leave()
            }.resume()
        }
        Thread.sleep(forTimeInterval: 0.3)
        var latencies: [Double] = []
        while group.wait(timeout: .now() + 0.2) == .timedOut, latencies.count < 100 {
            let start = Date()
            _ = try Data(contentsOf: URL(string: server.base + "/healthz")!)
            latencies.append(Date().timeIntervalSince(start))
        }
        group.wait()
        #expect(statuses.values == [200, 200], "both lists are answered")
        #expect(latencies.count >= 3, "the uploads ran long enough to be measured beside: \(latencies.count) checks")
        #expect(latencies.max() ?? 1 < 0.1, "healthz while two uploads run, seconds: \(latencies.map { ($0 * 1000).rounded() })")
    }

    /// A body far past the limit, sent without waiting for `100 Continue`: the 413 comes back and the server
    /// closes the connection at once (it does not read 20 MB and then hold the connection until its idle timeout).
    @Test func anOversizeBodyIsRefusedAndItsConnectionClosed() throws {
        let server = try Server()
        let port = UInt16(server.base.split(separator: ":").last ?? "") ?? 0
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        try #require(connected == 0)
        let size = 20 << 20
        let head = "POST /api/v1/advice HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(size)\r\n\r\n"
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        let chunk = [UInt8](repeating: 0x61, count: 65536)
        var sent = 0, answer = [UInt8](), closedAfter: Double?
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while closedAfter == nil, Date().timeIntervalSince(start) < 10 {
            if sent < size {
                let n = chunk.withUnsafeBytes { send(fd, $0.baseAddress, min(chunk.count, size - sent), Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
                if n > 0 { sent += n }
            }
            let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if got > 0 { answer += buffer[0..<got] } else if got == 0 { closedAfter = Date().timeIntervalSince(start) } else if sent >= size { usleep(1000) }
        }
        #expect(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 413"))
        #expect(closedAfter ?? 99 < 1, "closed after \(closedAfter.map { String($0) } ?? "more than 10") s, \(sent) bytes sent")
    }

    /// With `--tls-cert` and `--tls-key` the server speaks HTTPS, and the sign-in cookie is `Secure`.
    @Test func theServerSpeaksHTTPSAndItsCookieIsSecure() throws {
        let fixtures = ServerFixtures.root.appendingPathComponent("Tests/AdviseServerTests/Fixtures")
        let server = try Server(["--tls-cert", fixtures.appendingPathComponent("test-cert.pem").path, "--tls-key", fixtures.appendingPathComponent("test-key.pem").path])
        #expect(server.base.hasPrefix("https://127.0.0.1:"))
        let port = Int(server.base.split(separator: ":").last ?? "") ?? 0
        let health = try TLSProbe.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(health.hasPrefix("HTTP/1.1 200") && health.contains("\"status\": \"ok\""), "\(health)")
        let body = "name=bao&password=bao-password-1"
        let signIn = try TLSProbe.exchange(port: port, "POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
        let cookie = signIn.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: advise_session=") } ?? ""
        #expect(signIn.hasPrefix("HTTP/1.1 303") && cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(signIn)")
    }

    /// schemathesis (`.ci/run` installs it from PyPI) generates requests from the API's OpenAPI document and
    /// checks every answer against it: no server error, every status and content type declared, every answer
    /// matching its schema, invalid requests refused, undeclared methods 405. Only "schema-valid data is
    /// accepted" is left out: a schema cannot say that `land` must be a positive area in a form the parser
    /// takes, so such a request is answered 400 with the field named, as documented.
    @Test(.enabled(if: Self.schemathesis != nil, "needs schemathesis (pip install schemathesis)"))
    func theAPIKeepsToItsOpenAPIDocument() throws {
        let server = try Server(["--no-log"])
        let process = Process()
        process.executableURL = Self.schemathesis
        process.arguments = ["run", server.base + "/api/v1/openapi.json", "--url", server.base, "--max-examples", "15", "--checks", "all",
                             "--exclude-checks", "positive_data_acceptance", "--seed", "1",
                             // A debug build on a busy machine takes seconds for the largest odds (draws=9999).
                             "--request-timeout", "120"]
        // Its cache of found failures in the server's folder, not in the working tree.
        process.currentDirectoryURL = server.logFolder
        try FileManager.default.createDirectory(at: server.logFolder, withIntermediateDirectories: true)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
    }

    /// The schemathesis command, when installed.
    static let schemathesis: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").lazy
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("schemathesis") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// Values appended from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func append(_ value: Int) { lock.withLock { list.append(value) } }
    var values: [Int] { lock.withLock { list } }
}
#endif

#if Server
/// A minimal HTTPS client for the tests (the certificate is the tests' own, so it is not verified): sends one
/// request, returns everything the server sent until it closed the connection.
enum TLSProbe {
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var received = ByteBuffer()
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received.writeBuffer(&buffer)
        }
    }

    static func exchange(port: Int, _ request: String) throws -> String {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        let context = try NIOSSLContext(configuration: configuration)
        let collector = Collector()
        let channel = try ClientBootstrap(group: group).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                try channel.pipeline.syncOperations.addHandler(collector)
            }
        }.connect(host: "127.0.0.1", port: port).wait()
        try channel.writeAndFlush(ByteBuffer(string: request)).wait()
        try channel.closeFuture.wait()
        return String(buffer: collector.received)
    }
}
#endif
