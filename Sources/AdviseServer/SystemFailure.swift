#if Server
import AdviseKit
import NIOCore

/// A failure of the network or TLS libraries in the user's words: a system error by its errno
/// (``TextFile/describe(errno:)``), anything else as the server's own phrase — never the library's English.
public enum SystemFailure {
    /// Why `error` happened, in each language; the English text keeps the library's error for an engineer.
    /// - Parameter otherwise: the phrase for an error that carries no system code.
    public static func reason(_ error: any Error, otherwise: Catalogue.Key = .reasonSystem) -> LocalizedText {
        if let error = error as? IOError { return TextFile.describe(errno: error.errnoCode) }
        let detail = String(describing: error)
        return LocalizedText { language in
            Catalogue.text(otherwise, language) + (language == .en ? " (\(detail))" : "")
        }
    }

    /// Why the service stopped: a system error there is the address or port that cannot be opened at start.
    public static func stopped(_ error: any Error, host: String, port: Int) -> LocalizedText {
        let reason = reason(error)
        return LocalizedText { language in
            error is IOError ? Catalogue.format(.serverCannotListen, language, String(port), host, reason(language))
                : Catalogue.format(.serverStopped, language, reason(language))
        }
    }
}
#endif
