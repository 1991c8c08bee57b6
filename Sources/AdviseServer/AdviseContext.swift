#if Server
import AdviseKit
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a request carries through the server: the signed-in user (from the session cookie or an API token),
/// the session, and the client's address (for the sign-in and write limits).
public struct AdviseContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user; nil: nobody (advice is open to everyone, records are not).
    public var identity: LogUser?
    /// Whether ``identity`` came from an API token (not the session cookie): only such a request records
    /// through the API, which carries no form token.
    public var byToken = false
    public let sessions: SessionContext<WebSession>
    /// The client's address, when the connection has one.
    public let client: String
    /// The connection (closed after a refused oversize body, see ``OversizeClose``).
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        byToken = false
        sessions = .init()
        client = source.channel.remoteAddress?.ipAddress ?? "local"
        channel = source.channel
    }
}

/// A signed-in browser's session, kept in the server's memory only (a restart signs everyone out): the user
/// and the token every form of theirs carries against cross-site requests.
public struct WebSession: Codable, Sendable {
    public var userID: Int64
    public var csrf: String

    /// A new session for a user, with a new random form token.
    init(userID: Int64) {
        self.userID = userID
        csrf = AdviceRecord.newReference()
    }
}
#endif
