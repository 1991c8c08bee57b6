#if Server
import AdviseKit
import AdviseLog
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `advise` on the web: the phone-first form, the answer page, and the JSON API, over one rule set loaded
/// once and never written. Every answer comes from the same ``AdviceRequest`` as the command line's, so
/// `POST /api/v1/advice` returns the bytes `advise … --format json` prints for the same household.
///
/// Routes: `GET /healthz`, `GET /` (the form), `GET /advice?land=…` (the report, or `format=json|text|
/// message|markdown`), `POST /api/v1/advice`, `POST /api/v1/batch`, `GET /api/v1/openapi.json`, `GET /app.js`;
/// with an advice log, every advice of the form and the API is recorded, and `GET /log/N` with
/// `POST /log/N/follow-up` and `POST /log/N/season` take what the household did and earned.
public struct AdviceServer: Sendable {
    /// Where it listens and what it accepts.
    public struct Configuration: Sendable {
        /// The address to bind: loopback unless told otherwise.
        public var host = "127.0.0.1"
        /// The port (0: any free port).
        public var port = 8080
        /// The largest household body (`POST /api/v1/advice`), bytes.
        public var maxBodyBytes = 64 << 10
        /// The largest batch upload, bytes (about 150,000 rows of a club list).
        public var maxUploadBytes = 8 << 20
        /// The most price paths a request may ask for (`draws`).
        public var maxDraws = 10_000
        /// Seconds a connection may stay idle (a slow client cannot hold it open).
        public var idleTimeoutSeconds: Int64 = 30

        public init() {}
    }

    public let ruleSet: RuleSet
    public let configuration: Configuration
    /// Where every advice is recorded; nil: nowhere.
    public let log: AdviceLog?
    /// Today, `YYYY-MM-DD` (read per request: a server runs across days).
    public let today: @Sendable () -> String
    private let pool: EvaluatorPool
    /// The rule set's parser of household values (its level names and aliases prepared once).
    private let parser: HouseholdParser
    private let compute: ComputePool

    public init(ruleSet: RuleSet, configuration: Configuration = Configuration(), log: AdviceLog? = nil,
                today: @escaping @Sendable () -> String = { Today.iso }) {
        self.ruleSet = ruleSet
        self.configuration = configuration
        self.log = log
        self.today = today
        pool = EvaluatorPool(ruleSet: ruleSet)
        parser = HouseholdParser(settings: ruleSet.settings, models: ruleSet.models.map(\.id))
        compute = ComputePool()
    }

