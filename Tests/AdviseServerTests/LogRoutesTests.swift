#if Server
import AdviseKit
import AdviseLog
@testable import AdviseServer
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The advice log on the web, as an attacker on the club's Wi-Fi and each role would try it: advice is open
/// and records nothing; a record is written only by a signed-in officer (or an API token), read only by who may,
/// found only by its random reference, and never from another site.
@Suite struct LogRoutesTests {
    /// A server with a log of its own holding an officer, a second officer, an agronomist and an admin.
    static func logged(clock: TestClock = TestClock()) throws -> (AdviceServer, AdviceLog, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-routes-\(UUID().uuidString)")
        let log = try AdviceLog(path: folder.appendingPathComponent("log.sqlite").path)
        for (name, role) in [("bao", LogUser.Role.officer), ("dung", .officer), ("chi", .agronomist), ("an", .admin)] {
            try log.addUser(name, role: role, password: "\(name)-password-1", by: "test", at: "2026-11-29T08:00:00Z")
        }
        // The clock moves only when a test moves it: six sign-ins are "within a minute" however slowly a loaded
        // machine hashes them.
        return (AdviceServer(ruleSet: ServerFixtures.ruleSet, log: log, today: { ServerFixtures.today }, now: { clock.read() }), log, folder)
    }

    /// A signed-in browser: its session cookie and the token its forms carry.
    struct Browser {
        let cookie: String
        let csrf: String
        var headers: HTTPFields { [.cookie: cookie] }
        var form: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
    }

    static func signIn(_ client: some TestClientProtocol, _ name: String) async throws -> Browser {
        let response = try await client.execute(uri: "/signin", method: .post, body: "name=\(name)&password=\(name)-password-1&next=/log".buffer)
        #expect(response.status == .seeOther && response.headers[.location] == "/log")
        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let page = try await client.execute(uri: "/log", method: .get, headers: [.cookie: cookie])
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([0-9a-f]{32})"/)?.1)
        return Browser(cookie: cookie, csrf: String(csrf))
    }

