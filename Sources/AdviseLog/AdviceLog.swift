#if Log
import AdviseKit
import Foundation
import GRDB

/// The advice log: every advice recorded, the follow-ups and season reports after it, in one SQLite file
/// through GRDB. It lives in the user's data folder (``defaultPath(environment:)``) and never leaves the
/// machine. The schema is migrated from its first version on; a file that is not a log, is damaged or is
/// locked by another program is refused with its cause — never replaced, never emptied.
public final class AdviceLog: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when absent, with its folder) and migrates the log at `path`.
    /// - Parameter busyTimeout: how long a write waits for another program's lock before it is refused.
    /// - Throws: a ``Diagnostic`` `log.corrupt`, `log.locked`, `log.unwritable` or `log.failed`.
    public init(path: String, busyTimeout: TimeInterval = 5) throws(Diagnostic) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            let reason = TextFile.describe(error)
            throw .error("log.unwritable", LocalizedText { Catalogue.format(.logCannotOpen, $0, path, reason($0)) }, at: nil)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // Write-ahead logging, synced at checkpoints: a record costs no disk flush of its own, and a crash or
        // power cut can lose only the last moments' records, never damage the ones before.
        configuration.prepareDatabase { db in
            // What is deleted or erased is overwritten, not left in free pages of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Household data is personal data: the log and its write-ahead files are the owner's alone (0600).
        // SQLite makes the -wal and -shm files with the database file's permissions.
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw Self.diagnostic(error, path)
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) { chmod(file, 0o600) }
    }

    /// `$ADVISE_LOG_DB`, else `advise/advice-log.sqlite` in `$XDG_DATA_HOME` or `~/.local/share`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["ADVISE_LOG_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return data + "/advise/advice-log.sqlite"
    }

    /// The schema, version by version: a version once shipped is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "advice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recorded_at", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("household_id", .text).indexed()
                t.column("household_name", .text)
                t.column("land_m2", .double).notNull()
                t.column("capital_vnd", .double)
                t.column("flood", .text).notNull()
                t.column("salinity", .text).notNull()
                t.column("labour", .double).notNull()
                t.column("members", .double).notNull()
                t.column("current_use", .text).notNull()
                t.column("loan_category", .text).notNull()
                t.column("other_income_vnd", .double).notNull()
                t.column("ruleset_id", .text).notNull()
                t.column("ruleset_version", .text).notNull()
                t.column("ruleset_source", .text).notNull()
                t.column("overrides", .text).notNull()
                t.column("recommendation", .text)
                t.column("investment_vnd", .double)
                t.column("loan_vnd", .double)
                t.column("risk_adjusted_income_vnd", .double)
                t.column("gain_npv_vnd", .double)
                t.column("payback_year", .integer)
                t.column("first_income_year", .integer)
                t.column("income_per_member_month_vnd", .double)
                t.column("predictions", .jsonText).notNull()
            }
            try db.create(table: "follow_up") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("advice_id", .integer).notNull().indexed().references("advice", onDelete: .restrict)
                t.column("recorded_at", .text).notNull()
                t.column("model", .text).notNull()
                t.column("scale", .double)
                t.column("invested_vnd", .double)
                t.column("loan_vnd", .double)
                t.column("note", .text)
            }
            try db.create(table: "season") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("advice_id", .integer).notNull().indexed().references("advice", onDelete: .restrict)
                t.column("recorded_at", .text).notNull()
                t.column("model", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("output", .text)
                t.column("quantity", .double)
                t.column("price_vnd", .double)
                t.column("net_income_vnd", .double)
            }
        }
        // People: a random public reference per record, the household's consent, who recorded it and whether
        // it was erased; the users who sign in; the audit of who read and changed what.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "advice") { t in
                t.add(column: "ref", .text)
                t.add(column: "consent_at", .text)
                t.add(column: "recorded_by", .integer)
                t.add(column: "erased_at", .text)
            }
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM advice") {
                try db.execute(sql: "UPDATE advice SET ref = ? WHERE id = ?", arguments: [AdviceRecord.newReference(), id])
            }
            try db.create(index: "advice_ref", on: "advice", columns: ["ref"], unique: true)
            try db.create(index: "advice_recorded_by", on: "advice", columns: ["recorded_by"])
            try db.create(table: "users") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("role", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("token_hash", .text)
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("user", .text).notNull()
                t.column("action", .text).notNull()
                t.column("advice_id", .integer).indexed()
                t.column("detail", .text)
            }
        }
        // Calibration that cannot be poisoned: a report outside the plausible bounds is confirmed by a named
        // agronomist before it is used; a mistaken report is withdrawn, never deleted.
        migrator.registerMigration("v3") { db in
            for table in ["follow_up", "season"] {
                try db.alter(table: table) { t in
                    t.add(column: "confirmed_by", .text)
                    t.add(column: "withdrawn_at", .text)
                }
            }
        }
        return migrator
    }

    /// The migrations applied to the file, oldest first.
    public func appliedMigrations() throws(Diagnostic) -> [String] {
        try read { db in try Self.migrator.appliedIdentifiers(db).sorted() }
    }

    /// Records an advice; returns its number.
    public func record(_ advice: AdviceRecord) throws(Diagnostic) -> Int64 {
        try write { db in try advice.insert(into: db) }
    }

    /// Records what a household did after advice `followUp.adviceID`, audited as done by `actor`.
    public func add(_ followUp: FollowUp, by actor: String) throws(Diagnostic) -> Int64 {
        try insert(followUp, after: followUp.adviceID, audit: AuditEntry(at: followUp.recordedAt, user: actor, action: .followUp, adviceID: followUp.adviceID))
    }

    /// Records a season's report, audited as done by `actor`.
    public func add(_ season: SeasonReport, by actor: String) throws(Diagnostic) -> Int64 {
        try insert(season, after: season.adviceID, audit: AuditEntry(at: season.recordedAt, user: actor, action: .season, adviceID: season.adviceID))
    }

    /// Inserts a report about an advice, which must be in the log, with its audit line; returns its number.
    private func insert(_ report: some LogRow & Sendable, after advice: Int64, audit: AuditEntry) throws(Diagnostic) -> Int64 {
        let path = self.path
        return try write { db in
            guard try AdviceRecord.exists(db, key: advice) else { throw Self.notFound(String(advice), path) }
            let id = try report.insert(into: db)
            _ = try audit.insert(into: db)
            return id
        }
    }

    /// The advice recorded, newest first, `limit` of them (all when nil).
    public func records(limit: Int? = nil) throws(Diagnostic) -> [AdviceRecord] {
        try read { db in try AdviceRecord.order(Column("id").desc).limit(limit ?? -1).fetchAll(db) }
    }

    /// The advice recorded by one user, newest first, `limit` of them (all when nil).
    public func records(by user: Int64, limit: Int? = nil) throws(Diagnostic) -> [AdviceRecord] {
        try read { db in try AdviceRecord.filter(Column("recorded_by") == user).order(Column("id").desc).limit(limit ?? -1).fetchAll(db) }
    }

    /// One advice with its follow-ups and seasons.
    public func history(_ id: Int64) throws(Diagnostic) -> AdviceHistory {
        let path = self.path
        return try read { db in
            guard let record = try AdviceRecord.fetchOne(db, key: id) else { throw Self.notFound(String(id), path) }
            return try Self.history(of: record, db)
        }
    }

    /// One advice, found by its public reference (the web's only way to a record), with what came after it.
    public func history(reference: String) throws(Diagnostic) -> AdviceHistory {
        let path = self.path
        return try read { db in
            guard AdviceRecord.isReference(reference), let record = try AdviceRecord.filter(Column("ref") == reference).fetchOne(db) else {
                throw Self.notFound(reference, path)
            }
            return try Self.history(of: record, db)
        }
    }

    /// One advice by its number or its reference, as the command line takes it.
    public func history(key: String) throws(Diagnostic) -> AdviceHistory {
        if let number = Int64(key) { return try history(number) }
        return try history(reference: key)
    }

    private static func history(of record: AdviceRecord, _ db: Database) throws -> AdviceHistory {
        let id = record.id ?? 0
        return AdviceHistory(record: record, followUps: try FollowUp.filter(Column("advice_id") == id).order(Column("id")).fetchAll(db),
                             seasons: try SeasonReport.filter(Column("advice_id") == id).order(Column("id")).fetchAll(db))
    }

    /// Every advice with its follow-ups and seasons, oldest first.
    public func histories() throws(Diagnostic) -> [AdviceHistory] {
        try read { db in
            let followUps = Dictionary(grouping: try FollowUp.order(Column("id")).fetchAll(db), by: \.adviceID)
            let seasons = Dictionary(grouping: try SeasonReport.order(Column("id")).fetchAll(db), by: \.adviceID)
            return try AdviceRecord.order(Column("id")).fetchAll(db).map { record in
                AdviceHistory(record: record, followUps: followUps[record.id ?? 0] ?? [], seasons: seasons[record.id ?? 0] ?? [])
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do {
            return try queue.read(body)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Self.diagnostic(error, path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do {
            return try queue.write(body)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Self.diagnostic(error, path)
        }
    }

    static func notFound(_ key: String, _ path: String) -> Diagnostic {
        .error("log.not-found", .logNoAdvice, key, path, at: nil)
    }

    /// An SQLite failure as the user reads it: what happened to which file, in our words, with SQLite's
    /// code kept for an engineer (its own English message never reaches a message).
    static func diagnostic(_ error: any Error, _ path: String) -> Diagnostic {
        guard let error = error as? DatabaseError else {
            let reason = TextFile.describe(error)
            return .error("log.failed", LocalizedText { Catalogue.format(.logFailed, $0, path, reason($0)) }, at: nil)
        }
        let (code, key, reason): (String, Catalogue.Key, Catalogue.Key) = switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: ("log.corrupt", .logCorrupt, .reasonNotDatabase)
        case .SQLITE_BUSY, .SQLITE_LOCKED: ("log.locked", .logLocked, .reasonBusy)
        case .SQLITE_FULL: ("log.unwritable", .logCannotOpen, .reasonDiskFull)
        case .SQLITE_IOERR: ("log.unwritable", .logCannotOpen, .reasonIO)
        case .SQLITE_READONLY: ("log.unwritable", .logCannotOpen, .reasonReadOnlyFile)
        case .SQLITE_PERM: ("log.unwritable", .logCannotOpen, .reasonNoPermission)
        case .SQLITE_CANTOPEN: ("log.unwritable", .logCannotOpen, .reasonCannotOpen)
        default: ("log.failed", .logFailed, .reasonSystem)
        }
        let number = String(error.extendedResultCode.rawValue)
        return .error(code, LocalizedText { Catalogue.format(key, $0, path, Catalogue.format(.reasonSQLite, $0, Catalogue.text(reason, $0), number)) }, at: nil)
    }
}

/// A row of the log: read back through `Codable`, written from its ``columns`` with one cached statement a
/// table (the predictions serialized by the engine's own JSON writer): a write is part of every served answer.
protocol LogRow: FetchableRecord, TableRecord, Codable {
    var columns: [(name: String, value: LogValue)] { get }
}

extension LogRow {
    /// Inserts the row (its number chosen by SQLite); returns the number.
    func insert(into db: Database) throws -> Int64 {
        let columns = self.columns.filter { $0.name != "id" }
        let sql = "INSERT INTO \(Self.databaseTableName) (\(columns.map(\.name).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { column -> DatabaseValue in
            switch column.value {
            case .null: .null
            case let .integer(i): i.databaseValue
            case let .real(d): d.databaseValue
            case let .text(t): t.databaseValue
            }
        }))
        return db.lastInsertedRowID
    }
}

extension AdviceRecord: LogRow {
    public static var databaseTableName: String { "advice" }
}

extension FollowUp: LogRow {
    public static var databaseTableName: String { "follow_up" }
}

extension SeasonReport: LogRow {
    public static var databaseTableName: String { "season" }
}

extension AuditEntry: LogRow {
    public static var databaseTableName: String { "audit" }
}
#endif
