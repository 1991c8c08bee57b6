/// One line of the log's audit table: who read or changed which record, and when. Never a household's name
/// or id: the record is named by its number.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// What was done.
    public enum Action: String, Sendable, CaseIterable, Codable {
        case read, record, followUp = "follow-up", season, confirm, withdraw, forget, export, prune
        case signIn = "sign-in", signInRefused = "sign-in-refused", signOut = "sign-out"
        case userAdded = "user-added", userRemoved = "user-removed", passwordChanged = "password-changed", tokenIssued = "token-issued"
    }

    public var id: Int64?
    /// When, `YYYY-MM-DDTHH:MM:SSZ`.
    public var at: String
    /// Who: a user's name, or `cli:ACCOUNT` for the command line run by the machine's account.
    public var user: String
    public var action: Action
    /// The advice record concerned, by its number; nil: none.
    public var adviceID: Int64?
    /// What else is worth keeping (a user's name for user changes, the table exported); never personal data of a household.
    public var detail: String?

    public init(at: String, user: String, action: Action, adviceID: Int64? = nil, detail: String? = nil) {
        self.at = at
        self.user = user
        self.action = action
        self.adviceID = adviceID
        self.detail = detail
    }

    /// The entry's columns in the log's order.
    public var columns: [(name: String, value: LogValue)] {
        [("id", .integer(id.map(Int.init))), ("at", .text(at)), ("user", .text(user)), ("action", .text(action.rawValue)),
         ("advice_id", .integer(adviceID.map(Int.init))), ("detail", .text(detail))]
    }

    /// The log's column names.
    enum CodingKeys: String, CodingKey {
        case id, at, user, action, detail
        case adviceID = "advice_id"
    }
}
