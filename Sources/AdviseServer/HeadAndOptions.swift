#if Server
import HTTPTypes
import Hummingbird

/// `HEAD` (routed with each `GET`, ``AdviceServer/router()``) answered without the body (the same status and
/// headers, its length included); on the API's paths `OPTIONS` answered with the methods each takes, as its
/// OpenAPI document says, and any other method it does not take with 405.
struct HeadAndOptions<Context: RequestContext>: RouterMiddleware {
    /// The API's paths and the methods they take.
    static var allowed: [String: String] {
        ["/api/v1/advice": "POST, OPTIONS", "/api/v1/batch": "POST, OPTIONS", "/api/v1/openapi.json": "GET, HEAD, OPTIONS",
         "/api/v1/openapi.yaml": "GET, HEAD, OPTIONS", "/healthz": "GET, HEAD, OPTIONS"]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .head:
            var response = try await next(request, context)
            let length = response.body.contentLength
            response.body = ResponseBody()
            if let length { response.headers[.contentLength] = String(length) }
            return response
        default:
            guard let methods = Self.allowed[request.uri.path] else { return try await next(request, context) }
            if request.method == .options {
                var response = Response(status: .noContent)
                response.headers[.allow] = methods
                return response
            }
            guard methods.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == request.method.rawValue }) else {
                var response = Response(status: .methodNotAllowed)
                response.headers[.allow] = methods
                return response
            }
            return try await next(request, context)
        }
    }
}
#endif
