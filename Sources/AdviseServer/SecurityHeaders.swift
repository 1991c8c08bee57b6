#if Server
import HTTPTypes
import Hummingbird

/// Headers on every response: a Content-Security-Policy that allows only the server's own script and
/// the pages' inline styles and pictures (no outside asset, no framing, forms only to the server), no
/// MIME sniffing, and no referrer (an answer's address holds the household's facts).
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
#endif
