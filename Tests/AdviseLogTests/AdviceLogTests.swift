#if Log
@testable import AdviseKit
import AdviseLog
import AdviseRuleSet
import Foundation
import GRDB
import Testing

/// The advice log on disk: what goes in comes back, the schema is versioned, and a damaged or locked file is
/// an error with its cause that leaves every row where it was.
@Suite struct AdviceLogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let ruleSet: RuleSet = (try? RuleSetLoader.load(directory: root.appendingPathComponent("Rules").path))!

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("advise-log-\(UUID().uuidString)/advice-log.sqlite").path
    }

    static func record(land: String = "7000") throws -> AdviceRecord {
        var input = HouseholdInput(id: "H-\(land)")
        input[.landM2] = .init(land)
        input[.capitalVND] = .init("150tr")
        let household = try HouseholdParser(settings: ruleSet.settings).parse(input)
        let evaluator = Evaluator(ruleSet: ruleSet, year: 2026)
        return AdviceRecord(evaluator.advise(household, plans: true, odds: nil), evaluator: evaluator, source: "Rules", channel: "cli", at: "2026-11-29T12:00:00Z")
    }

    @Test func whatIsRecordedComesBackWithItsFollowUpsAndSeasons() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let log = try AdviceLog(path: path)
        let original = try Self.record()
        let id = try log.record(original)
        let second = try log.record(try Self.record(land: "3000"))
        #expect(second == id + 1)
        let followUp = FollowUp(adviceID: id, recordedAt: "2027-01-05T12:00:00Z", model: "organic-coconut", scale: 4000, investedVND: 60e6, loanVND: 20e6, note: "vay VBSP")
        _ = try log.add(followUp, by: "test")
        _ = try log.add(SeasonReport(adviceID: id, recordedAt: "2028-01-05T12:00:00Z", model: "organic-coconut", year: 1, netIncomeVND: -2e6), by: "test")
        let history = try log.history(id)
        var expected = original
        expected.id = id
        #expect(history.record == expected)
        #expect(history.followUps.map(\.model) == ["organic-coconut"] && history.followUps.first?.investedVND == 60e6 && history.followUps.first?.note == "vay VBSP")
        #expect(history.seasons.map(\.netIncomeVND) == [-2e6])
        #expect(try log.records().map(\.id) == [second, id])
        #expect(try log.records(limit: 1).map(\.id) == [second])
        #expect(try log.histories().map(\.record.id) == [id, second])
        // Reopened, it is the same log, migrated once.
        let again = try AdviceLog(path: path)
        #expect(try again.appliedMigrations() == ["v1", "v2", "v3"])
        #expect(try again.history(id) == history)
    }

    /// A household that asks to be forgotten: its id and name are in no byte of the log's files afterwards (all
    /// its records, the notes of what it did), and the figures stay for calibration.
    @Test func aForgottenHouseholdIsInNoByteOfTheFile() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let log = try AdviceLog(path: path)
        var record = try Self.record()
        record.householdID = "HH-ERASE-4711"
        record.householdName = "Nguyễn Văn Xoá"
        let first = try log.record(record.consented("2026-11-29"))
        var again = try Self.record(land: "3000")
        again.householdID = "HH-ERASE-4711"
        let second = try log.record(again.consented("2026-11-29"))
        let other = try log.record(try Self.record(land: "5000").consented("2026-11-29"))
        _ = try log.add(FollowUp(adviceID: first, recordedAt: "2027-01-05T12:00:00Z", model: "organic-coconut", note: "chị Xoá vay VBSP"), by: "test")
        func bytes() throws -> Data {
            try [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }.reduce(into: Data()) { $0 += try Data(contentsOf: URL(fileURLWithPath: $1)) }
        }
        #expect(try bytes().range(of: Data("HH-ERASE-4711".utf8)) != nil, "the test would see the id if it were there")

        let erased = try log.forget(record.reference, by: "an", at: "2027-02-01T08:00:00Z")
        #expect(erased == [first, second])
        for secret in ["HH-ERASE-4711", "Nguyễn Văn Xoá", "chị Xoá"] {
            #expect(try bytes().range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        let history = try log.history(first)
        #expect(history.record.householdID == nil && history.record.erasedAt == "2027-02-01T08:00:00Z" && history.record.investmentVND == record.investmentVND)
        #expect(try log.history(other).record.householdID == "H-5000", "another household is untouched")
        #expect(try log.auditTrail().filter { $0.action == .forget }.compactMap(\.adviceID).sorted() == [first, second])

        // After the retention period, the rest loses its ids too.
        #expect(try log.prune(before: "2026-12-01", by: "an", at: "2031-12-01T08:00:00Z") == 1)
        #expect(try log.records().allSatisfy { $0.householdID == nil })
    }

    @Test func usersSignInWithTheirPasswordOrTokenOnly() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let log = try AdviceLog(path: path)
        let bao = try log.addUser("bao", role: .officer, password: "correct horse", by: "test", at: "2026-11-29T08:00:00Z")
        #expect(try log.signIn("bao", password: "correct horse") == bao)
        #expect(try log.signIn("bao", password: "correct hors") == nil && log.signIn("nobody", password: "correct horse") == nil)
        let token = try log.newToken(for: "bao", by: "test", at: "2026-11-29T08:00:00Z")
        #expect(try log.user(token: token) == bao)
        let newer = try log.newToken(for: "bao", by: "test", at: "2026-11-29T08:00:00Z")
        #expect(try log.user(token: token) == nil && log.user(token: newer) == bao, "a new token replaces the old")
        #expect(try log.user(token: "bao") == nil && log.user(token: "") == nil)
        #expect { try log.addUser("bao", role: .admin, password: "another password", by: "test", at: "") } throws: { ($0 as? Diagnostic)?.code == "users.exists" }
        #expect { try log.addUser("b o", role: .admin, password: "another password", by: "test", at: "") } throws: { ($0 as? Diagnostic)?.code == "users.bad-name" }
        try log.setPassword("bao", to: "a new password", by: "test", at: "")
        #expect(try log.signIn("bao", password: "correct horse") == nil && log.signIn("bao", password: "a new password") == bao)
        // Neither the password nor the token is in the file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data("a new password".utf8)) == nil && bytes.range(of: Data(newer.split(separator: ".")[1].utf8)) == nil)
        try log.removeUser("bao", by: "test", at: "")
        #expect(try log.user(id: bao.id) == nil && log.signIn("bao", password: "a new password") == nil)
    }

    /// Household data is personal data: the log and its write-ahead files are the owner's alone, also a log
    /// made before (0644) once it is opened again.
    @Test func theLogAndItsWriteAheadFilesAreTheOwnersAlone() throws {
        let path = Self.temporaryPath()
        defer { for f in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: f) } }
        func mode(_ file: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int ?? 0) & 0o777 }
        do {
            let log = try AdviceLog(path: path)
            _ = log.path
            #expect(try mode(path) == 0o600)
            for f in [path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: f) { #expect(try mode(f) == 0o600, "\(f)") }
        }
        chmod(path, 0o644)
        _ = try AdviceLog(path: path)
        #expect(try mode(path) == 0o600)
    }

    @Test func aFollowUpForAnAdviceNotInTheLogIsRefused() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let log = try AdviceLog(path: path)
        #expect { _ = try log.add(FollowUp(adviceID: 99, recordedAt: "", model: "organic-coconut"), by: "test") } throws: { ($0 as? Diagnostic)?.code == "log.not-found" }
        #expect(try log.histories().isEmpty)
    }

    /// A file that is not a log is refused with its cause, in the user's language, and left byte for byte.
    @Test func aDamagedFileIsAnErrorAndIsLeftAsItIs() throws {
        let path = Self.temporaryPath()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect { _ = try AdviceLog(path: path) } throws: { error in
            let d = error as? Diagnostic
            return d?.code == "log.corrupt" && d?.message(in: .vi).contains("bị hỏng") == true && d?.message.contains(path) == true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    /// While another program holds the log, a write waits, then is refused as `log.locked`; nothing recorded
    /// before is lost, and the write goes through once the lock is gone.
    @Test func aLockedLogRefusesTheWriteAndLosesNothing() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let first = try AdviceLog(path: path).record(try Self.record())
        let log = try AdviceLog(path: path, busyTimeout: 0.2)
        var holder = Configuration()
        holder.allowsUnsafeTransactions = true  // another program's transaction, held open across accesses
        let other = try DatabaseQueue(path: path, configuration: holder)
        try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        #expect { _ = try log.record(try Self.record(land: "3000")) } throws: { ($0 as? Diagnostic)?.code == "log.locked" }
        try other.inDatabase { db in try db.execute(sql: "COMMIT") }
        let second = try log.record(try Self.record(land: "3000"))
        #expect(try log.histories().map(\.record.id) == [first, second])
    }

    @Test func theDefaultPlaceIsTheUsersDataFolder() {
        #expect(AdviceLog.defaultPath(environment: ["HOME": "/home/oanh"]) == "/home/oanh/.local/share/advise/advice-log.sqlite")
        #expect(AdviceLog.defaultPath(environment: ["HOME": "/home/oanh", "XDG_DATA_HOME": "/data"]) == "/data/advise/advice-log.sqlite")
        #expect(AdviceLog.defaultPath(environment: ["ADVISE_LOG_DB": "/tmp/x.sqlite", "HOME": "/home/oanh"]) == "/tmp/x.sqlite")
    }
}
#endif
