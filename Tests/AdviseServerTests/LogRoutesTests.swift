#if Server
import AdviseKit
import AdviseLog
@testable import AdviseServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The advice log on the web: every advice recorded (the answer's bytes unchanged), and the follow-up and
/// season forms that record what came after it.
@Suite struct LogRoutesTests {
    /// A server with a log of its own, and the log.
    static func logged() throws -> (AdviceServer, AdviceLog, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-routes-\(UUID().uuidString)")
        let log = try AdviceLog(path: folder.appendingPathComponent("log.sqlite").path)
        return (AdviceServer(ruleSet: ServerFixtures.ruleSet, log: log, today: { ServerFixtures.today }), log, folder)
    }

    @Test func theAPIRecordsEveryAdviceAndAnswersTheSameBytes() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = #"{"land": "7000", "capital": "150tr", "id": "H-01"}"#
        try await ServerFixtures.withClient(server) { client in
            let logged = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, body: body.buffer)
            let plain = try await ServerFixtures.withClient { plain in try await plain.execute(uri: "/api/v1/advice?draws=0", method: .post, body: body.buffer) }
            #expect(logged.status == .ok && logged.headers[HTTPField.Name("Advise-Log-Id")!] == "1")
            #expect(Array(logged.body.readableBytesView) == Array(plain.body.readableBytesView))
            let page = try await client.execute(uri: "/advice?land=5000&capital=80tr&draws=0", method: .get)
            #expect(page.headers[HTTPField.Name("Advise-Log-Id")!] == "2")
            #expect(page.text.contains("Đã ghi vào sổ tư vấn, số 2.") && page.text.contains("href=\"/log/2?lang=vi\""))
        }
        let records = try log.records()
        #expect(records.map(\.channel) == ["web", "api"] && records.last?.householdID == "H-01")
    }

    @Test func theFollowUpFormRecordsOrNamesEachProblem() async throws {
        let (server, log, folder) = try Self.logged()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ServerFixtures.withClient(server) { client in
            _ = try await client.execute(uri: "/advice?land=7000&capital=150tr&draws=0", method: .get)
            let page = try await client.execute(uri: "/log/1", method: .get)
            #expect(page.status == .ok && page.text.contains("<form method=\"post\" action=\"/log/1/follow-up?lang=vi\""))
            #expect(page.text.contains("<option value=\"organic-coconut\">"))

            let refused = try await client.execute(uri: "/log/1/season?lang=en", method: .post,
                                                   body: "form=season&model=organic-coconut&year=0&output=nuts&price=cheap".buffer)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Not recorded — please correct:"))
            #expect(refused.text.contains("<li>Year since the investment (1, 2, …): &#39;0&#39; is not a year from 1 to 60</li>"))
            #expect(refused.text.contains("<li>Product reported on: &#39;nuts&#39; is not an output of organic-coconut; its outputs are green-coconut</li>"))
            #expect(refused.text.contains("<li>Price per unit: &#39;cheap&#39; is not an amount of money"))
            #expect(refused.text.contains("value=\"cheap\""), "the values are kept")

            let recorded = try await client.execute(uri: "/log/1/season", method: .post,
                                                    body: "form=season&model=organic-coconut&year=4&output=green-coconut&quantity=3000&price=4500&net-income=9tr".buffer)
            #expect(recorded.status == .seeOther && recorded.headers[.location] == "/log/1?lang=vi")
            let missing = try await client.execute(uri: "/log/9", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("không có bản ghi tư vấn số 9") && !missing.text.contains(log.path) && !missing.text.contains(".sqlite"),
                    "a page names no file: \(missing.text)")
            #expect(try await client.execute(uri: "/log/1/delete", method: .post, body: "".buffer).status == .notFound)
        }
        let history = try log.history(1)
        #expect(history.seasons.map(\.quantity) == [3000] && history.seasons.first?.netIncomeVND == 9_000_000)
    }

    @Test func withoutALogThereAreNoLogPages() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/advice?land=7000&draws=0", method: .get)
            #expect(response.headers[HTTPField.Name("Advise-Log-Id")!] == nil && !response.text.contains("class=\"logged\""))
            #expect(try await client.execute(uri: "/log/1", method: .get).status == .notFound)
        }
    }
}
#endif
