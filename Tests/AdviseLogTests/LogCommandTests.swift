#if Log
import Foundation
import Testing

/// The round trip an officer makes with the built `advise`: advice logged, a follow-up and seasons recorded,
/// the calibration table, and a proposed override that `advise rules check` accepts.
@Suite struct LogCommandTests {
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("advise")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return AdviceLogTests.root.appendingPathComponent(".build/debug/advise")
    }

    static func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = AdviceLogTests.root
        var environment = ProcessInfo.processInfo.environment
        environment["ADVISE_RULES"] = nil
        environment["ADVISE_TODAY"] = "2026-11-29"
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func adviceFollowUpSeasonsCalibrationAndAnOverrideRulesCheckAccepts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-log-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("log.sqlite").path
        // --log, and ADVISE_LOG=1 as the setting that logs every advice.
        let advice = try Self.run(["--land", "7000", "--capital", "150tr", "--id", "H-17", "--draws", "0", "--log", "--consent", "--log-db", db])
        #expect(advice.status == 0, "\(advice.stderr)")
        #expect(advice.stderr.contains("đã ghi vào sổ tư vấn, số 1"))
        let second = try Self.run(["--land", "5000", "--capital", "80tr", "--draws", "0", "--format", "json"], environment: ["ADVISE_LOG": "1", "ADVISE_LOG_DB": db])
        #expect(second.status == 0 && second.stderr.contains("số 2"), "\(second.stderr)")

        let list = try Self.run(["log", "list", "--log-db", db])
        #expect(list.stdout.contains("H-17") && list.stdout.contains("7.000 m²"))
        #expect(try Self.run(["log", "follow-up", "1", "--model", "organic-coconut", "--area", "4cong", "--invested", "60tr", "--log-db", db]).status == 0)
        for (year, quantity) in [(4, "2800"), (4, "3200"), (5, "4000")] {
            let season = try Self.run(["log", "season", "1", "--model", "organic-coconut", "--year", String(year), "--net-income", "9tr",
                                       "--output", "green-coconut", "--quantity", quantity, "--price", "4500", "--log-db", db])
            #expect(season.status == 0, "\(season.stderr)")
        }
        // A loss season is recorded as it was (calibration must see bad years too).
        let loss = try Self.run(["log", "season", "1", "--model", "organic-coconut", "--year", "2", "--net-income", "-9tr", "--log-db", db])
        #expect(loss.status == 0, "\(loss.stderr)")
        let show = try Self.run(["log", "show", "1", "--log-db", db, "--lang", "en"])
        #expect(show.stdout.contains("Advice #1") && show.stdout.contains("organic-coconut, scale 4,000"), "\(show.stdout)")

        // A wrong model or output is named with the accepted ones, and nothing is recorded.
        let wrong = try Self.run(["log", "season", "1", "--model", "organic-coconut", "--year", "4", "--output", "nuts", "--log-db", db])
        #expect(wrong.status == 64 && wrong.stderr.contains("'nuts' không phải sản phẩm của organic-coconut; các sản phẩm là green-coconut"))
        #expect(try Self.run(["log", "show", "7", "--log-db", db]).status == 65)

        let proposal = folder.appendingPathComponent("calibration.yaml").path
        let calibration = try Self.run(["log", "calibration", "--log-db", db, "--propose", proposal])
        #expect(calibration.status == 0, "\(calibration.stderr)")
        #expect(calibration.stdout.contains("yield:green-coconut") && calibration.stdout.contains("price:green-coconut"))
        let check = try Self.run(["rules", "check", "--override", proposal, "--lang", "en"])
        #expect(check.status == 0 && check.stdout.contains("0 errors"), "\(check.stdout)")
        #expect(try String(contentsOfFile: proposal, encoding: .utf8).contains("organic-coconut.outputs.green-coconut.price"))
        // The proposal is never written over a file that exists.
        #expect(try Self.run(["log", "calibration", "--log-db", db, "--propose", db]).status != 0)

        let export = try Self.run(["log", "export", "--log-db", db, "--table", "season"])
        #expect(export.stdout.hasPrefix("id,advice_id,recorded_at,model,year,output,quantity,price_vnd,net_income_vnd,confirmed_by,withdrawn_at\n"))
        #expect(export.stdout.split(separator: "\n").count == 5 && export.stdout.contains(",2,,,,-9000000,,\n"), "\(export.stdout)")

        // The advice table is de-identified unless an admin asks for the names; every export is audited.
        let plain = try Self.run(["log", "export", "--log-db", db])
        #expect(plain.status == 0 && !plain.stdout.contains("H-17"))
        let columns = plain.stdout.split(separator: "\n")[0].split(separator: ",")
        let money = columns.indices.filter { columns[$0].hasSuffix("_vnd") }
        for row in plain.stdout.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(money.allSatisfy { !cells[$0].contains(".") }, "whole đồng: \(row)")
        }
        #expect(try Self.run(["log", "export", "--log-db", db, "--with-names"]).stdout.contains("H-17"))
        let audit = try Self.run(["log", "audit", "--log-db", db, "--lang", "en"])
        #expect(audit.stdout.contains("export") && audit.stdout.contains("advice --with-names") && audit.stdout.contains("season"), "\(audit.stdout)")

        // Without --consent a named household is recorded without its id, and told so.
        let anonymous = try Self.run(["--land", "3000", "--id", "H-18", "--draws", "0", "--log", "--log-db", db])
        #expect(anonymous.stderr.contains("không kèm mã hay tên hộ (chưa có --consent)"), "\(anonymous.stderr)")
        #expect(!(try Self.run(["log", "list", "--log-db", db]).stdout.contains("H-18")))

        // The household asks to be forgotten: its id is gone from every record, the figures stay.
        let forget = try Self.run(["log", "forget", "1", "--log-db", db])
        #expect(forget.status == 0 && forget.stderr.contains("1 bản ghi"), "\(forget.stderr)")
        #expect(!(try Self.run(["log", "export", "--log-db", db, "--with-names"]).stdout.contains("H-17")))
        #expect(try Self.run(["log", "forget", "99", "--log-db", db]).status == 65)
    }

    @Test func theFirstAdminIsMadeOnTheCommandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-users-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("log.sqlite").path
        #expect(try Self.run(["users", "list", "--log-db", db]).stdout.contains("advise users add"))
        let add = try Self.run(["users", "add", "an", "--role", "admin", "--password-stdin", "--log-db", db], input: "an-long-password\n")
        #expect(add.status == 0 && add.stderr.contains("đã thêm người dùng an (quản trị viên)"), "\(add.stderr)")
        let weak = try Self.run(["users", "add", "bao", "--role", "officer", "--password-stdin", "--log-db", db], input: "short\n")
        #expect(weak.status == 65 && weak.stderr.contains("mật khẩu cần ít nhất 10 ký tự"))
        let noPassword = try Self.run(["users", "add", "bao", "--role", "officer", "--log-db", db], input: "")
        #expect(noPassword.status == 64 && noPassword.stderr.contains("--password-stdin"), "no terminal, no password: \(noPassword.stderr)")
        #expect(try Self.run(["users", "add", "an", "--role", "officer", "--password-stdin", "--log-db", db], input: "another-password\n").status == 65)
        let token = try Self.run(["users", "token", "an", "--log-db", db])
        #expect(token.stdout.firstMatch(of: /^[0-9]+\.[0-9a-f]{64}\n$/) != nil, "\(token.stdout)")
        let last = try Self.run(["users", "remove", "an", "--log-db", db])
        #expect(last.status == 65 && last.stderr.contains("quản trị viên cuối cùng"))
        #expect(try Self.run(["users", "list", "--log-db", db, "--lang", "en"]).stdout.contains("an    admin"))
    }

    /// Three inflated season reports (a price × 90 of what year 5 expects: coconut is still 0.4 % under its long-run
    /// price then, hence ×90.33 of the base) cannot move the rule set: they are set aside until an
    /// agronomist confirms them, a proposal moves no figure past the cap, and `rules check` refuses a larger
    /// change without a named agronomist's `confirmed_by`.
    @Test func calibrationCannotBePoisoned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-poison-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("log.sqlite").path
        #expect(try Self.run(["--land", "7000", "--capital", "150tr", "--draws", "0", "--log", "--log-db", db]).status == 0)
        #expect(try Self.run(["log", "follow-up", "1", "--model", "organic-coconut", "--area", "4cong", "--log-db", db]).status == 0)
        for price in ["450000", "450000", "450000", "10000", "10000", "10000"] {
            let season = try Self.run(["log", "season", "1", "--model", "organic-coconut", "--year", "5", "--output", "green-coconut", "--price", price, "--log-db", db])
            #expect(season.status == 0, "\(season.stderr)")
        }
        let table = try Self.run(["log", "calibration", "--log-db", db, "--lang", "en"])
        #expect(table.stdout.contains("Left out until an agronomist confirms"), "\(table.stdout)")
        #expect(table.stdout.contains("season 1: organic-coconut price:green-coconut ×90.33"), "\(table.stdout)")
        let proposal = folder.appendingPathComponent("proposal.yaml").path
        #expect(try Self.run(["log", "calibration", "--log-db", db, "--propose", proposal]).status == 0)
        let proposed = try String(contentsOfFile: proposal, encoding: .utf8)
        #expect(proposed.contains("median of reported ÷ predicted 2.00727 over 3 reports") && proposed.contains("capped at ×1.5"), "\(proposed)")
        #expect(try Self.run(["rules", "check", "--override", proposal]).status == 0, "a capped proposal passes")

        // The agronomist raises the price past the cap by hand: refused until they sign it.
        let raised = proposed.replacingOccurrences(of: "base: 7500, high: 13500", with: "base: 15000, high: 27000")
        #expect(raised != proposed)
        try raised.write(toFile: proposal + ".raised.yaml", atomically: true, encoding: .utf8)
        let refused = try Self.run(["rules", "check", "--override", proposal + ".raised.yaml", "--lang", "en"])
        #expect(refused.status == 65 && refused.stdout.contains("override.uncapped"), "\(refused.stdout)")
        let signed = raised.replacingOccurrences(of: "high: 27000,", with: "high: 27000, confirmed_by: chi,")
        try signed.write(toFile: proposal + ".signed.yaml", atomically: true, encoding: .utf8)
        #expect(try Self.run(["rules", "check", "--override", proposal + ".signed.yaml"]).status == 0)

        // Only an agronomist of the log confirms a report; a withdrawn report is no longer used.
        #expect(try Self.run(["log", "confirm", "season", "1", "--by", "chi", "--log-db", db]).status == 65)
        #expect(try Self.run(["users", "add", "chi", "--role", "agronomist", "--password-stdin", "--log-db", db], input: "chi-password-1\n").status == 0)
        #expect(try Self.run(["log", "confirm", "season", "1", "--by", "chi", "--log-db", db]).status == 0)
        #expect(try Self.run(["log", "withdraw", "season", "2", "--log-db", db]).status == 0)
        let after = try Self.run(["log", "calibration", "--log-db", db, "--lang", "en"]).stdout
        #expect(after.contains("season 3:") && !after.contains("season 1:") && !after.contains("season 2:"), "\(after)")
        let audit = try Self.run(["log", "audit", "--log-db", db, "--lang", "en"]).stdout
        #expect(audit.contains("confirm") && audit.contains("season 1 chi") && audit.contains("withdraw"), "\(audit)")
    }
}
#endif
