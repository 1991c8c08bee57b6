#if Server
import Hummingbird
import NIOCore

/// After a 413 the connection is closed for writing as soon as the answer is sent: the client reads the
/// refusal and the end of the connection at once, instead of the server reading the rest of a large body and
/// then holding the connection until its idle timeout.
struct OversizeClose: RouterMiddleware {
    func handle(_ request: Request, context: AdviseContext, next: (Request, AdviseContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.status == .contentTooLarge else { return response }
        let channel = context.channel
        let body = response.body
        response.headers[.connection] = "close"
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            try await body.write(writer)
            try? await channel.close(mode: .output)
        }
        return response
    }
}
#endif