    /// The application: the router on an HTTP/1 server with an idle timeout; `runService()` stops
    /// gracefully on SIGTERM and SIGINT (requests in flight are answered).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }
        )
    }

    /// Every route, behind the security headers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("healthz") { _, _ in
            let info = ruleSet.settings.ruleset
            return Self.response(.ok, type: "application/json", JSONValue.object([
                ("status", .string("ok")),
                ("ruleset", .object([("id", .string(info.id)), ("version", .string(info.version)), ("source", .string(info.source))])),
            ]).serialized() + "\n")
        }
        router.get("/") { request, _ in
            let fields = FormFields(query: request.uri.query)
            let page = FormPage(settings: ruleSet.settings, language: language(fields, request), fields: fields)
            return Self.response(.ok, type: "text/html; charset=utf-8", page.render())
        }
        router.get("advice") { request, _ in await compute.run { advicePage(request) } }
        router.get("app.js") { _, _ in
            var response = Self.response(.ok, type: "text/javascript; charset=utf-8", ClientScript.source)
            response.headers[.cacheControl] = "max-age=3600"
            return response
        }
        router.post("api/v1/advice") { request, _ in try await adviceAPI(request) }
        router.post("api/v1/batch") { request, _ in try await batchAPI(request) }
        router.get("api/v1/openapi.json") { _, _ in
            Self.response(.ok, type: "application/json", OpenAPIDocument(settings: ruleSet.settings, configuration: configuration).json.serialized() + "\n")
        }
        router.get("log/:id") { request, context in await compute.run { logPage(request, id: context.parameters.get("id")) } }
        router.post("log/:id/:kind") { request, context in
            let body = try? await bodyText(request, limit: configuration.maxBodyBytes)
            return await compute.run { logReport(request, id: context.parameters.get("id"), kind: context.parameters.get("kind"), body: body ?? "") }
        }
        return router
    }

    // MARK: The form's answer

    /// `GET /advice`: the report page, or the same form with every problem named (400).
    func advicePage(_ request: Request) -> Response {
        let fields = FormFields(query: request.uri.query)
        let language = language(fields, request)
        let format = fields["format"].flatMap(AdviceRequest.Format.init(rawValue:)) ?? .html
        do throws(DiagnosticError) {
            let (advice, adviceRequest) = try answer(fields.household, fields: fields, language: language, label: { formLabel($0, language) })
            let logged = record(advice, channel: "web", today: adviceRequest.today)
            if format != .html {
                let type = format == .json ? "application/json" : format == .markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8"
                return Self.stamped(Self.response(.ok, type: type, adviceRequest.render(advice, ruleSet: ruleSet)), logged)
            }
            let settings = ruleSet.settings
            let report = HTMLReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: adviceRequest.today))
            let message = MessageRenderer(language: language, ascii: false).render(advice, settings: settings)
            let page = AdvicePage(report: report, message: message, language: language, fields: fields, logged: logged)
            return Self.stamped(Self.response(.ok, type: "text/html; charset=utf-8", page.render()), logged)
        } catch {
            let messages = error.diagnostics.map { $0.message(in: language) }
            if format == .html {
                let page = FormPage(settings: ruleSet.settings, language: language, fields: fields, errors: messages)
                return Self.response(.badRequest, type: "text/html; charset=utf-8", page.render())
            }
            return Self.errors(error.diagnostics, language)
        }
    }

    /// The name of a household value on the form, in its language (errors name the field as the officer sees it).
    func formLabel(_ fact: HouseholdFact, _ language: Language) -> String {
        let key: Catalogue.Key? = switch fact {
        case .landM2: .webLand
        case .capitalVND: .webCapital
        case .labour: .webLabour
        case .members: .webMembers
        case .otherIncomeVND: .webOtherIncome
        case .flood, .salinity, .currentUse, .loanCategory: nil
        }
        if let key { return Catalogue.text(key, language) }
        return fact.scale.flatMap { ruleSet.settings.scales[$0]?.name(language) } ?? fact.inputName
    }

    // MARK: The API

    /// `POST /api/v1/advice`: a household as JSON (the keys of a household file) in, the command line's JSON out.
    func adviceAPI(_ request: Request) async throws -> Response {
        let fields = FormFields(query: request.uri.query)
        let language = language(fields, request)
        do throws(DiagnosticError) {
            let text = try await bodyText(request, limit: configuration.maxBodyBytes)
            guard !text.allSatisfy(\.isWhitespace) else {
                throw DiagnosticError([.error("request.empty", LocalizedText { Catalogue.text(.webEmptyBody, $0) }, at: nil)])
            }
            let input = try HouseholdFile.parse(text, path: "request")
            return try await compute.run { () throws(DiagnosticError) -> Response in
                let (advice, adviceRequest) = try answer(input, fields: fields, language: language, label: { $0.inputName }, format: .json)
                let logged = record(advice, channel: "api", today: adviceRequest.today)
                return Self.stamped(Self.response(.ok, type: "application/json", adviceRequest.render(advice, ruleSet: ruleSet)), logged)
            }
        } catch {
            return Self.errors(error.diagnostics, language)
        }
    }

    /// `POST /api/v1/batch`: a CSV (header row) or JSON Lines upload in, the batch output out, as `advise batch`
    /// writes it (`format=csv|jsonl`, `rank`, `single=1`, `risk=1`). A bad row is an error row, as there; a bad
    /// header is a 400.
    func batchAPI(_ request: Request) async throws -> Response {
        let fields = FormFields(query: request.uri.query)
        let language = language(fields, request)
        do throws(DiagnosticError) {
            let body = try await bodyBytes(request, limit: configuration.maxUploadBytes)
            let format = try choice(fields, "format", BatchProcessor.Format.self, default: .csv, language)
            let rank = try choice(fields, "rank", RankBy.self, default: .gain, language)
            let run = BatchRun(ruleSet: ruleSet, copy: { ruleSet }, format: format, rank: rank, plans: fields["single"] != "1",
                               odds: fields["risk"] == "1" ? RiskSimulation.Options() : nil, workers: ProcessInfo.processInfo.activeProcessorCount,
                               language: language, year: Today.year(of: today()))
            var output: [UInt8] = []
            let summary: BatchSummary
            do {
                summary = try run.run(reader: ChunkReader(handle: nil, prefix: Data(body))) { output += $0 }.summary
            } catch let diagnostic as Diagnostic {
                throw DiagnosticError([diagnostic])
            } catch {
                throw DiagnosticError([.error("request.unreadable", .fileUnreadable, "\(error)", at: nil)])
            }
            var response = Self.response(.ok, type: format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson", output)
            response.headers[HTTPField.Name("Advise-Rows")!] = String(summary.rows)
            response.headers[HTTPField.Name("Advise-Failed")!] = String(summary.failed)
            return response
        } catch {
            return Self.errors(error.diagnostics, language)
        }
    }

    // MARK: The advice log

    /// Records an advice in the log: its number, or why it could not be recorded; nil without a log.
    func record(_ advice: Advice, channel: String, today: String) -> Result<Int64, Diagnostic>? {
        guard let log else { return nil }
        let record = AdviceRecord(advice, evaluator: pool.evaluator(year: Today.year(of: today)), source: advice.ruleset.source, channel: channel,
                                  at: Today.timestamp)
        do {
            return .success(try log.record(record))
        } catch {
            return .failure(error)
        }
    }

    /// The answer with `Advise-Log-Id: N`, or `Advise-Log-Error: code` when the advice could not be recorded
    /// (the answer itself is unchanged: the same bytes as the command line's).
    static func stamped(_ response: Response, _ logged: Result<Int64, Diagnostic>?) -> Response {
        var response = response
        switch logged {
        case let .success(id): response.headers[HTTPField.Name("Advise-Log-Id")!] = String(id)
        case let .failure(d): response.headers[HTTPField.Name("Advise-Log-Error")!] = d.code
        case nil: break
        }
        return response
    }

    /// `GET /log/N`: the logged advice and the forms for what came after it.
    func logPage(_ request: Request, id: String?, fields: FormFields? = nil, errors: [String] = []) -> Response {
        let query = FormFields(query: request.uri.query)
        let language = language(query, request)
        do throws(Diagnostic) {
            let history = try logged(id)
            let page = LogPage(history: history, language: language, fields: fields ?? FormFields(query: nil), errors: errors)
            return Self.response(errors.isEmpty ? .ok : .badRequest, type: "text/html; charset=utf-8", page.render())
        } catch {
            return logFailure(error, id: id, language)
        }
    }

    /// `POST /log/N/follow-up`, `POST /log/N/season`: records the form, then shows the advice again (303);
    /// a refused form comes back with its values and its problems (400).
    func logReport(_ request: Request, id: String?, kind: String?, body: String) -> Response {
        let fields = FormFields(query: body)
        let language = language(FormFields(query: request.uri.query), request)
        do throws(Diagnostic) {
            let history = try logged(id)
            guard let log, let adviceID = history.record.id, kind == "follow-up" || kind == "season" else {
                return Self.response(.notFound, type: "text/plain; charset=utf-8", "\n")
            }
            let input = ReportInput(fields: fields.values, label: { LogPage.label($0, language) })
            let add: () throws(Diagnostic) -> Int64
            do throws(DiagnosticError) {
                if kind == "follow-up" {
                    let followUp = try input.followUp(for: history.record, settings: ruleSet.settings, at: Today.timestamp)
                    add = { () throws(Diagnostic) in try log.add(followUp) }
                } else {
                    let season = try input.season(for: history.record, at: Today.timestamp)
                    add = { () throws(Diagnostic) in try log.add(season) }
                }
            } catch {
                return logPage(request, id: id, fields: fields, errors: error.diagnostics.map { $0.message(in: language) })
            }
            _ = try add()
            var response = Self.response(.seeOther, type: "text/plain; charset=utf-8", "\n")
            response.headers[.location] = "/log/\(adviceID)?lang=\(language.rawValue)"
            return response
        } catch {
            return logFailure(error, id: id, language)
        }
    }

    /// The advice numbered `id` with what came after it; `log.not-found` when there is no log or no such advice.
    /// The answer when a record cannot be shown: 404 for a record that is not there, 503 when the log cannot be
    /// read — in words that name no file (the details go to the server's own error output, for its keeper).
    func logFailure(_ error: Diagnostic, id: String?, _ language: Language) -> Response {
        if error.code == "log.not-found" {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", Catalogue.format(.logNoRecord, language, id ?? "") + "\n")
        }
        FileHandle.standardError.write(Data(("advise-server: " + error.description(in: .en) + "\n").utf8))
        return Self.response(.serviceUnavailable, type: "text/plain; charset=utf-8", Catalogue.text(.logUnavailable, language) + "\n")
    }

    func logged(_ id: String?) throws(Diagnostic) -> AdviceHistory {
        guard let log, let number = id.flatMap(Int64.init) else {
            throw .error("log.not-found", .logNoAdvice, id ?? "", log?.path ?? "", at: nil)
        }
        return try log.history(number)
    }

    // MARK: Shared steps

    /// Parses the household and the method's choices, and evaluates.
    func answer(_ input: HouseholdInput, fields: FormFields, language: Language, label: @escaping @Sendable (HouseholdFact) -> String,
                format: AdviceRequest.Format? = nil) throws(DiagnosticError) -> (Advice, AdviceRequest) {
        var request = AdviceRequest(input: input, today: today())
        request.language = language
        if let format {
            request.format = format
        } else {
            request.format = try choice(fields, "format", AdviceRequest.Format.self, default: .html, language)
        }
        request.rank = try choice(fields, "rank", RankBy.self, default: .gain, language)
        request.ascii = fields["ascii"] == "1"
        let draws = try whole(fields, "draws", 0...configuration.maxDraws, default: 1000, language)
        let seed = try whole(fields, "seed", 0...Int(Int32.max), default: 1, language)
        request.odds = draws > 0 ? RiskSimulation.Options(draws: draws, seed: UInt64(seed)) : nil
        var parser = self.parser
        parser.label = label
        let household = try parser.parse(input)
        let evaluator = pool.evaluator(year: Today.year(of: request.today))
        return (pool.withCache { request.advice(household, evaluator: evaluator, cache: $0) }, request)
    }

    /// A field naming one of a type's values.
    func choice<T: RawRepresentable & CaseIterable>(_ fields: FormFields, _ name: String, _: T.Type, default value: T, _ language: Language)
        throws(DiagnosticError) -> T where T.RawValue == String {
        guard let text = fields[name] else { return value }
        guard let chosen = T(rawValue: text) else {
            let forms = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DiagnosticError([.error("request.\(name)", LocalizedText { Catalogue.format(.webBadChoice, $0, name, text, forms) }, at: nil)])
        }
        return chosen
    }

    /// A field holding a whole number in a range.
    func whole(_ fields: FormFields, _ name: String, _ range: ClosedRange<Int>, default value: Int, _ language: Language) throws(DiagnosticError) -> Int {
        guard let text = fields[name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw DiagnosticError([.error("request.\(name)", LocalizedText {
                Catalogue.format(.wholeOutOfRange, $0, name, String(range.lowerBound), String(range.upperBound))
            }, at: nil)])
        }
        return number
    }

    /// The request's language: `lang=`, else the first of Accept-Language the catalogues have, else the rule set's.
    func language(_ fields: FormFields, _ request: Request) -> Language {
        if let chosen = fields["lang"].flatMap(Language.init(rawValue:)) { return chosen }
        for tag in (request.headers[.acceptLanguage] ?? "").split(separator: ",") {
            let code = tag.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).prefix(2).lowercased()
            if let language = Language(rawValue: code) { return language }
        }
        return ruleSet.settings.language
    }

    /// The body's bytes, refused past `limit`.
    func bodyBytes(_ request: Request, limit: Int) async throws(DiagnosticError) -> [UInt8] {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw DiagnosticError([.error("request.too-large", LocalizedText { Catalogue.format(.webTooLarge, $0, NumberFormat.grouped(Double(limit), $0)) }, at: nil)])
        }
    }

    /// The body as UTF-8 text.
    func bodyText(_ request: Request, limit: Int) async throws(DiagnosticError) -> String {
        let bytes = try await bodyBytes(request, limit: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError([.error("request.encoding", LocalizedText { Catalogue.text(.webNotUTF8, $0) }, at: nil)])
        }
        return text
    }

    /// A 400 naming each problem as the command line does (code, message in the request's language, position).
    static func errors(_ diagnostics: [Diagnostic], _ language: Language) -> Response {
        let status: HTTPResponse.Status = diagnostics.contains { $0.code == "request.too-large" } ? .contentTooLarge : .badRequest
        let list = diagnostics.map { d in
            JSONValue.object([
                ("code", .string(d.code)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message(in: language))),
                ("location", JSONValue.optional(d.location) { .string($0.description) }),
            ])
        }
        return response(status, type: "application/json", JSONValue.object([("errors", .array(list))]).serialized() + "\n")
    }

    static func response(_ status: HTTPResponse.Status, type: String, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func response(_ status: HTTPResponse.Status, type: String, _ bytes: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
#endif
