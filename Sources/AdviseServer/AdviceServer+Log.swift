#if Server
import AdviseKit
import AdviseLog
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// The advice log on the web: signing in and out, recording an advice, and the records a user may see.
extension AdviceServer {
    func addLogRoutes(_ router: Router<AdviseContext>) {
        get(router, "signin") { request, _ in
            let fields = FormFields(query: request.uri.query)
            return Self.html(.ok, SignInPage(language: language(fields, request), next: SignInPage.safeNext(fields["next"])).render())
        }
        router.post("signin") { request, context in try await signIn(request, context) }
        router.post("signout") { request, context in
            let fields = FormFields(query: try? await bodyText(request, limit: configuration.maxBodyBytes))
            guard let user = context.identity, validToken(fields, context) else { return forbidden(request) }
            context.sessions.clearSession()
            try? log?.audit(AuditEntry(at: Today.timestamp, user: user.name, action: .signOut))
            return Self.redirect("/?lang=" + language(fields, request).rawValue)
        }
        router.post("record") { request, context in try await recordAdvice(request, context) }
        get(router, "log") { request, context in
            guard let user = context.identity, let log else { return signInFirst(request) }
            let language = language(FormFields(query: request.uri.query), request)
            return await compute.run {
                do throws(Diagnostic) {
                    let records = try user.role == .officer ? log.records(by: user.id, limit: 500) : log.records(limit: 500)
                    let bar = UserBar(user: user, csrf: context.sessions.session?.csrf ?? "", language: language)
                    return Self.html(.ok, LogListPage(records: records.map(user.view), bar: bar, language: language).render())
                } catch {
                    return logFailure(error, reference: nil, language)
                }
            }
        }
        get(router, "log/:ref") { request, context in
            guard let user = context.identity else { return signInFirst(request) }
            let reference = context.parameters.get("ref") ?? ""
            let csrf = context.sessions.session?.csrf ?? ""
            return await compute.run { logPage(request, reference: reference, user: user, csrf: csrf) }
        }
        router.post("log/:ref/:kind") { request, context in
            let body = try? await bodyText(request, limit: configuration.maxBodyBytes)
            let fields = FormFields(query: body)
            guard let user = context.identity, validToken(fields, context) else { return forbidden(request) }
            guard await writes.allow(context.client, now: now()) else { return tooMany(request) }
            let reference = context.parameters.get("ref") ?? "", kind = context.parameters.get("kind") ?? ""
            let csrf = context.sessions.session?.csrf ?? ""
            return await compute.run { logReport(request, reference: reference, kind: kind, fields: fields, user: user, csrf: csrf) }
        }
    }

    /// What the answer page offers for the log: nothing without a log, else by who is signed in.
    func recording(_ request: Request, _ context: AdviseContext) -> AdvicePage.Recording? {
        guard log != nil else { return nil }
        guard let user = context.identity, let csrf = context.sessions.session?.csrf else { return .signIn }
        let bar = UserBar(user: user, csrf: csrf, language: language(FormFields(query: request.uri.query), request))
        return user.records ? .form(bar: bar, today: today()) : .signedIn(bar)
    }

