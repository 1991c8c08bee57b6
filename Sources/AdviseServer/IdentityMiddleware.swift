#if Server
import AdviseKit
import AdviseLog
import HTTPTypes
import Hummingbird

/// Finds who is asking: the user of the session cookie, else of an `Authorization: Bearer` token. A user
/// removed since they signed in is nobody (their session ends).
struct IdentityMiddleware: RouterMiddleware {
    let log: AdviceLog
    let compute: ComputePool

    func handle(_ request: Request, context: AdviseContext, next: (Request, AdviseContext) async throws -> Response) async throws -> Response {
        var context = context
        if let session = context.sessions.session {
            if let user = try? log.user(id: session.userID) {
                context.identity = user
            } else {
                context.sessions.clearSession()
            }
        } else if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            let log = self.log
            context.identity = await compute.run { (try? log.user(token: token)) ?? nil }
            context.byToken = context.identity != nil
        }
        return try await next(request, context)
    }
}

/// Refuses a request that changes state when it did not come from this server's own pages: an `Origin`
/// naming another site, or a browser's `Sec-Fetch-Site: cross-site` (403). Programs that send neither (the
/// API's clients) pass; the forms also carry a token (``WebSession/csrf``).
struct SameOriginGuard<Context: RequestContext>: RouterMiddleware {
    let language: @Sendable (Request) -> Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if Self.crossSite(request) {
            return AdviceServer.response(.forbidden, type: "text/plain; charset=utf-8", Catalogue.text(.webCrossSite, language(request)) + "\n")
        }
        return try await next(request, context)
    }

    /// Whether a browser says the request came from another site: `Sec-Fetch-Site` naming another site (a
    /// browser sends it on every request), else an `Origin` naming another host, or `null` without
    /// `Sec-Fetch-Site` to vouch for it (our pages' `no-referrer` policy makes a browser send `Origin: null`).
    static func crossSite(_ request: Request) -> Bool {
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        if let site, site == "cross-site" || site == "same-site" { return true }
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return false }
        if origin == "null" { return site == nil }
        let host = request.head.authority ?? ""
        guard let range = origin.range(of: "://") else { return true }
        return origin[range.upperBound...] != host[...]
    }
}
#endif
