/// A person who may sign in to the server: an officer, an agronomist or an admin. Kept in the advice log's
/// database (`advise users add`), with the password and the API token only as hashes.
public struct LogUser: Sendable, Equatable, Codable {
    /// What a user may do.
    public enum Role: String, Sendable, CaseIterable, Codable {
        /// Records advice and reports for households, and sees the records they made.
        case officer
        /// Sees every record without names or ids, and runs the calibration.
        case agronomist
        /// Manages users, sees and exports every record, and erases a household at its request.
        case admin
    }

    /// The log's number for the user.
    public var id: Int64
    /// The name they sign in with.
    public var name: String
    public var role: Role
    /// When the user was added, `YYYY-MM-DDTHH:MM:SSZ`.
    public var createdAt: String

    public init(id: Int64, name: String, role: Role, createdAt: String) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }

    /// Whether the user may record advice and what came after it.
    public var records: Bool { role != .agronomist }

    /// Whether the user may see `record`: an officer their own records, the others every record.
    public func sees(_ record: AdviceRecord) -> Bool { role != .officer || record.recordedBy == id }

    /// `record` as this user sees it: an agronomist without the household's id or name.
    public func view(_ record: AdviceRecord) -> AdviceRecord { role == .agronomist ? record.deidentified : record }

    /// `history` as this user sees it: an agronomist without the household's id or name, nor the notes of what
    /// it did (a note may name people).
    public func view(_ history: AdviceHistory) -> AdviceHistory {
        guard role == .agronomist else { return history }
        return AdviceHistory(record: history.record.deidentified, followUps: history.followUps.map(\.withoutNote), seasons: history.seasons)
    }

    /// The log's column names.
    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at"
    }
}
