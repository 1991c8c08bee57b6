#if Server
import AdviseKit
@testable import AdviseServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The server's routes, in process: the form, the answer page, the API and its errors.
@Suite struct AdviceServerTests {
    @Test func healthSaysUpAndNamesTheRuleSet() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(json["status"] as? String == "ok")
            let ruleset = try #require(json["ruleset"] as? [String: Any])
            #expect(ruleset["id"] as? String == ServerFixtures.ruleSet.settings.ruleset.id)
            #expect(ruleset["source"] as? String == ServerFixtures.rulesPath)
        }
    }

    @Test func theFormIsVietnameseFirstWithEveryLevelInWords() async throws {
        try await ServerFixtures.withClient { client in
            let vi = try await client.execute(uri: "/", method: .get)
            #expect(vi.status == .ok)
            #expect(vi.headers[.contentType] == "text/html; charset=utf-8")
            #expect(vi.text.contains("<html lang=\"vi\">"))
            #expect(vi.text.contains("Diện tích đất có thể chuyển đổi"))
            for scale in ServerFixtures.ruleSet.settings.scales.values {
                for level in scale.levels {
                    #expect(vi.text.contains("<option value=\"\(level.id)\">\(Markup.escaped(level.name.vi))"), "\(scale.id): \(level.id) offered in words")
                }
            }
            #expect(vi.text.contains("<form method=\"get\" action=\"/advice\""), "the form submits without JavaScript, to an address that can be shared")
            let en = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(en.text.contains("<html lang=\"en\">") && en.text.contains("Land the household can convert"))
            let accepted = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(accepted.text.contains("<html lang=\"en\">"), "Accept-Language chooses when lang= is not given")
        }
    }

    /// Nothing is loaded from outside the server: no address with a scheme in any src or href, and a policy
    /// that would block one.
    @Test(arguments: ["/", "/advice?land=7000&capital=150tr", "/advice?land=oops"])
    func pagesLoadNothingFromOutside(_ uri: String) async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: uri, method: .get)
            for attribute in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http"] {
                #expect(!response.text.contains(attribute), "\(uri): \(attribute)")
            }
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func theAnswerIsTheReportWithPrintAndTheMessageToCopy() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/advice?land=7&land_unit=cong&capital=150+tri%E1%BB%87u&flood=occasional&id=H-12", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            let ruleSet = ServerFixtures.ruleSet
            var input = HouseholdInput(id: "H-12")
            input[.landM2] = .init("7 cong")
            input[.capitalVND] = .init("150 triệu")
            input[.flood] = .init("occasional")
            let household = try HouseholdParser(settings: ruleSet.settings).parse(input)
            let advice = AdviceRequest(input: input, today: ServerFixtures.today).advice(household, ruleSet: ruleSet)
            let headline = ReportContent(advice: advice, settings: ruleSet.settings, language: .vi, date: ServerFixtures.today).headline
            #expect(page.contains(Markup.escaped(headline)), "the report's headline: \(headline)")
            #expect(page.contains("H-12"), "the household's id is on its report")
            let message = MessageRenderer(language: .vi, ascii: false).render(advice, settings: ruleSet.settings)
            #expect(page.contains("<textarea id=\"message\" readonly rows=\"9\">\(Markup.escaped(message))</textarea>"))
            #expect(page.contains("id=\"print\"") && page.contains("<script src=\"/app.js\"></script>"))
            #expect(page.contains("@media print { .tools, .share, .logged { display: none; } }"), "the printed page is the report alone")
            #expect(page.contains("href=\"/?capital=150%20tri%E1%BB%87u&amp;flood=occasional&amp;id=H-12&amp;land=7&amp;land_unit=cong\""),
                    "the link back reopens the form with the same values")
        }
    }

    @Test func aMistypedValueIsNamedInVietnameseWithItsFormsAndKept() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/advice?land=b%E1%BA%A3y+c%C3%B4ng&flood=ng%E1%BA%ADp", method: .get)
            #expect(response.status == .badRequest)
            let page = response.text
            #expect(page.contains("Chưa xem được tư vấn — hãy sửa:"))
            #expect(page.contains("<li>Diện tích đất có thể chuyển đổi: &#39;bảy công&#39; không phải là diện tích; hãy viết như 7000 (m²)"))
            #expect(page.contains("<li>Ngập do triều cường: "), "a level names the field as the form shows it")
            #expect(page.contains("value=\"bảy công\""), "what the officer typed stays in the field")
            let en = try await client.execute(uri: "/advice?land=seven&lang=en", method: .get)
            #expect(en.text.contains("<li>Land the household can convert: &#39;seven&#39; is not an area; write it as 7000 (m²)"))
        }
    }

    @Test func whatARequestSaysIsEscaped() async throws {
        try await ServerFixtures.withClient { client in
            let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            for uri in ["/advice?land=7000&id=\(script)", "/advice?land=\(script)", "/?land=\(script)"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(!response.text.contains("<script>alert"), "\(uri)")
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
            }
        }
    }

    /// `POST /api/v1/advice` returns exactly what `advise --household FILE --format json` prints, for each
    /// sample household (their YAML files written as JSON).
    @Test(arguments: ["nam-coconut-citrus", "oanh-goat-household", "small-plot", "thu-landless-household"])
    func theAPIAnswersByteForByteAsTheCommandLine(_ sample: String) async throws {
        let yaml = try String(contentsOfFile: ServerFixtures.root.appendingPathComponent("Samples/\(sample).yaml").path, encoding: .utf8)
        var pairs: [String] = []
        for whole in yaml.split(separator: "\n") where !whole.hasPrefix("#") {
            let line = whole.components(separatedBy: " #")[0]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces), value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            pairs.append("\"\(key)\": \"\(value)\"")
        }
        let body = "{" + pairs.joined(separator: ", ") + "}"
        let query = pairs.map { pair in
            let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
            return FormFields.encode(parts[0]) + "=" + FormFields.encode(parts[1])
        }.joined(separator: "&")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-api-\(UUID().uuidString).json")
        try body.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let cli = try ServerFixtures.advise(["--household", file.path, "--format", "json", "--rules", ServerFixtures.rulesPath])
        #expect(cli.status == 0)
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/api/v1/advice", method: .post, headers: [.contentType: "application/json"], body: body.buffer)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(Array(response.body.readableBytesView) == cli.stdout, "\(sample): the API's JSON differs from the command line's")
            let viaForm = try await client.execute(uri: "/advice?format=json&" + query, method: .get)
            #expect(Array(viaForm.body.readableBytesView) == cli.stdout, "\(sample): the shared address gives the same answer")
        }
    }

    @Test func apiErrorsCarryTheCommandLinesCodesInTheRequestsLanguage() async throws {
        try await ServerFixtures.withClient { client in
            let body = "{\"land\": \"x\", \"flood\": \"sometimes\"}"
            let vi = try await client.execute(uri: "/api/v1/advice", method: .post, headers: ServerFixtures.json, body: body.buffer)
            #expect(vi.status == .badRequest)
            let errors = try #require((try JSONSerialization.jsonObject(with: Data(vi.text.utf8)) as? [String: Any])?["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["code"] as? String }) == ["input.land", "input.flood"])
            let land = try #require(errors.first { $0["code"] as? String == "input.land" })
            #expect((land["message"] as? String)?.hasPrefix("land: 'x' không phải là diện tích; hãy viết như 7000 (m²)") == true)
            #expect(land["location"] as? String == "request:1:11", "the position in the body")
            let en = try await client.execute(uri: "/api/v1/advice?lang=en", method: .post, headers: ServerFixtures.json, body: body.buffer)
            #expect(en.text.contains("land: 'x' is not an area; write it as 7000 (m²)"))
            let header = try await client.execute(uri: "/api/v1/advice", method: .post, headers: [.acceptLanguage: "en", .contentType: "application/json"], body: body.buffer)
            #expect(header.text == en.text)
        }
    }

    @Test(arguments: [
        ("/api/v1/advice", "", 400, "request.empty"),
        ("/api/v1/advice", "{\"land\": ", 400, "json.syntax"),
        ("/api/v1/advice", "{\"land\": \"7000\", \"acreage\": 3}", 400, "field.unknown"),
        ("/api/v1/advice?draws=1000000", "{\"land\": \"7000\"}", 400, "request.draws"),
        ("/api/v1/advice?rank=best", "{\"land\": \"7000\"}", 400, "request.rank"),
        ("/api/v1/batch", "name,notes\nx,y\n", 400, "batch.header"),
        ("/api/v1/batch?format=xml", "land\n7000\n", 400, "request.format"),
        ("/api/v1/advice?lang=AAA", "{\"land\": \"7000\"}", 400, "request.lang"),
        ("/api/v1/batch?single=AAA", "land\n7000\n", 400, "request.single"),
        ("/api/v1/advice?consent=yes", "{\"land\": \"7000\"}", 400, "request.consent"),
    ])
    func badRequestsAreRefusedWithACode(_ uri: String, _ body: String, _ status: Int, _ code: String) async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: uri, method: .post, headers: ServerFixtures.json, body: body.buffer)
            #expect(response.status.code == status, "\(uri) \(body): \(response.text)")
            let errors = (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["errors"] as? [[String: Any]]
            #expect(errors?.contains { $0["code"] as? String == code } == true, "\(uri) \(body): \(response.text)")
        }
    }

    /// Any valid JSON is read: an exponent, a null for a key not given, a character escaped as a surrogate pair
    /// (what Python's `json` sends for 😀), tabs between the tokens (JSON whitespace that YAML refuses there).
    @Test func anyValidJSONIsRead() async throws {
        try await ServerFixtures.withClient { client in
            let body = "{\n\t\"land\":\t7e3, " + #""capital": null, "id": "H-\uD83D\uDE00", "members": 4.0}"#
            let response = try await client.execute(uri: "/api/v1/advice?draws=0", method: .post, headers: ServerFixtures.json, body: body.buffer)
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.text.contains("\"id\": \"H-😀\"") && response.text.contains("\"land_m2\": 7000"))
        }
    }

    /// Broken JSON is named as JSON at its line and column, in the user's words: never the YAML reader's or
    /// Foundation's English.
    @Test func brokenJSONIsNamedAtItsLineAndColumn() async throws {
        try await ServerFixtures.withClient { client in
            let body = "{\"tên\": \"Việt\",\n \"land\" 7000}"
            let response = try await client.execute(uri: "/api/v1/advice", method: .post, headers: ServerFixtures.json, body: body.buffer)
            let error = try #require(((try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "json.syntax" && error["location"] as? String == "request:2:9", "\(response.text)")
            #expect(error["message"] as? String == "yêu cầu không phải JSON hợp lệ (RFC 8259): lỗi đầu tiên ở dòng 2, cột 9")
        }
    }

    /// HEAD is answered as GET without the body; OPTIONS names the API's methods, another method is 405; the
    /// document is also YAML.
    @Test func headOptionsAndTheYAMLDocument() async throws {
        try await ServerFixtures.withClient { client in
            let head = try await client.execute(uri: "/healthz", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            let options = try await client.execute(uri: "/api/v1/advice", method: .options)
            #expect(options.status == .noContent && options.headers[.allow] == "POST, OPTIONS")
            let trace = try await client.execute(uri: "/api/v1/advice", method: .trace)
            #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "POST, OPTIONS")
            let yaml = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(yaml.status == .ok && yaml.text.hasPrefix("openapi: \"3.1.0\"\n") && yaml.text.contains("/api/v1/batch:"))
        }
    }

    @Test func bodiesPastTheLimitAndNonTextAreRefused() async throws {
        let server = ServerFixtures.server { $0.maxBodyBytes = 100; $0.maxUploadBytes = 200 }
        try await ServerFixtures.withClient(server) { client in
            let big = "{\"land\": \"7000\", \"id\": \"" + String(repeating: "x", count: 200) + "\"}"
            let advice = try await client.execute(uri: "/api/v1/advice", method: .post, headers: ServerFixtures.json, body: big.buffer)
            #expect(advice.status == .contentTooLarge)
            #expect(advice.text.contains("request.too-large"))
            let rows = "land\n" + String(repeating: "7000\n", count: 100)
            let batch = try await client.execute(uri: "/api/v1/batch", method: .post, body: rows.buffer)
            #expect(batch.status == .contentTooLarge)
            let latin1 = try await client.execute(uri: "/api/v1/advice", method: .post, headers: ServerFixtures.json, body: ByteBuffer(bytes: Array("{\"land\": \"7000\", \"id\": \"".utf8) + [0xE9, 0x22, 0x7D]))
            #expect(latin1.status == .badRequest && latin1.text.contains("request.encoding"))
        }
    }

    /// `POST /api/v1/batch` writes what `advise batch` writes for the same list, a workbook included.
    @Test(arguments: ["club-members.csv", "club-members-excel.csv", "club-members-notes.csv", "club-members-workbook.xlsx", "club-register-libreoffice.xlsx"])
    func theBatchAnswersAsTheCommandLine(_ sample: String) async throws {
        let path = ServerFixtures.root.appendingPathComponent("Samples/\(sample)").path
        let cli = try ServerFixtures.advise(["batch", path, "--rules", ServerFixtures.rulesPath])
        let upload = try Data(contentsOf: URL(fileURLWithPath: path))
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/api/v1/batch", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(bytes: upload))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(response.body.readableBytesView) == cli.stdout, "\(sample)")
            let rows = Int(response.headers[HTTPField.Name("Advise-Rows")!] ?? "") ?? -1
            #expect(rows == response.text.split(separator: "\n").count - 1)
            #expect((Int(response.headers[HTTPField.Name("Advise-Failed")!] ?? "") ?? 0) == (cli.status == 2 ? rows - response.text.components(separatedBy: ",ok,").count + 1 : 0))
        }
    }

    @Test func theOpenAPIDocumentDescribesBothEndpointsWithTheRuleSetsLevels() async throws {
        try await ServerFixtures.withClient { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let paths = try #require(json["paths"] as? [String: Any])
            #expect(Set(paths.keys).isSuperset(of: ["/api/v1/advice", "/api/v1/batch", "/healthz"]))
            let household = try #require(((json["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Household"] as? [String: Any])
            let properties = try #require(household["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(HouseholdFact.allCases.map(\.inputName) + ["id", "name", "experience"]))
            let flood = try #require(properties["flood"] as? [String: Any])
            #expect((flood["enum"] as? [Any])?.compactMap { $0 as? String } == ServerFixtures.ruleSet.settings.scales["flood"]?.levels.map(\.id))
            #expect((flood["enum"] as? [Any])?.contains { $0 is NSNull } == true, "null: the level not given")
            #expect(household["additionalProperties"] as? Bool == false, "an unknown key is refused, as the schema says")
        }
    }
}
#endif