    @Test func openingAnAdviceRecordsNothingAndTheAPIRecordsOnlyForAToken() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = #"{"land": "7000", "capital": "150tr", "id": "H-01"}"#
        let token = try log.newToken(for: "bao", by: "test", at: "2026-11-29T08:00:00Z")
        try await ServerFixtures.withClient(server) { client in
            let page = try await client.execute(uri: "/advice?land=5000&capital=80tr&id=H-02&draws=0", method: .get)
            #expect(page.status == .ok && page.headers[HTTPField.Name("Advise-Log-Id")!] == nil)
            #expect(page.text.contains("Đăng nhập để ghi tư vấn này vào sổ"), "a link to sign in, not a record")
            let open = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, headers: ServerFixtures.json, body: body.buffer)
            #expect(open.status == .ok && open.headers[HTTPField.Name("Advise-Log-Id")!] == nil)
            let plain = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, headers: [.contentType: "text/plain"], body: body.buffer)
            #expect(plain.status == .unsupportedMediaType && plain.text.contains("request.content-type"))
            let wrongToken = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post,
                                                      headers: [.contentType: "application/json", .authorization: "Bearer 1." + String(repeating: "0", count: 64)], body: body.buffer)
            #expect(wrongToken.status == .ok && wrongToken.headers[HTTPField.Name("Advise-Log-Id")!] == nil)
            #expect(try log.records().isEmpty, "nothing was recorded by opening, posting without a token or with a wrong one")

            let recorded = try await client.execute(uri: "/api/v1/advice?draws=0&consent=1", method: .post,
                                                    headers: [.contentType: "application/json", .authorization: "Bearer " + token], body: body.buffer)
            let reference = try #require(recorded.headers[HTTPField.Name("Advise-Log-Id")!])
            #expect(AdviceRecord.isReference(reference))
            #expect(Array(recorded.body.readableBytesView) == Array(open.body.readableBytesView), "recording leaves the answer's bytes as they are")
            let anonymous = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post,
                                                     headers: [.contentType: "application/json", .authorization: "Bearer " + token], body: body.buffer)
            #expect(anonymous.headers[HTTPField.Name("Advise-Log-Id")!] != nil)
        }
        let records = try log.records()
        #expect(records.map(\.householdID) == [nil, "H-01"], "the id is kept only with consent")
        #expect(records.last?.consentAt == ServerFixtures.today && records.allSatisfy { $0.recordedBy == (try? log.user(named: "bao").id) && $0.channel == "api" })
    }

    @Test func withoutSigningInNoRecordCanBeReadOrWritten() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        var record = AdviceRecord(ServerFixtures.advice("7000"), evaluator: Evaluator(ruleSet: ServerFixtures.ruleSet), source: "Rules", channel: "web",
                                  at: "2026-11-29T08:00:00Z").consented(ServerFixtures.today)
        record.recordedBy = try log.user(named: "bao").id
        _ = try log.record(record, by: "bao")
        let reference = record.reference
        try await ServerFixtures.withClient(server) { client in
            for uri in ["/log/\(reference)", "/log/1", "/log"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/signin?") == true, "\(uri)")
                #expect(!response.text.contains("H-"), "\(uri)")
            }
            let season = "form=season&model=organic-coconut&year=4&net-income=9tr"
            #expect(try await client.execute(uri: "/log/\(reference)/season", method: .post, body: season.buffer).status == .forbidden)
            #expect(try await client.execute(uri: "/record", method: .post, body: "land=7000&consent=1".buffer).status == .forbidden)

            // Signed in, a form still needs the session's token, and a request from another site is refused.
            let bao = try await Self.signIn(client, "bao")
            #expect(try await client.execute(uri: "/log/\(reference)/season", method: .post, headers: bao.form, body: season.buffer).status == .forbidden)
            var crossSite = bao.form
            crossSite[HTTPField.Name("Origin")!] = "http://evil.example"
            let evil = try await client.execute(uri: "/log/\(reference)/season", method: .post, headers: crossSite, body: (season + "&csrf=" + bao.csrf).buffer)
            #expect(evil.status == .forbidden && evil.text.contains("không đến từ trang của máy chủ này"))
            var sandboxed = bao.form
            sandboxed[HTTPField.Name("Origin")!] = "null"
            #expect(try await client.execute(uri: "/log/\(reference)/season", method: .post, headers: sandboxed, body: (season + "&csrf=" + bao.csrf).buffer).status == .forbidden,
                    "Origin: null with nothing to vouch for it")
            // Counting numbers finds nothing, even signed in: a record is known by its reference alone.
            #expect(try await client.execute(uri: "/log/1", method: .get, headers: bao.headers).status == .notFound)
        }
        #expect(try log.history(1).seasons.isEmpty, "nothing was written")
    }

    @Test func anOfficerRecordsWithConsentAndReportsASeason() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ServerFixtures.withClient(server) { client in
            let bao = try await Self.signIn(client, "bao")
            var cookieJSON = bao.headers
            cookieJSON[.contentType] = "application/json"
            let viaCookie = try await client.execute(uri: "/api/v1/advice?draws=0&consent=1", method: .post, headers: cookieJSON, body: #"{"land": "7000", "id": "H-07"}"#.buffer)
            #expect(viaCookie.status == .ok && viaCookie.headers[HTTPField.Name("Advise-Log-Id")!] == nil, "the API records for a token, not for a session cookie")
            let page = try await client.execute(uri: "/advice?land=7000&capital=150tr&id=H-07&draws=0", method: .get, headers: bao.headers)
            #expect(page.text.contains("<form method=\"post\" action=\"/record?lang=vi\">") && page.text.contains("name=\"consent\""))
            #expect(try log.records().isEmpty, "showing the advice to a signed-in officer records nothing either")
            let recorded = try await client.execute(uri: "/record", method: .post, headers: bao.form,
                                                    body: "land=7000&capital=150tr&id=H-07&draws=0&consent=1&csrf=\(bao.csrf)".buffer)
            #expect(recorded.status == .seeOther)
            let location = try #require(recorded.headers[.location])
            let reference = try #require(location.firstMatch(of: /^\/log\/([0-9a-f]{32})\?lang=vi$/)?.1)
            let shown = try await client.execute(uri: "/log/\(reference)", method: .get, headers: bao.headers)
            #expect(shown.status == .ok && shown.text.contains("Hộ H-07") && shown.text.contains("action=\"/log/\(reference)/follow-up?lang=vi\""))
            #expect(shown.text.contains("hiện trạng đất trống, diện vay không thuộc diện"), "levels in words, not their ids")

            let refused = try await client.execute(uri: "/log/\(reference)/season?lang=en", method: .post, headers: bao.form,
                                                   body: "form=season&model=organic-coconut&year=0&output=nuts&price=cheap&csrf=\(bao.csrf)".buffer)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("<li>Year since the investment (1, 2, …): &#39;0&#39; is not a year from 1 to 60</li>"))
            #expect(refused.text.contains("<li>Product reported on: &#39;nuts&#39; is not an output of organic-coconut; its outputs are green-coconut</li>"))
            #expect(refused.text.contains("value=\"cheap\""), "the values are kept")
            let season = try await client.execute(uri: "/log/\(reference)/season", method: .post, headers: bao.form,
                                                  body: "form=season&model=organic-coconut&year=4&output=green-coconut&quantity=3000&price=4500&net-income=9tr&csrf=\(bao.csrf)".buffer)
            #expect(season.status == .seeOther && season.headers[.location] == "/log/\(reference)?lang=vi")
            var ownPage = bao.form
            ownPage[HTTPField.Name("Origin")!] = "null"
            ownPage[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            let again = try await client.execute(uri: "/log/\(reference)/season", method: .post, headers: ownPage,
                                                 body: "form=season&model=organic-coconut&year=5&net-income=-3tr&csrf=\(bao.csrf)".buffer)
            #expect(again.status == .seeOther, "our own page under no-referrer: Origin null, vouched for by Sec-Fetch-Site")
            let missing = try await client.execute(uri: "/log/" + String(repeating: "a", count: 32), method: .get, headers: bao.headers)
            #expect(missing.status == .notFound && !missing.text.contains(log.path) && !missing.text.contains(".sqlite"), "a page names no file")
        }
        let history = try log.history(1)
        #expect(history.record.householdID == "H-07" && history.record.consentAt == ServerFixtures.today)
        #expect(history.seasons.map(\.quantity) == [3000, nil] && history.seasons.map(\.netIncomeVND) == [9_000_000, -3_000_000], "a loss season is recorded too")
        let actions = try log.auditTrail().filter { $0.user == "bao" }.map(\.action)
        #expect(actions.contains(.record) && actions.contains(.season) && actions.contains(.read) && actions.contains(.signIn))
    }

    @Test func eachRoleReachesOnlyWhatItMay() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        var record = AdviceRecord(ServerFixtures.advice("7000", id: "H-09"), evaluator: Evaluator(ruleSet: ServerFixtures.ruleSet), source: "Rules",
                                  channel: "web", at: "2026-11-29T08:00:00Z").consented(ServerFixtures.today)
        record.recordedBy = try log.user(named: "bao").id
        _ = try log.record(record, by: "bao")
        _ = try log.add(FollowUp(adviceID: 1, recordedAt: "2026-12-01T08:00:00Z", model: "organic-coconut", note: "chị Chín vay VBSP"), by: "bao")
        let reference = record.reference, path = "/log/" + reference
        try await ServerFixtures.withClient(server) { client in
            let dung = try await Self.signIn(client, "dung")
            #expect(try await client.execute(uri: path, method: .get, headers: dung.headers).status == .notFound, "another officer's record")
            #expect(!(try await client.execute(uri: "/log", method: .get, headers: dung.headers).text.contains(reference)))

            let chi = try await Self.signIn(client, "chi")
            let seen = try await client.execute(uri: path, method: .get, headers: chi.headers)
            #expect(seen.status == .ok && !seen.text.contains("H-09") && !seen.text.contains("/follow-up"), "the agronomist sees the figures without the id")
            #expect(!seen.text.contains("chị Chín"), "nor the notes, which may name people")
            let forgetBody = "csrf=\(chi.csrf)".buffer
            #expect(try await client.execute(uri: path + "/forget", method: .post, headers: chi.form, body: forgetBody).status == .notFound)

            let an = try await Self.signIn(client, "an")
            let admin = try await client.execute(uri: path, method: .get, headers: an.headers)
            #expect(admin.text.contains("H-09") && admin.text.contains("action=\"\(path)/forget?lang=vi\""))
            let erased = try await client.execute(uri: path + "/forget", method: .post, headers: an.form, body: "csrf=\(an.csrf)".buffer)
            #expect(erased.status == .seeOther)
            #expect(!(try await client.execute(uri: path, method: .get, headers: an.headers).text.contains("H-09")))

            // Signing out ends the session: the same cookie reaches nothing.
            let out = try await client.execute(uri: "/signout", method: .post, headers: an.form, body: "csrf=\(an.csrf)".buffer)
            #expect(out.status == .seeOther)
            #expect(try await client.execute(uri: path, method: .get, headers: an.headers).status == .seeOther, "to the sign-in form again")
        }
        #expect(try log.history(1).record.householdID == nil && log.history(1).record.erasedAt != nil)
    }

    @Test func signInAttemptsAreLimited() async throws {
        let clock = TestClock()
        let (server, log, folder) = try Self.logged(clock: clock)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ServerFixtures.withClient(server) { client in
            var statuses: [Int] = []
            for _ in 0..<6 {
                statuses.append(try await client.execute(uri: "/signin", method: .post, body: "name=bao&password=guess-guess-guess".buffer).status.code)
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429])
            #expect(try log.auditTrail().filter { $0.action == .signInRefused }.allSatisfy { $0.user.hasPrefix("client:") },
                    "a refused sign-in keeps no typed text")
            let right = try await client.execute(uri: "/signin", method: .post, body: "name=bao&password=bao-password-1".buffer)
            #expect(right.status == .tooManyRequests, "the right password waits its minute too")
            clock.advance(by: 59)
            #expect(try await client.execute(uri: "/signin", method: .post, body: "name=bao&password=bao-password-1".buffer).status == .tooManyRequests)
            clock.advance(by: 2)
            let later = try await client.execute(uri: "/signin", method: .post, body: "name=bao&password=bao-password-1".buffer)
            #expect(later.status == .seeOther, "a minute after the first attempt, one more is let through")
        }
    }

    /// A log another program holds locked: the advice is still answered (its bytes unchanged, the failure in
    /// `Advise-Log-Error`), `/healthz` turns 503 naming the failure, and is well again after the next write.
    @Test func aLockedLogIsReportedByHealthz() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-locked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        let log = try AdviceLog(path: path, busyTimeout: 0.2)
        try log.addUser("bao", role: .officer, password: "bao-password-1", by: "test", at: "2026-11-29T08:00:00Z")
        let token = try log.newToken(for: "bao", by: "test", at: "2026-11-29T08:00:00Z")
        let server = AdviceServer(ruleSet: ServerFixtures.ruleSet, log: log, today: { ServerFixtures.today })
        let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer " + token]
        let body = #"{"land": "7000"}"#
        var holder = Configuration()
        holder.allowsUnsafeTransactions = true  // another program's transaction, held open across accesses
        let other = try DatabaseQueue(path: path, configuration: holder)
        try await ServerFixtures.withClient(server) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).text.contains("\"log\": \"ok\""))
            try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
            let refused = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, headers: headers, body: body.buffer)
            #expect(refused.status == .ok && refused.headers[HTTPField.Name("Advise-Log-Error")!] == "log.locked")
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .serviceUnavailable && health.text.contains("\"log\": \"log.locked\""), "\(health.text)")
            try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
            let recorded = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, headers: headers, body: body.buffer)
            #expect(recorded.headers[HTTPField.Name("Advise-Log-Id")!] != nil)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func withoutALogThereAreNoLogPages() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/advice?land=7000&draws=0", method: .get)
            #expect(response.headers[HTTPField.Name("Advise-Log-Id")!] == nil && !response.text.contains("class=\"logged\""))
            #expect(try await client.execute(uri: "/log/1", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/signin", method: .get).status == .notFound)
        }
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_796_000_000)
    func read() -> Date { lock.withLock { now } }
    func advance(by seconds: TimeInterval) { lock.withLock { now += seconds } }
}
#endif
