#if Server
import AdviseKit
import AdviseLog
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import NIOCore

/// `advise` on the web: the phone-first form, the answer page, and the JSON API, over one rule set loaded
/// once and never written. Every answer comes from the same ``AdviceRequest`` as the command line's, so
/// `POST /api/v1/advice` returns the bytes `advise … --format json` prints for the same household.
///
/// Routes open to everyone, which record nothing: `GET /healthz`, `GET /` (the form), `GET /advice?land=…`
/// (the report, or `format=json|text|message|markdown`), `POST /api/v1/advice`, `POST /api/v1/batch`,
/// `GET /api/v1/openapi.json`, `GET /app.js`. With an advice log, users sign in (`GET|POST /signin`,
/// `POST /signout`; an API client with `Authorization: Bearer TOKEN`), and only a signed-in user reaches the
/// records: `POST /record` (an officer records the advice shown, with the household's consent for its id and
/// name), `GET /log`, `GET /log/REF` with `POST /log/REF/follow-up|season` and, for an admin,
/// `POST /log/REF/forget`. Records are known by a random reference; every read and change is audited; every
/// form carries the session's token, and a request from another site is refused.
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
        /// Batch uploads computed at once, and waiting their turn (past both: 503 with `Retry-After`).
        public var uploadsRunning = 1
        public var uploadsWaiting = 2
        /// Hours a sign-in lasts.
        public var sessionHours = 8
        /// Session cookies only over HTTPS (set when the server is reached through an HTTPS proxy, and when
        /// it serves HTTPS itself).
        public var secureCookies = false
        /// The certificate chain and private key (PEM files) to serve HTTPS with; nil: plain HTTP.
        public var tls: (certificate: String, key: String)?
        /// Sign-in attempts a client may make a minute.
        public var signInsPerMinute = 5
        /// Records and reports a client may write a minute.
        public var writesPerMinute = 60

        public init() {}
    }

    public let ruleSet: RuleSet
    public let configuration: Configuration
    /// Where every advice is recorded; nil: nowhere.
    public let log: AdviceLog?
    /// Today, `YYYY-MM-DD` (read per request: a server runs across days).
    public let today: @Sendable () -> String
    /// Now, for the attempt limits' windows (a test holds it still: a loaded machine must not let a minute pass).
    let now: @Sendable () -> Date
    private let pool: EvaluatorPool
    /// The rule set's parser of household values (its level names and aliases prepared once).
    private let parser: HouseholdParser
    let compute: ComputePool
    /// Where the log is written, and whether its last write failed.
    let logWrites = LogLane()
    /// Where batch uploads run, a few at a time.
    let uploads: UploadLane
    /// Signed-in browsers' sessions, in memory.
    let sessionStore = MemoryPersistDriver()
    let signIns: AttemptLimiter
    let writes: AttemptLimiter

    public init(ruleSet: RuleSet, configuration: Configuration = Configuration(), log: AdviceLog? = nil,
                today: @escaping @Sendable () -> String = { Today.iso }, now: @escaping @Sendable () -> Date = { Date() }) {
        self.ruleSet = ruleSet
        self.now = now
        self.configuration = configuration
        self.log = log
        self.today = today
        pool = EvaluatorPool(ruleSet: ruleSet)
        parser = HouseholdParser(settings: ruleSet.settings, models: ruleSet.models.map(\.id))
        compute = ComputePool()
        uploads = UploadLane(running: configuration.uploadsRunning, waiting: configuration.uploadsWaiting)
        signIns = AttemptLimiter(limit: configuration.signInsPerMinute, window: 60)
        writes = AttemptLimiter(limit: configuration.writesPerMinute, window: 60)
    }

    /// The application: the router on an HTTP/1 server with an idle timeout; `runService()` stops
    /// gracefully on SIGTERM and SIGINT (requests in flight are answered).
    /// - Throws: `server.tls` when the certificate or key cannot be read.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws(Diagnostic) -> some ApplicationProtocol {
        let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds)))
        var server = http1
        if let tls = configuration.tls {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
                server = try .tls(http1, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
            } catch {
                let reason = SystemFailure.reason(error, otherwise: .reasonNotPEM)
                throw .error("server.tls", LocalizedText { Catalogue.format(.serverTLS, $0, tls.certificate, tls.key, reason($0)) }, at: nil)
            }
        }
        return Application(
            router: router(),
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }
        )
    }

    /// Every route, behind the security headers, the same-origin guard, the session and the user.
    public func router() -> Router<AdviseContext> {
        let router = Router(context: AdviseContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: HeadAndOptions())
        router.add(middleware: OversizeClose())
        router.add(middleware: SameOriginGuard { request in language(FormFields(query: request.uri.query), request) })
        if let log {
            let cookie = SessionCookieParameters(name: "advise_session", secure: configuration.secureCookies || configuration.tls != nil, sameSite: .strict)
            router.add(middleware: SessionMiddleware(storage: sessionStore, configuration: .init(
                sessionCookieParameters: cookie, defaultSessionExpiration: .seconds(Int64(configuration.sessionHours) * 3600))))
            router.add(middleware: IdentityMiddleware(log: log, compute: compute))
        }
        get(router, "healthz") { _, _ in
            let info = ruleSet.settings.ruleset
            // With a log, its state: "ok", or the code of the last write's failure (503 until a write succeeds).
            let failing = log == nil ? nil : logWrites.failing
            var fields: [(String, JSONValue)] = [
                ("status", .string(failing == nil ? "ok" : "degraded")),
                ("ruleset", .object([("id", .string(info.id)), ("version", .string(info.version)), ("source", .string(info.source))])),
            ]
            if log != nil { fields.append(("log", .string(failing ?? "ok"))) }
            return Self.response(failing == nil ? .ok : .serviceUnavailable, type: "application/json", JSONValue.object(fields).serialized() + "\n")
        }
        get(router, "/") { request, _ in
            let fields = FormFields(query: request.uri.query)
            let page = FormPage(settings: ruleSet.settings, language: language(fields, request), fields: fields)
            return Self.response(.ok, type: "text/html; charset=utf-8", page.render())
        }
        get(router, "advice") { request, context in
            let recording = recording(request, context)
            return await compute.run { advicePage(request, recording: recording) }
        }
        get(router, "app.js") { _, _ in
            var response = Self.response(.ok, type: "text/javascript; charset=utf-8", ClientScript.source)
            response.headers[.cacheControl] = "max-age=3600"
            return response
        }
        router.post("api/v1/advice") { request, context in try await adviceAPI(request, user: context.byToken ? context.identity : nil) }
        router.post("api/v1/batch") { request, _ in try await batchAPI(request) }
        get(router, "api/v1/openapi.json") { _, _ in
            Self.response(.ok, type: "application/json", OpenAPIDocument(settings: ruleSet.settings, configuration: configuration).json.serialized() + "\n")
        }
        get(router, "api/v1/openapi.yaml") { _, _ in
            Self.response(.ok, type: "application/yaml", OpenAPIDocument(settings: ruleSet.settings, configuration: configuration).yaml)
        }
        if log != nil { addLogRoutes(router) }
        return router
    }

    /// A `GET` route, and the same for `HEAD` (whose body ``HeadAndOptions`` leaves out).
    func get(_ router: Router<AdviseContext>, _ path: RouterPath, _ handler: @escaping @Sendable (Request, AdviseContext) async throws -> Response) {
        router.get(path, use: handler)
        router.head(path, use: handler)
    }

    // MARK: The form's answer

    /// `GET /advice`: the report page, or the same form with every problem named (400). It records nothing:
    /// a link opened, reloaded or previewed is only read.
    func advicePage(_ request: Request, recording: AdvicePage.Recording?, fields given: FormFields? = nil) -> Response {
        let fields = given ?? FormFields(query: request.uri.query)
        let language = language(fields, request)
        let format = fields["format"].flatMap(AdviceRequest.Format.init(rawValue:)) ?? .html
        do throws(DiagnosticError) {
            let (advice, adviceRequest) = try answer(fields.household, fields: fields, language: language, label: { formLabel($0, language) })
            if format != .html {
                let type = format == .json ? "application/json" : format == .markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8"
                return Self.response(.ok, type: type, adviceRequest.render(advice, ruleSet: ruleSet))
            }
            let settings = ruleSet.settings
            let report = HTMLReportRenderer(ReportContent(advice: advice, settings: settings, language: language, date: adviceRequest.today))
            let message = MessageRenderer(language: language, ascii: false).render(advice, settings: settings)
            let page = AdvicePage(report: report, message: message, language: language, fields: fields, recording: recording)
            var status = HTTPResponse.Status.ok
            if case .failed = recording { status = .serviceUnavailable }
            return Self.response(status, type: "text/html; charset=utf-8", page.render())
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

    /// `POST /api/v1/advice`: a household as JSON (the keys of a household file, `Content-Type:
    /// application/json`) in, the command line's JSON out. It records the advice only for a user whose token
    /// allows it (`Authorization: Bearer TOKEN`), with the household's id and name only with `consent=1`;
    /// the record's reference is in `Advise-Log-Id`.
    func adviceAPI(_ request: Request, user: LogUser?) async throws -> Response {
        let fields = FormFields(query: request.uri.query)
        let language = language(fields, request)
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return Self.errors([.error("request.content-type", LocalizedText { Catalogue.text(.webJSONOnly, $0) }, at: nil)], language,
                               status: .unsupportedMediaType)
        }
        do throws(DiagnosticError) {
            try checkEnums(fields, flags: ["consent"], language)
            let text = try await bodyText(request, limit: configuration.maxBodyBytes)
            guard !text.allSatisfy(\.isWhitespace) else {
                throw DiagnosticError([.error("request.empty", LocalizedText { Catalogue.text(.webEmptyBody, $0) }, at: nil)])
            }
            let input = try HouseholdFile.parseJSON(text, path: "request")
            let (advice, adviceRequest, body) = try await compute.run { () throws(DiagnosticError) in
                let (advice, adviceRequest) = try answer(input, fields: fields, language: language, label: { $0.inputName }, format: .json)
                return (advice, adviceRequest, adviceRequest.render(advice, ruleSet: ruleSet))
            }
            var logged: Result<String, Diagnostic>?
            if let user, user.records {
                logged = await record(advice, channel: "api", today: adviceRequest.today, user: user, consent: fields["consent"] == "1")
            }
            return Self.stamped(Self.response(.ok, type: "application/json", body), logged)
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
            try checkEnums(fields, flags: ["single", "risk"], language)
            var body = try await bodyBytes(request, limit: configuration.maxUploadBytes)
            // A workbook (`.xlsx`, known by its first bytes) is read as the command line reads it: its first
            // sheet, or `sheet=NAME`, from the row that names a land column.
            var fromSheet = false
            if XLSXReader.looksLikeWorkbook(body) {
                do throws(Diagnostic) {
                    body = try XLSXReader.sheet(fields["sheet"], of: Data(body)).table(settings: ruleSet.settings).csv
                    fromSheet = true
                } catch {
                    throw DiagnosticError([error])
                }
            } else if XLSXReader.looksLikeOldWorkbook(body) {
                throw DiagnosticError([.error("xlsx.old-format", LocalizedText { Catalogue.text(.xlsOld, $0) }, at: nil)])
            }
            let format = try choice(fields, "format", BatchProcessor.Format.self, default: .csv, language)
            let rank = try choice(fields, "rank", RankBy.self, default: .gain, language)
            let (plans, odds, year, ruleSet) = (fields["single"] != "1", fields["risk"] == "1", Today.year(of: today()), ruleSet)
            let (upload, sheet) = (body, fromSheet)
            let answered = await uploads.run { () -> Result<([UInt8], BatchSummary), DiagnosticError> in
                let run = BatchRun(ruleSet: ruleSet, copy: { ruleSet }, format: format, rank: rank, plans: plans, odds: odds ? RiskSimulation.Options() : nil,
                                   workers: ProcessInfo.processInfo.activeProcessorCount, fromSheet: sheet, language: language, year: year)
                var output: [UInt8] = []
                do {
                    let summary = try run.run(reader: ChunkReader(handle: nil, prefix: Data(upload))) { output += $0 }.summary
                    return .success((output, summary))
                } catch let diagnostic as Diagnostic {
                    return .failure(DiagnosticError([diagnostic]))
                } catch {
                    return .failure(DiagnosticError([.error("request.unreadable", .fileUnreadable, "\(error)", at: nil)]))
                }
            }
            guard let answered else {
                var busy = Self.errors([.error("server.busy", LocalizedText { Catalogue.text(.webBusy, $0) }, at: nil)], language, status: .serviceUnavailable)
                busy.headers[.retryAfter] = "10"
                return busy
            }
            let (output, summary) = try answered.get()
            var response = Self.response(.ok, type: format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson", output)
            response.headers[HTTPField.Name("Advise-Rows")!] = String(summary.rows)
            response.headers[HTTPField.Name("Advise-Failed")!] = String(summary.failed)
            return response
        } catch {
            return Self.errors(error.diagnostics, language)
        }
    }

    // MARK: The advice log

    /// Records an advice for a user, with the household's id and name only with its consent, on the log's
    /// own thread: the record's reference, or why it could not be recorded; nil without a log.
    func record(_ advice: Advice, channel: String, today: String, user: LogUser, consent: Bool) async -> Result<String, Diagnostic>? {
        guard let log else { return nil }
        let evaluator = pool.evaluator(year: Today.year(of: today))
        return await logWrites.write { () -> Result<String, Diagnostic> in
            var record = AdviceRecord(advice, evaluator: evaluator, source: advice.ruleset.source, channel: channel, at: Today.timestamp)
                .consented(consent ? today : nil)
            record.recordedBy = user.id
            do throws(Diagnostic) {
                _ = try log.record(record, by: user.name)
                return .success(record.reference)
            } catch {
                return .failure(error)
            }
        }
    }

    /// The answer with `Advise-Log-Id: REF` (the record's reference), or `Advise-Log-Error: code` when the
    /// advice could not be recorded (the answer itself is unchanged: the same bytes as the command line's).
    static func stamped(_ response: Response, _ logged: Result<String, Diagnostic>?) -> Response {
        var response = response
        switch logged {
        case let .success(reference): response.headers[HTTPField.Name("Advise-Log-Id")!] = reference
        case let .failure(d): response.headers[HTTPField.Name("Advise-Log-Error")!] = d.code
        case nil: break
        }
        return response
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
        return (pool.withCache(year: Today.year(of: request.today)) { request.advice(household, evaluator: $0, cache: $1) }, request)
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

    /// The API's query as its OpenAPI document says: `lang` one of the catalogues' languages, each of `flags`
    /// `1` when given.
    func checkEnums(_ fields: FormFields, flags: [String], _ language: Language) throws(DiagnosticError) {
        _ = try choice(fields, "lang", Language.self, default: language, language)
        for flag in flags where fields.values[flag] != nil && fields.values[flag] != "1" {
            let given = fields.values[flag] ?? ""
            throw DiagnosticError([.error("request.\(flag)", LocalizedText { Catalogue.format(.webBadChoice, $0, flag, given, "1") }, at: nil)])
        }
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
    static func errors(_ diagnostics: [Diagnostic], _ language: Language, status: HTTPResponse.Status? = nil) -> Response {
        let status: HTTPResponse.Status = status ?? (diagnostics.contains { $0.code == "request.too-large" } ? .contentTooLarge : .badRequest)
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