    /// `POST /signin`: a user's name and password; a session and back to `next` (303), or the form again with
    /// the reason (401; 429 past the attempts a minute).
    func signIn(_ request: Request, _ context: AdviseContext) async throws -> Response {
        let fields = FormFields(query: try? await bodyText(request, limit: configuration.maxBodyBytes))
        let language = language(FormFields(query: request.uri.query), request)
        let name = fields.values["name"] ?? "", password = fields.values["password"] ?? ""
        let next = SignInPage.safeNext(fields["next"])
        guard await signIns.allow(context.client, now: now()) else {
            return Self.html(.tooManyRequests, SignInPage(language: language, next: next, name: name, error: Catalogue.text(.webSignInLimited, language)).render())
        }
        guard let log else { return Self.response(.notFound, type: "text/plain; charset=utf-8", "\n") }
        let user: LogUser?
        do throws(Diagnostic) {
            user = try await compute.run { () throws(Diagnostic) in try log.signIn(name, password: password) }
        } catch {
            return logFailure(error, reference: nil, language)
        }
        guard let user else {
            // By the client's address, never the text typed (a password is often typed into the name's field).
            try? log.audit(AuditEntry(at: Today.timestamp, user: "client:" + context.client, action: .signInRefused))
            return Self.html(.unauthorized, SignInPage(language: language, next: next, name: name, error: Catalogue.text(.webSignInFailed, language)).render())
        }
        context.sessions.createSession(WebSession(userID: user.id))
        try? log.audit(AuditEntry(at: Today.timestamp, user: user.name, action: .signIn))
        return Self.redirect(next)
    }

    /// `POST /record`: a signed-in officer records the advice of the household the form describes, with its
    /// consent for its id and name (`consent=1`), then sees the record (303).
    func recordAdvice(_ request: Request, _ context: AdviseContext) async throws -> Response {
        let fields = FormFields(query: try? await bodyText(request, limit: configuration.maxBodyBytes))
        guard let user = context.identity, user.records, validToken(fields, context) else { return forbidden(request) }
        guard await writes.allow(context.client, now: now()) else { return tooMany(request) }
        let language = language(fields, request)
        let answered = await compute.run { () -> (Advice, AdviceRequest)? in
            try? answer(fields.household, fields: fields, language: language, label: { formLabel($0, language) }, format: .json)
        }
        // A form that does not parse comes back with its problems named, as the answer page shows them.
        guard let (advice, adviceRequest) = answered else { return await compute.run { advicePage(request, recording: nil, fields: fields) } }
        switch await record(advice, channel: "web", today: adviceRequest.today, user: user, consent: fields["consent"] == "1") {
        case let .success(reference)?:
            return Self.redirect("/log/\(reference)?lang=\(language.rawValue)")
        case let .failure(d)?:
            FileHandle.standardError.write(Data(("advise-server: " + d.description(in: .en) + "\n").utf8))
            return await compute.run { advicePage(request, recording: .failed(.error(d.code, .logUnavailable, at: nil)), fields: fields) }
        case nil:
            return Self.response(.notFound, type: "text/plain; charset=utf-8", "\n")
        }
    }

    /// `GET /log/REF`: the advice with what came after it, as the user may see it (audited); 404 for a record
    /// that is not there or not theirs.
    func logPage(_ request: Request, reference: String, user: LogUser, csrf: String, fields: FormFields? = nil, errors: [String] = []) -> Response {
        let language = language(FormFields(query: request.uri.query), request)
        do throws(Diagnostic) {
            let history = try visible(reference, user)
            if errors.isEmpty { try log?.audit(AuditEntry(at: Today.timestamp, user: user.name, action: .read, adviceID: history.record.id)) }
            let bar = UserBar(user: user, csrf: csrf, language: language)
            let page = LogPage(history: user.view(history),
                               language: language, bar: bar, settings: ruleSet.settings, fields: fields ?? FormFields(query: nil), errors: errors)
            return Self.html(errors.isEmpty ? .ok : .badRequest, page.render())
        } catch {
            return logFailure(error, reference: reference, language)
        }
    }

