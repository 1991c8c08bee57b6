#if Log
import AdviseKit
import Foundation
import GRDB
import HummingbirdBcrypt

extension LogUser: FetchableRecord, TableRecord {
    public static var databaseTableName: String { "users" }
}

/// The people who may sign in to the server, kept beside the records they may see. Passwords and API tokens
/// are kept only as bcrypt hashes; a token is shown once, when it is made.
extension AdviceLog {
    /// bcrypt's cost for passwords (2^11 rounds: about a tenth of a second a sign-in on this machine kind).
    static let passwordCost: UInt8 = 11
    /// bcrypt's cost for API tokens: a token is 256 random bits, which no number of guesses finds, so the
    /// hash only keeps a stolen database from being a list of tokens; a low cost keeps each API call fast.
    static let tokenCost: UInt8 = 4
    /// The shortest password accepted.
    public static let passwordMinimum = 10

    /// Adds a user; the first admin is made this way, on the command line, never over the web.
    @discardableResult
    public func addUser(_ name: String, role: LogUser.Role, password: String, by actor: String, at time: String) throws(Diagnostic) -> LogUser {
        try Self.checkName(name)
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: Self.passwordCost)
        return try write { db in
            guard try LogUser.filter(Column("name") == name).fetchCount(db) == 0 else { throw Diagnostic.error("users.exists", .usersExists, name, at: nil) }
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.rawValue, hash, time])
            let user = LogUser(id: db.lastInsertedRowID, name: name, role: role, createdAt: time)
            _ = try AuditEntry(at: time, user: actor, action: .userAdded, detail: "\(name) (\(role.rawValue))").insert(into: db)
            return user
        }
    }

    /// Every user, by name.
    public func users() throws(Diagnostic) -> [LogUser] {
        try read { db in try LogUser.order(Column("name")).fetchAll(db) }
    }

    /// The user named `name`.
    public func user(named name: String) throws(Diagnostic) -> LogUser {
        try read { db in try Self.user(name, db) }
    }

    /// The user numbered `id`, if there still is one (a removed user's session ends with its next request).
    public func user(id: Int64) throws(Diagnostic) -> LogUser? {
        try read { db in try LogUser.fetchOne(db, key: id) }
    }

    /// Sets a user's password.
    public func setPassword(_ name: String, to password: String, by actor: String, at time: String) throws(Diagnostic) {
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: Self.passwordCost)
        try write { db in
            let user = try Self.user(name, db)
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, user.id])
            _ = try AuditEntry(at: time, user: actor, action: .passwordChanged, detail: name).insert(into: db)
        }
    }

    /// Removes a user (their records stay); the last admin cannot be removed.
    public func removeUser(_ name: String, by actor: String, at time: String) throws(Diagnostic) {
        try write { db in
            let user = try Self.user(name, db)
            if user.role == .admin, try LogUser.filter(Column("role") == LogUser.Role.admin.rawValue).fetchCount(db) == 1 {
                throw Diagnostic.error("users.last-admin", .usersLastAdmin, name, at: nil)
            }
            _ = try LogUser.deleteOne(db, key: user.id)
            _ = try AuditEntry(at: time, user: actor, action: .userRemoved, detail: name).insert(into: db)
        }
    }

    /// Makes a new API token for a user (the one before stops working) and returns it: `NUMBER.SECRET`.
    public func newToken(for name: String, by actor: String, at time: String) throws(Diagnostic) -> String {
        let secret = AdviceRecord.newReference() + AdviceRecord.newReference()
        let hash = Bcrypt.hash(secret, cost: Self.tokenCost)
        return try write { db in
            let user = try Self.user(name, db)
            try db.execute(sql: "UPDATE users SET token_hash = ? WHERE id = ?", arguments: [hash, user.id])
            _ = try AuditEntry(at: time, user: actor, action: .tokenIssued, detail: name).insert(into: db)
            return "\(user.id).\(secret)"
        }
    }

    /// The user whose name and password these are; nil for a wrong name or password (the same time either way).
    public func signIn(_ name: String, password: String) throws(Diagnostic) -> LogUser? {
        let found = try read { db -> (LogUser, String)? in
            guard let user = try LogUser.filter(Column("name") == name).fetchOne(db),
                  let hash = try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE id = ?", arguments: [user.id]) else { return nil }
            return (user, hash)
        }
        // A name that is not there costs the same as a wrong password: the answer's time tells no names.
        let verified = Bcrypt.verify(password, hash: found?.1 ?? Self.decoyHash)
        return verified ? found?.0 : nil
    }

    /// The user an API token (`NUMBER.SECRET`) belongs to; nil for any other text.
    public func user(token: String) throws(Diagnostic) -> LogUser? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[0]), parts[1].utf8.count == 64 else { return nil }
        let found = try read { db -> (LogUser, String)? in
            guard let user = try LogUser.fetchOne(db, key: id),
                  let hash = try String.fetchOne(db, sql: "SELECT token_hash FROM users WHERE id = ?", arguments: [id]) else { return nil }
            return (user, hash)
        }
        guard let found, Bcrypt.verify(String(parts[1]), hash: found.1) else { return nil }
        return found.0
    }

    /// A hash no password matches, checked when a name is not found.
    private static let decoyHash = Bcrypt.hash(AdviceRecord.newReference(), cost: passwordCost)

    private static func user(_ name: String, _ db: Database) throws -> LogUser {
        guard let user = try LogUser.filter(Column("name") == name).fetchOne(db) else { throw Diagnostic.error("users.not-found", .usersNotFound, name, at: nil) }
        return user
    }

    /// A user name: 1–64 letters, digits, `.`, `-` or `_` (it appears in the audit and in tokens' owners).
    static func checkName(_ name: String) throws(Diagnostic) {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 64, allowed else { throw .error("users.bad-name", .usersBadName, name, at: nil) }
    }

    static func checkPassword(_ password: String) throws(Diagnostic) {
        guard password.count >= passwordMinimum else { throw .error("users.weak-password", .usersWeakPassword, String(passwordMinimum), at: nil) }
    }
}
#endif
