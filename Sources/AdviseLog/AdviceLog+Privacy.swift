#if Log
import AdviseKit
import Foundation
import GRDB

/// A household's rights over its data (Law No. 91/2025/QH15): erased on request and after the retention
/// period, every read and change by a user audited.
extension AdviceLog {
    /// Adds a line to the audit table.
    public func audit(_ entry: AuditEntry) throws(Diagnostic) {
        _ = try write { db in try entry.insert(into: db) }
    }

    /// The audit table, newest first, `limit` lines (all when nil).
    public func auditTrail(limit: Int? = nil) throws(Diagnostic) -> [AuditEntry] {
        try read { db in try AuditEntry.order(Column("id").desc).limit(limit ?? -1).fetchAll(db) }
    }

    /// Records an advice on behalf of a user, audited in the same transaction; returns its number.
    public func record(_ advice: AdviceRecord, by actor: String) throws(Diagnostic) -> Int64 {
        try write { db in
            let id = try advice.insert(into: db)
            _ = try AuditEntry(at: advice.recordedAt, user: actor, action: .record, adviceID: id).insert(into: db)
            return id
        }
    }

    /// Erases a household's identifying data — its id and name in every record that carries them, and the
    /// notes of what it did — at its request; the figures stay, de-identified, for calibration. The file is
    /// then compacted, so that the erased text is in none of its bytes. Returns the records erased.
    @discardableResult
    public func forget(_ key: String, by actor: String, at time: String) throws(Diagnostic) -> [Int64] {
        let record = try history(key: key).record
        let erased = try write { db -> [Int64] in
            var ids: Set<Int64> = [record.id ?? 0]
            if let household = record.householdID {
                ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM advice WHERE household_id = ?", arguments: [household]))
            }
            let sorted = ids.sorted()
            try Self.erase(sorted, at: time, db)
            for id in sorted { _ = try AuditEntry(at: time, user: actor, action: .forget, adviceID: id).insert(into: db) }
            return sorted
        }
        try compact()
        return erased
    }

    /// Erases the identifying data of every record made before `day` (`YYYY-MM-DD`): the retention period's
    /// end. Returns how many records were erased.
    @discardableResult
    public func prune(before day: String, by actor: String, at time: String) throws(Diagnostic) -> Int {
        let erased = try write { db -> [Int64] in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM advice WHERE recorded_at < ? AND erased_at IS NULL
                AND (household_id IS NOT NULL OR household_name IS NOT NULL OR id IN (SELECT advice_id FROM follow_up WHERE note IS NOT NULL))
                """, arguments: [day])
            try Self.erase(ids, at: time, db)
            if !ids.isEmpty { _ = try AuditEntry(at: time, user: actor, action: .prune, detail: "\(ids.count) < \(day)").insert(into: db) }
            return ids
        }
        if !erased.isEmpty { try compact() }
        return erased.count
    }

    private static func erase(_ ids: [Int64], at time: String, _ db: Database) throws {
        for id in ids {
            try db.execute(sql: "UPDATE advice SET household_id = NULL, household_name = NULL, erased_at = ? WHERE id = ?", arguments: [time, id])
            try db.execute(sql: "UPDATE follow_up SET note = NULL WHERE advice_id = ?", arguments: [id])
        }
    }

    /// An agronomist (a user of the log with that role) confirms a report outside the plausible bounds:
    /// Audited.
    public func confirm(_ kind: ReportKind, _ id: Int64, by agronomist: String, actor: String, at time: String) throws(Diagnostic) {
        try changeReport(kind, id, action: .confirm, detail: agronomist, actor: actor, at: time) { db, table in
            guard let user = try LogUser.filter(Column("name") == agronomist).fetchOne(db), user.role == .agronomist else {
                throw Diagnostic.error("log.not-agronomist", .logNotAgronomist, agronomist, at: nil)
            }
            try db.execute(sql: "UPDATE \(table) SET confirmed_by = ? WHERE id = ?", arguments: [agronomist, id])
        }
    }

    /// Withdraws a mistaken report: kept, no longer used by the calibration. Audited.
    public func withdraw(_ kind: ReportKind, _ id: Int64, by actor: String, at time: String) throws(Diagnostic) {
        try changeReport(kind, id, action: .withdraw, detail: nil, actor: actor, at: time) { db, table in
            try db.execute(sql: "UPDATE \(table) SET withdrawn_at = ? WHERE id = ?", arguments: [time, id])
        }
    }

    private func changeReport(_ kind: ReportKind, _ id: Int64, action: AuditEntry.Action, detail: String?, actor: String, at time: String,
                              _ change: (Database, String) throws -> Void) throws(Diagnostic) {
        let table = kind.table
        try write { db in
            guard let advice = try Int64.fetchOne(db, sql: "SELECT advice_id FROM \(table) WHERE id = ?", arguments: [id]) else {
                throw Diagnostic.error("log.not-found", .logNoReport, kind.rawValue, String(id), at: nil)
            }
            try change(db, table)
            _ = try AuditEntry(at: time, user: actor, action: action, adviceID: advice, detail: "\(kind.rawValue) \(id)" + (detail.map { " " + $0 } ?? "")).insert(into: db)
        }
    }

    /// Moves the write-ahead file into the database, rebuilds the file without its free pages and empties the
    /// write-ahead file: what was erased is then in no byte of either.
    func compact() throws(Diagnostic) {
        do {
            try queue.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
        } catch {
            throw Self.diagnostic(error, path)
        }
    }
}
#endif