    /// `POST /log/REF/follow-up`, `…/season` (an officer or admin), `…/forget` (an admin): records the form, or
    /// erases the household's id and name, then shows the advice again (303); a refused form comes back with
    /// its values and its problems (400).
    func logReport(_ request: Request, reference: String, kind: String, fields: FormFields, user: LogUser, csrf: String) -> Response {
        let language = language(FormFields(query: request.uri.query), request)
        do throws(Diagnostic) {
            let history = try visible(reference, user)
            guard let log, let adviceID = history.record.id else { return Self.response(.notFound, type: "text/plain; charset=utf-8", "\n") }
            let back = Self.redirect("/log/\(reference)?lang=\(language.rawValue)")
            let now = Today.timestamp
            switch kind {
            case "forget" where user.role == .admin:
                try log.forget(String(adviceID), by: user.name, at: now)
                return back
            case "follow-up" where user.records, "season" where user.records:
                let input = ReportInput(fields: fields.values, label: { LogPage.label($0, language) })
                let add: () throws(Diagnostic) -> Int64
                do throws(DiagnosticError) {
                    if kind == "follow-up" {
                        let followUp = try input.followUp(for: history.record, settings: ruleSet.settings, at: now)
                        add = { () throws(Diagnostic) in try log.add(followUp, by: user.name) }
                    } else {
                        let season = try input.season(for: history.record, at: now)
                        add = { () throws(Diagnostic) in try log.add(season, by: user.name) }
                    }
                } catch {
                    return logPage(request, reference: reference, user: user, csrf: csrf, fields: fields,
                                   errors: error.diagnostics.map { $0.message(in: language) })
                }
                _ = try add()
                return back
            default:
                return Self.response(.notFound, type: "text/plain; charset=utf-8", "\n")
            }
        } catch {
            return logFailure(error, reference: reference, language)
        }
    }

    /// The record `reference` if the user may see it; `log.not-found` otherwise (a record that is not theirs
    /// is as absent as one that is not there).
    func visible(_ reference: String, _ user: LogUser) throws(Diagnostic) -> AdviceHistory {
        guard let log else { throw .error("log.not-found", .logNoAdvice, reference, "", at: nil) }
        let history = try log.history(reference: reference)
        guard user.sees(history.record) else { throw .error("log.not-found", .logNoAdvice, reference, "", at: nil) }
        return history
    }

    /// The answer when a record cannot be shown: 404 for a record that is not there, 503 when the log cannot be
    /// read — in words that name no file (the details go to the server's own error output, for its keeper).
    func logFailure(_ error: Diagnostic, reference: String?, _ language: Language) -> Response {
        if error.code == "log.not-found" {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", Catalogue.format(.logNoRecord, language, reference ?? "") + "\n")
        }
        FileHandle.standardError.write(Data(("advise-server: " + error.description(in: .en) + "\n").utf8))
        return Self.response(.serviceUnavailable, type: "text/plain; charset=utf-8", Catalogue.text(.logUnavailable, language) + "\n")
    }

    /// Whether a posted form carries the session's token.
    func validToken(_ fields: FormFields, _ context: AdviseContext) -> Bool {
        guard let expected = context.sessions.session?.csrf, let given = fields.values["csrf"], given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A page for signed-in users asked by nobody: to the sign-in form, and back here after it.
    func signInFirst(_ request: Request) -> Response {
        let language = language(FormFields(query: request.uri.query), request)
        return Self.redirect("/signin?lang=\(language.rawValue)&next=" + FormFields.encode(request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")))
    }

    /// 403: no user, a role that may not, or a form without the session's token.
    func forbidden(_ request: Request) -> Response {
        Self.response(.forbidden, type: "text/plain; charset=utf-8", Catalogue.text(.webForbidden, language(FormFields(query: request.uri.query), request)) + "\n")
    }

    /// 429 with `Retry-After`.
    func tooMany(_ request: Request) -> Response {
        var response = Self.response(.tooManyRequests, type: "text/plain; charset=utf-8",
                                     Catalogue.text(.webTooMany, language(FormFields(query: request.uri.query), request)) + "\n")
        response.headers[.retryAfter] = "60"
        return response
    }

    static func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        response(status, type: "text/html; charset=utf-8", page)
    }

    static func redirect(_ location: String) -> Response {
        var response = response(.seeOther, type: "text/plain; charset=utf-8", "\n")
        response.headers[.location] = location
        return response
    }
}
#endif
