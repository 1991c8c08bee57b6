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

    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
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
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func adviceFollowUpSeasonsCalibrationAndAnOverrideRulesCheckAccepts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-log-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("log.sqlite").path
        // --log, and ADVISE_LOG=1 as the setting that logs every advice.
        let advice = try Self.run(["--land", "7000", "--capital", "150tr", "--id", "H-17", "--draws", "0", "--log", "--log-db", db])
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
        #expect(export.stdout.hasPrefix("id,advice_id,recorded_at,model,year,output,quantity,price_vnd,net_income_vnd\n"))
        #expect(export.stdout.split(separator: "\n").count == 4)
    }
}
#endif
