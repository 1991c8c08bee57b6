import AdviseKit
import Foundation
import Testing

/// The built `advise` binary, run as a user runs it: standard output, standard error and exit code.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test bundle sits in the same build folder as the executable.
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("advise")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Fixtures.root.appendingPathComponent(".build/debug/advise")
    }

    static func run(_ arguments: [String], in directory: URL = Fixtures.root, today: String = "2026-11-29", executable: URL = binary) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["ADVISE_RULES"] = nil
        // The rule set's prices are valid until 2026-12-31: a fixed day keeps these tests from warning later.
        environment["ADVISE_TODAY"] = today
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: [("2026-06-01", 2_000_000.0, 2026), ("2027-03-01", 2_800_000.0, 2027)])
    func thePovertyLineIsTheOneInForce(_ today: String, _ line: Double, _ year: Int) throws {
        let r = try Self.run(["--land", "7000", "--format", "json", "--draws", "0"], today: today)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["poverty_line_vnd_month"] as? Double == line)
        #expect(json["poverty_line_year"] as? Int == year)
        // Each option is compared in its first year at full yield, with the line in force then (2027–2030: 2.8 M).
        for option in json["options"] as? [[String: Any]] ?? [] {
            let compared = try #require(option["poverty_year"] as? Int)
            #expect(compared > year)
            #expect(option["poverty_line_vnd_month"] as? Double == 2_800_000)
        }
    }

    @Test func aLandlessHouseholdGetsPathwaysWithFigures() throws {
        let r = try Self.run(["--land", "0", "--capital", "5tr", "--loan-category", "poor", "--format", "json", "--draws", "200"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let options = try #require(json["options"] as? [[String: Any]])
        let open = options.filter { $0["verdict"] as? String != "unsuitable" }.compactMap { $0["model"] as? String }
        #expect(Set(open) == ["vocational-training-job", "work-abroad-japan"])
        let abroad = try #require(options.first { $0["model"] as? String == "work-abroad-japan" })
        // The cheapest VBSP loan that closes the gap: the poor-household one here (6.24 %), else the work-abroad one.
        #expect(((abroad["loan"] as? [String: Any])?["programme"] as? String)?.hasPrefix("vbsp-") == true)
        #expect(abroad["risk"] is [String: Any])
        #expect((json["recommended_plan"] as? [String: Any]) != nil)
    }

    @Test func otherIncomeCountsTowardsThePovertyLine() throws {
        let without = try Self.run(["--household", "Samples/oanh-goat-household.yaml", "--format", "json", "--draws", "0"])
        let with = try Self.run(["--household", "Samples/oanh-goat-household.yaml", "--other-income", "12tr/tháng", "--format", "json", "--draws", "0"])
        let a = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(with.stdout.utf8)) as? [String: Any])
        #expect((b["household"] as? [String: Any])?["other_income_vnd"] as? Double == 144_000_000)
        let first = { (d: [String: Any]) in (d["options"] as? [[String: Any]])?.first }
        let gain = try #require(first(b)?["income_per_member_month_vnd"] as? Double) - (try #require(first(a)?["income_per_member_month_vnd"] as? Double))
        #expect(abs(gain - 12_000_000 / 4) < 1, "12 M a month over 4 members")
        #expect(first(b)?["above_poverty_line"] as? Bool == true)
        #expect(try Self.run(["--land", "7000", "--other-income", "lots"]).status == 64)
    }

    /// The interview's Ms Oanh (README's calibration table), who has raised goats for years: the eight does her
    /// 800 m² of grass feed on the household's VBSP loan, beside a member's work away on the worker's own loan,
    /// which lets her carry it; the goats alone, whose first-year feed comes before the kids are sold, only
    /// with her own money.
    @Test func msOanhsGoatsLiftHerHouseholdWithItsOtherIncome() throws {
        let r = try Self.run(["--household", "Samples/oanh-goat-household.yaml", "--other-income", "9.5tr/tháng", "--format", "json", "--draws", "0"])
        let advice = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let plan = try #require(advice["plan"] as? [String: Any])
        let components = try #require(plan["components"] as? [[String: Any]])
        let models = components.compactMap { $0["model"] as? String }
        #expect(models.count == 2 && models.first == "goat-raising", "\(models)")
        #expect(models.filter { ["vocational-training-job", "work-abroad-japan"].contains($0) }.count == 1, "one member's work away")
        #expect((components.first?["scale"] as? [String: Any])?["units"] as? Double == 8, "the does her 800 m² of grass feed")
        let loans = try #require(plan["loans"] as? [[String: Any]])
        #expect(loans.first?["programme"] as? String == "vbsp-poor")
        #expect(loans.count == 1 || loans.last?["programme"] as? String == "vbsp-work-abroad", "the worker's own loan beside the household's")
        #expect((plan["loan"] as? [String: Any])?["programme"] as? String == "vbsp-poor")
        let goats = try #require((advice["options"] as? [[String: Any]])?.first { $0["model"] as? String == "goat-raising" })
        #expect(try #require(goats["gain_npv_vnd"] as? Double) > 0, "they earn more than her mixed garden")
        #expect((goats["reasons"] as? [[String: Any]])?.contains { $0["rule"] as? String == "loan.limited" } == true, "alone, no loan she can carry")
        let line = try #require(goats["poverty_line_vnd_month"] as? Double)
        let garden = try #require((goats["baseline"] as? [String: Any])?["risk_adjusted_income_vnd"] as? Double)
        #expect((9_500_000 * 12 + garden) / 4 / 12 < line, "keeping the garden, the household stays below the line")
        let income = try #require(plan["risk_adjusted_income_vnd"] as? Double)
        #expect((9_500_000 * 12 + income) / 4 / 12 >= line, "with the plan it is above it")
    }

    /// A negative number after its flag is named as negative (not "missing value"), and a number surely short
    /// of its unit is refused with its likely meaning — exit 64, in Vietnamese.
    @Test func negativeAndShortNumbersAreNamed() throws {
        for (arguments, said) in [(["--land", "-5"], "'-5' là số âm"), (["--land", "7000", "--capital", "-150tr"], "'-150tr' là số âm"),
                                  (["--land", "7000", "--capital", "150"], "có phải 150tr?")] {
            let r = try Self.run(arguments)
            #expect(r.status == 64)
            #expect(r.stderr.contains(said), "\(r.stderr)")
        }
    }

    /// The advice log's commands, which are stubs without flags unless the Log trait is built.
    #if Log
    static let logCommands = ["log calibration", "log export", "log show", "log list", "log follow-up", "log season"]
    #else
    static let logCommands: [String] = []
    #endif

    /// Every flag a command's help names is one of that command's own (`log calibration` named `--override` for
    /// what `--propose` does); a group's help may name its commands' flags.
    @Test(arguments: ["batch", "ward", "compare", "recommend", "rules check", "rules coverage", "rules docs", "rules list", "rules show"]
                     + Self.logCommands)
    func aCommandsHelpNamesOnlyItsOwnFlags(_ command: String) throws {
        let r = try Self.run(command.split(separator: " ").map(String.init) + ["--help"])
        let lines = r.stdout.split(separator: "\n")
        func flags(_ text: String) -> Set<String> {
            Set(text.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
        }
        let declared = lines.filter { $0.hasPrefix("  -") }.reduce(into: Set<String>()) { $0.formUnion(flags(String($1.prefix(28)))) }
        // Prose may point at the household's own flags (`as --land is written`).
        let named = flags(r.stdout).subtracting(declared).subtracting(["--land"])
        #expect(!declared.isEmpty, "\(r.stdout)")
        #expect(named.isEmpty, "\(command) --help names \(named.sorted())")
    }

    @Test func theFrontDoorCoversAllFiveModels() throws {
        let r = try Self.run(["--land", "7000"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["Dừa xiêm hữu cơ", "Bưởi da xanh VietGAP", "Vườn – ao – chuồng (VAC)", "Nhà màng trồng rau, dưa lưới", "Nuôi dê thương phẩm"] {
            #expect(r.stdout.contains(name))
        }
        #expect(r.stdout.contains("Khuyến nghị:"))
        #expect(r.stdout.contains("7.000 m²"))
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let r = try Self.run(["--land", "7000", "--capital", "150tr", "--flood", "occasional", "--format", "json"])
        #expect(r.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ruleset = try #require(root["ruleset"] as? [String: Any])
        #expect(ruleset["id"] as? String == "ben-tre-ward")
        #expect(ruleset["version"] as? String == "2026.1")
        let household = try #require(root["household"] as? [String: Any])
        #expect(household["land_m2"] as? Int == 7000)
        #expect(household["capital_vnd"] as? Int == 150_000_000)
        #expect(household["flood"] as? String == "occasional")
        #expect(household["salinity"] as? String == "low")
        let options = try #require(root["options"] as? [[String: Any]])
        #expect(options.count == 8)
        let keys = ["model", "verdict", "scale", "investment_vnd", "capital_gap_vnd", "loan", "annual_net_income_vnd",
                    "risk_adjusted_income_vnd", "npv_vnd", "payback_year", "first_income_year", "cash_flow_vnd", "reasons"]
        for option in options {
            for key in keys { #expect(option.keys.contains(key), "missing \(key)") }
            let scale = try #require(option["scale"] as? [String: Any])
            #expect(scale.keys.contains("area_m2") && scale.keys.contains("units"))
            #expect((option["cash_flow_vnd"] as? [Int])?.count == 11)
            #expect(["recommended", "conditional", "unsuitable"].contains(option["verdict"] as? String ?? ""))
            for reason in option["reasons"] as? [[String: Any]] ?? [] {
                #expect(reason["rule"] is String && reason["effect"] is String && reason["message"] is String)
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        let args = ["--land", "1.1ha", "--capital", "50tr", "--current-use", "coconut", "--format", "json", "--explain"]
        #expect(try Self.run(args).stdout == (try Self.run(args).stdout))
    }

    @Test func englishOnRequest() throws {
        let r = try Self.run(["--land", "7cong", "--lang", "en"])
        #expect(r.stdout.contains("Recommendation:"))
        #expect(r.stdout.contains("Organic green coconut"))
    }

    /// A bad value is answered in Vietnamese by default (the rule set's language) and in English with
    /// `--lang en`, naming the flag and the accepted forms in that language; the code stays English.
    @Test(arguments: [
        (["--land", "7.000"], "--land", "lỗi: --land: '7.000': không rõ"),
        (["--land", "7000", "--capital", "lots"], "--capital", "hãy viết như 150000000, 150tr, 150 triệu (đồng)"),
        (["--land", "7000", "--flood", "sometimes"], "--flood", "các mức: không ngập (none), thỉnh thoảng (occasional), thường xuyên (frequent)"),
        (["--land", "7000", "--loan-category", "rich"], "--loan-category", "hộ nghèo (poor), hộ cận nghèo (near-poor)"),
        (["--capital", "50tr"], "cần cho biết --land", "0,7ha"),
        (["--land", "7.000", "--lang", "en"], "--land", "error: --land: '7.000': ambiguous"),
        (["--land", "7000", "--flood", "sometimes", "--lang", "en"], "--flood", "none, occasional, frequent"),
        (["--capital", "50tr", "--lang", "en"], "--land is required", "0.7ha"),
        (["--lnd", "7000"], "--lnd", "không có cờ"),
        (["--land", "7000", "--rank", "fastest"], "--rank", "risk-npv"),
    ])
    func aBadFlagIsNamedWithItsAcceptedFormsAndExits64(_ args: [String], _ flag: String, _ forms: String) throws {
        let r = try Self.run(args)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(flag) && r.stderr.contains(forms), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aBrokenRuleSetStopsTheRunWithPositions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("Rules"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let goat = dir.appendingPathComponent("models/goat-raising.yaml")
        let text = try String(contentsOf: goat, encoding: .utf8).replacingOccurrences(of: "when: land_m2 < small_plot_m2", with: "when: land_m2 < smal_plot_m2")
        try text.write(to: goat, atomically: true, encoding: .utf8)
        let r = try Self.run(["--land", "7000", "--rules", dir.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("models/goat-raising.yaml:"))
        #expect(r.stderr.contains(": lỗi: không biết tên 'smal_plot_m2'; có phải là 'small_plot_m2'? [expr.unknown-name]"))
        #expect(r.stdout.isEmpty)
        let english = try Self.run(["--land", "7000", "--rules", dir.path, "--lang", "en"])
        #expect(english.stderr.contains(": error: unknown name 'smal_plot_m2'; did you mean 'small_plot_m2'? [expr.unknown-name]"))
    }

    /// The command line's own errors (a mistyped flag, a missing value, a value not among the choices, a
    /// number out of range) in Vietnamese by default and in English with `--lang en`, exit 64.
    @Test(arguments: [
        (["--lnd", "7000"], "Lỗi: không có cờ '--lnd'; có phải là '--land'?", "Error: Unknown option '--lnd'; did you mean '--land'?"),
        (["--land"], "Lỗi: thiếu giá trị cho '--land <area>'", "Error: Missing value for '--land <area>'"),
        (["--land", "7000", "--format", "xml"], "Lỗi: giá trị 'xml' không hợp lệ cho '--format <format>'; hãy dùng một trong 'text', 'json', 'html', 'markdown' hoặc 'message'",
         "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'html', 'markdown' or 'message'"),
        (["--land", "7000", "--draws", "1000000"], "Lỗi: --draws: cần một số nguyên từ 0 đến 100000", "Error: --draws: takes a whole number from 0 to 100000"),
    ])
    func theParsersMessagesSpeakTheUsersLanguage(_ arguments: [String], _ vi: String, _ en: String) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(vi), "\(r.stderr)")
        #expect(r.stderr.contains("Cách dùng: advise recommend <options>"))
        let english = try Self.run(arguments + ["--lang", "en"])
        #expect(english.stderr.contains(en), "\(english.stderr)")
    }

    @Test func aMissingHouseholdFileExits66AndAMalformedOne65() throws {
        #expect(try Self.run(["--household", "/nonexistent/h.yaml"]).status == 66)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-h-\(UUID().uuidString).yaml")
        try "land: 7000\nflod: none\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try Self.run(["--household", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":2:1: lỗi: không có thông tin hộ nào tên 'flod'; các khóa là id, name, experience, land,"))
        #expect(r.stderr.contains("có phải là 'flood'? [field.unknown]"))
        #expect(try Self.run(["--household", file.path, "--lang", "en"]).stderr.contains(":2:1: error: unknown household fact 'flod'"))
    }

    @Test func flagsOverrideTheHouseholdFile() throws {
        let r = try Self.run(["--household", "Samples/small-plot.yaml", "--land", "2cong", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"land_m2\": 2000"))
        #expect(r.stdout.contains("\"id\": \"small-plot\""))
    }

    @Test func explainShowsEveryRule() throws {
        let r = try Self.run(["--land", "3000", "--flood", "frequent", "--explain", "--lang", "en"])
        #expect(r.stdout.contains("Rule trace:"))
        #expect(r.stdout.contains("frequent-flood [unsuitable] when flood == \"frequent\" — flood=frequent → fired"))
        #expect(r.stdout.contains("Scales tried"))
    }

    @Test func rulesCheckPassesOnTheShippedSet() throws {
        let r = try Self.run(["rules", "check", "--lang", "en"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Rules: 0 errors, 0 warnings; 8 models"))
        #expect(try Self.run(["rules", "check"]).stdout.contains("Rules: 0 lỗi, 0 cảnh báo; 8 mô hình"))
    }

    @Test func rulesCheckListsEveryFindingAndExits65() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-check-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("Rules"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pomelo = dir.appendingPathComponent("models/vietgap-pomelo.yaml")
        let text = try String(contentsOf: pomelo, encoding: .utf8)
            .replacingOccurrences(of: "\nsummary:", with: "\nsumary:")
            .replacingOccurrences(of: "source: [P3, P12]", with: "source: [P3, P99]")
        try text.write(to: pomelo, atomically: true, encoding: .utf8)
        let r = try Self.run(["rules", "check", dir.path, "--format", "json"])
        #expect(r.status == 65)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let codes = Set((root["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        #expect(codes.isSuperset(of: ["field.unknown", "field.missing", "ref.source"]))
        #expect(root["errors"] as? Int == 3)
        // The rule author reads them in the rule set's language, Vietnamese, naming the field and the fix.
        let findings = try Self.run(["rules", "check", dir.path])
        #expect(findings.status == 65)
        #expect(findings.stdout.contains("vietgap-pomelo.yaml:9:1: lỗi: không có khóa 'sumary' trong tệp; có phải là 'summary'? [field.unknown]"), "\(findings.stdout)")
        #expect(findings.stdout.contains(": lỗi: tệp cần khóa 'summary' [field.missing]"))
        #expect(findings.stdout.contains(": lỗi: nguồn 'P99' không có trong danh sách nguồn"))
        #expect(findings.stdout.contains(": 3 lỗi, 0 cảnh báo"))
    }

    @Test func rulesListShowAndDocs() throws {
        let list = try Self.run(["rules", "list", "--lang", "en"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("goat-raising") && list.stdout.contains("Commercial goat raising"))
        let show = try Self.run(["rules", "show", "vietgap-pomelo"])
        #expect(show.stdout.contains("`frequent-flood`"))
        #expect(try Self.run(["rules", "show", "durian"]).status == 64)
        let docs = try Self.run(["rules", "docs"])
        #expect(docs.stdout == (try String(contentsOf: Fixtures.root.appendingPathComponent("docs/rules-reference.md"), encoding: .utf8)))
    }

    @Test func anOverrideIsStampedOnTheAdvice() throws {
        let r = try Self.run(["--land", "1.1ha", "--current-use", "coconut", "--override", "Samples/overrides/ward-prices-2026-11.yaml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"id\": \"ward-prices-2026-11\""))
    }
}

/// `advise batch` as a ward runs it.
@Suite struct BatchCommandTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("advise-batch-\(UUID().uuidString)-\(name)")
    }

    static func writeRows(_ count: Int, bad: Set<Int> = [], to url: URL) throws {
        var text = "id,land,capital,flood,salinity,members\n"
        for i in 0..<count { text += bad.contains(i) ? "H\(i),7.000,1tr,none,low,4\n" : "H\(i),\(300 + (i * 97) % 20000),\((i * 13) % 600)tr,none,low,\(1 + i % 7)\n" }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// README's exit codes at the edges: a reader that stops early (`| head`) gets 74 with the reason, not the
    /// signal's 141; an empty file is not a list (64, said); a header without rows answers nothing (0, said).
    @Test func aClosedPipeAndAnEmptyListHaveTheirCodes() throws {
        let input = Self.temporary("many.csv")
        defer { try? FileManager.default.removeItem(at: input) }
        try Self.writeRows(3_000, to: input)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["batch", input.path, "--single"]
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 74, "\(process.terminationStatus): \(said)")
        #expect(said.contains("đã đóng"), "\(said)")

        let empty = Self.temporary("empty.csv"), header = Self.temporary("header.csv")
        defer { for f in [empty, header] { try? FileManager.default.removeItem(at: f) } }
        try "".write(to: empty, atomically: true, encoding: .utf8)
        try "id,land\n".write(to: header, atomically: true, encoding: .utf8)
        let none = try CommandLineTests.run(["batch", empty.path])
        #expect(none.status == 64 && none.stderr.contains("batch.empty"), "\(none.stderr)")
        let rows = try CommandLineTests.run(["batch", header.path])
        #expect(rows.status == 0 && rows.stderr.contains("không có hộ nào"), "\(rows.stderr)")
    }

    @Test func fiveThousandRowsWithAFewBadOnes() throws {
        let input = Self.temporary("in.csv"), output = Self.temporary("out.csv")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        try Self.writeRows(5000, bad: [3, 1234, 4999], to: input)
        let r = try CommandLineTests.run(["batch", input.path, "-o", output.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("5000 hàng, 4997 đã trả lời, 3 lỗi"), "\(r.stderr)")
        let rows = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 5001)
        #expect(rows[0].hasPrefix("id,status,error,model,verdict"))
        for i in [3, 1234, 4999] { #expect(rows[i + 1].hasPrefix("H\(i),error,\"dòng \(i + 2): cột land")) }
        #expect(rows.dropFirst().enumerated().allSatisfy { $0.element.hasPrefix("H\($0.offset),") })
        let again = try CommandLineTests.run(["batch", input.path])
        #expect(again.stdout == (try String(contentsOf: output, encoding: .utf8)), "byte-identical run to run, file or standard output")
    }

    @Test func anInterruptedRunLeavesNoPartialFile() throws {
        let input = Self.temporary("big.csv"), output = Self.temporary("keep.csv")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        try Self.writeRows(150_000, to: input)
        try "the previous, complete result\n".write(to: output, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["batch", input.path, "-o", output.path, "--jobs", "1"]
        process.currentDirectoryURL = Fixtures.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run is writing its temporary file, then stop it as a user or a supervisor would.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning,
              (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path))?.contains(where: { $0.contains(output.lastPathComponent + ".partial") }) != true {
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == "the previous, complete result\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.contains(output.lastPathComponent + ".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func noInputIsEverOverwritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("club.csv"), household = dir.appendingPathComponent("h.yaml")
        let csv = try String(contentsOf: Fixtures.root.appendingPathComponent("Samples/club-members.csv"), encoding: .utf8)
        try csv.write(to: list, atomically: true, encoding: .utf8)
        try "land: 7000\n".write(to: household, atomically: true, encoding: .utf8)
        let link = dir.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: list)
        for arguments in [["batch", list.path, "-o", list.path], ["batch", link.path, "-o", list.path],
                          ["--household", household.path, "-o", household.path]] {
            let r = try CommandLineTests.run(arguments)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.stderr.contains("không bao giờ ghi đè tệp đầu vào"), "in Vietnamese by default: \(r.stderr)")
        }
        #expect(try String(contentsOf: list, encoding: .utf8) == csv)
        #expect(try String(contentsOf: household, encoding: .utf8) == "land: 7000\n")
    }

    /// The binary carries its rule set: copied alone into an empty folder, it gives advice and says where
    /// the rules came from; `rules export` writes them out, and never over existing files.
    @Test func aCopiedBinaryAdvisesFromAnyFolder() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("advise-alone-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("advise")
        try fm.copyItem(at: CommandLineTests.binary, to: copy)
        func run(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.run(arguments, in: dir, executable: copy) }
        let advice = try run(["--land", "7000", "--format", "json", "--draws", "0"])
        #expect(advice.status == 0, "\(advice.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(advice.stdout.utf8)) as? [String: Any])
        #expect((json["ruleset"] as? [String: Any])?["source"] as? String == "embedded")
        let text = try run(["--land", "7000", "--draws", "0"])
        #expect(text.stdout.hasPrefix("Bộ quy tắc:") && text.stdout.contains("gắn sẵn"), "Vietnamese advice, naming the built-in rules")

        #expect(try run(["rules", "export", "mine"]).status == 0)
        let exported = dir.appendingPathComponent("mine/Rules")
        for file in try Fixtures.ruleFiles() {
            #expect(try String(contentsOf: dir.appendingPathComponent("mine").appendingPathComponent(file.path), encoding: .utf8) == file.text)
        }
        #expect(try run(["rules", "export", "mine"]).status == 73, "no file is overwritten")
        let fromExport = try run(["--rules", exported.path, "--land", "7000", "--format", "json", "--draws", "0"])
        #expect(fromExport.status == 0)
        #expect(fromExport.stdout.contains("\"source\":\"\(exported.path)\"") || fromExport.stdout.contains("\"source\": \"\(exported.path)\""))
    }

    @Test func anOutputFileIsReplacedWholeKeepingItsPermissionsAndLinks() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("advise-out-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let kept = dir.appendingPathComponent("kept.csv"), readOnly = dir.appendingPathComponent("read-only.csv")
        let link = dir.appendingPathComponent("link.csv")
        for file in [kept, readOnly] { try Data("old\n".utf8).write(to: file) }
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: kept.path)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
        try fm.createSymbolicLink(at: link, withDestinationURL: kept)

        let written = try CommandLineTests.run(["batch", "Samples/club-members.csv", "-o", link.path])
        #expect(written.status == 2)
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == kept.path, "the link stays a link")
        #expect(try String(contentsOf: kept, encoding: .utf8).hasPrefix("id,status,"), "the file it names is written")
        #expect((try fm.attributesOfItem(atPath: kept.path)[.posixPermissions] as? Int) == 0o600, "its permissions are kept")

        let refused = try CommandLineTests.run(["--land", "7000", "--draws", "0", "-o", readOnly.path])
        #expect(refused.status == 74)
        #expect(refused.stderr.contains("tệp chỉ cho đọc"))
        #expect(try String(contentsOf: readOnly, encoding: .utf8) == "old\n")

        let folder = try CommandLineTests.run(["--land", "7000", "--draws", "0", "-o", dir.path])
        #expect(folder.status == 74 && folder.stderr.contains("đây là thư mục"))
        #expect(try CommandLineTests.run(["--land", "7000", "--draws", "0", "-o", "/dev/null"]).status == 0, "a device is written through")
        #expect(try fm.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }.isEmpty)
    }

    @Test func aLineWithoutEndIsRefusedNotReadForever() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("long.csv")
        try Data(repeating: UInt8(ascii: "a"), count: 6 << 20).write(to: file)
        let r = try CommandLineTests.run(["batch", file.path, "-o", dir.appendingPathComponent("out.csv").path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("batch.line-too-long"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["long.csv"], "no output and no partial file")
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            let zero = try CommandLineTests.run(["batch", "/dev/zero"])
            #expect(zero.status == 64 && zero.stderr.contains("batch.line-too-long"), "\(zero.stderr)")
        }
    }

    @Test func aRowTooLongToBeAHouseholdIsAnErrorRowAndTheRestIsAnswered() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-longrow-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(("id,land\nH1,7000\nH2," + String(repeating: "9", count: 2_000_000) + "\nH3,5000\n").utf8).write(to: file)
        let r = try CommandLineTests.run(["batch", file.path])
        #expect(r.status == 2)
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[2].hasPrefix(",error,\"dòng 3: hàng dài 2,0 MB"), "\(rows[2])")
        #expect(rows[3].hasPrefix("H3,ok,"))
    }

    /// In the user's language: Vietnamese by default, English with --lang en.
    @Test(arguments: [
        (["batch", "/no/such/list.csv"], "không có tệp này"), (["batch", "Samples"], "đây là thư mục"),
        (["--household", "/dev/zero"], "thiết bị hoặc đường ống"), (["--household", "Samples"], "đây là thư mục"),
        (["--rules", "/no/such/Rules", "--land", "7000"], "--rules THƯ_MỤC"),
        (["--override", "/no/such/override.yaml", "--land", "7000"], "không đọc được tệp điều chỉnh số liệu"),
        (["batch", "/no/such/list.csv", "--lang", "en"], "no such file"), (["--household", "/dev/zero", "--lang", "en"], "a device or a pipe"),
        (["--rules", "/no/such/Rules", "--land", "7000", "--lang", "en"], "--rules FOLDER"),
    ])
    func anUnreadableInputSaysWhyAndExits66(_ arguments: [String], _ reason: String) throws {
        let r = try CommandLineTests.run(arguments)
        #expect(r.status == 66, "\(arguments)")
        #expect(r.stderr.contains(reason), "\(r.stderr)")
    }

    @Test func aKilledRunsPartialFileIsCleanedUpByTheNextRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A process id no Linux process can have (above PID_MAX_LIMIT, 2^22), and this test's own, running.
        let gone = dir.appendingPathComponent(".out.csv.partial-4194305"), alive = dir.appendingPathComponent(".out.csv.partial-\(getpid())")
        try Data("half".utf8).write(to: gone)
        try Data("half".utf8).write(to: alive)
        let r = try CommandLineTests.run(["batch", "Samples/club-members.csv", "-o", dir.appendingPathComponent("out.csv").path])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: alive.path), "a running process's partial file is left alone")
    }

    /// A write that fails is exit 74, said in our words with the system's code (never its English phrase).
    @Test(arguments: [("> /dev/full", "ổ đĩa đã đầy (errno 28)"), (">&-", "tệp hoặc nơi ghi kết quả đã bị đóng (errno 9)")])
    func aFailedWriteToStandardOutputIsAnError(_ redirection: String, _ words: String) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(CommandLineTests.binary.path)' --land 7000 --draws 0 \(redirection)"]
        process.currentDirectoryURL = Fixtures.root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(said == "advise: không ghi được '-': \(words)\n")
    }

    /// A unit typed apart from its number is named as such, with the two ways to write it.
    @Test func aUnitTypedApartIsNamedWithTheQuotes() throws {
        let r = try CommandLineTests.run(["--land", "7", "công"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Lỗi: đối số thừa 'công'; nếu 'công' là đơn vị của --land, hãy viết liền hoặc để trong ngoặc kép: --land \"7 công\" (hoặc --land 7công)\n"), "\(r.stderr)")
        let other = try CommandLineTests.run(["--land", "7000", "extra"])
        #expect(other.stderr.hasPrefix("Lỗi: đối số thừa 'extra'\n"), "a word after a whole value is not taken for a unit: \(other.stderr)")
    }

    @Test func aValueNotAmongTheChoicesIsSaidInVietnamese() throws {
        let r = try CommandLineTests.run(["--land", "7000", "--lang", "xx"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Lỗi: giá trị 'xx' không hợp lệ cho '--lang <lang>'; hãy dùng một trong 'vi' hoặc 'en'\n"), "\(r.stderr)")
    }

    @Test func anExcelCSVWithAByteOrderMarkAndSemicolonsIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-excel-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0xEF, 0xBB, 0xBF] + Array("id;land;capital\r\nA1;7000;150tr\r\n=1+1;800;25tr\r\n".utf8)).write(to: file)
        let r = try CommandLineTests.run(["batch", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("A1,ok,"), "the id column survives the byte-order mark: \(rows[1])")
        #expect(rows[2].hasPrefix("\"'=1+1\",ok,"), "a formula id is written as text: \(rows[2])")
        #expect(!r.stderr.contains("bỏ qua các cột"), "the id column is read, not ignored: \(r.stderr)")
    }

    /// The club lists as officers keep them: plain CSV; Excel's "CSV UTF-8" in a Vietnamese locale (a
    /// byte-order mark, semicolons, CRLF, Vietnamese headers and level names); notes with line breaks in
    /// quoted cells; the workbook itself.
    static let clubSamples = ["club-members.csv", "club-members-excel.csv", "club-members-notes.csv", "club-members-workbook.xlsx"]

    @Test(arguments: clubSamples)
    func theSampleClubFilesMatchTheirGoldenOutputs(_ sample: String) throws {
        let r = try CommandLineTests.run(["batch", "Samples/\(sample)"])
        #expect(r.status == 2, "one row of each list is bad (CLB-12's '7.000')")
        let golden = sample.replacingOccurrences(of: ".csv", with: "").replacingOccurrences(of: ".xlsx", with: "") + ".out.csv"
        #expect(r.stdout == (try String(contentsOf: Fixtures.root.appendingPathComponent("Samples/\(golden)"), encoding: .utf8)))
        #expect(r.stdout.split(separator: "\n").count == 16, "a row for every household, in order")
    }

    /// A club's workbook as secretaries keep it: a title, a blank row, the header in Vietnamese on row 3, a date
    /// typed into the land column. The batch and the ward read the same table; the date is refused by its row
    /// and column, not read as 46,023 m².
    @Test func aWorkbookWithATitleAndADateIsReadByEveryDoor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows: [[SheetCell]] = [
            [.text("DANH SÁCH HỘI VIÊN CLB DỪA HỮU CƠ — 2026")],
            [],
            [.text("Mã hộ"), .text("Diện tích"), .text("Vốn"), .text("Nhân khẩu")],
            [.text("CLB-01"), .number(7000), .text("150tr"), .number(4)],
            [.text("CLB-02"), .date(46023), .text("80tr"), .number(3)],
            [.text("CLB-03"), .text("3 công"), .number(50_000_000), .number(5)],
        ]
        let workbook = dir.appendingPathComponent("club.xlsx")
        try XLSXWriter.data([Sheet(name: "Hội viên", cells: rows)]).write(to: workbook)
        let batch = try CommandLineTests.run(["batch", workbook.path, "--single"])
        #expect(batch.status == 2, "one bad row: \(batch.stderr)")
        let lines = batch.stdout.split(separator: "\n")
        #expect(lines.count == 4 && lines[1].hasPrefix("CLB-01,") && lines[3].hasPrefix("CLB-03,"), "\(batch.stdout)")
        #expect(lines[2].contains("CLB-02") && lines[2].contains("'2026-01-01'") && !lines[2].contains("46023"), "the date named as a date: \(lines[2])")
        let ward = try CommandLineTests.run(["ward", workbook.path, "--format", "csv"])
        #expect(ward.status != 64, "the ward reads the same table: \(ward.stderr)")
    }

    /// A register is checked as the batch is: a household twice (by id, or the same row) is named with the line
    /// it is first on and counted once; a negative or mistyped income and a count of deprivations past the
    /// standard's indicators are refused by line, never taken silently.
    @Test func theWardsRegisterIsChecked() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-register-\(UUID().uuidString).csv")
        try "id,land,capital,income,deprivations\nH1,7000,150tr,30tr,1\nH2,3000,20tr,-5tr,2\nH3,5000,50tr,20tr,99\nH1,7000,150tr,30tr,1\nH4,0,10tr,abc,0\n,2000,5tr,10tr,1\n,2000,5tr,10tr,1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandLineTests.run(["ward", file.path])
        #expect(r.status == 2)
        for line in ["dòng 3: cột income: '-5tr' là số âm", "dòng 4: cột deprivations: '99' không phải số nguyên từ 0 đến 12", "dòng 5: trùng hộ với dòng 2",
                     "dòng 6: cột income: 'abc' không phải là số tiền", "dòng 8: trùng hộ với dòng 7"] {
            #expect(r.stdout.contains(line) || r.stderr.contains(line), "\(line)")
        }
        let csv = try CommandLineTests.run(["ward", file.path, "--format", "csv"]).stdout
        #expect(csv.split(separator: "\n").count == 3, "H1 and the household without an id, once each: \(csv)")
        // A register headed in Vietnamese is answered in its own column names.
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "id,land,capital,income,deprivations", with: "Mã hộ,Diện tích,Vốn,Thu nhập,Thiếu hụt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let vi = try CommandLineTests.run(["ward", file.path])
        for line in ["dòng 3: cột Thu nhập: '-5tr' là số âm", "dòng 4: cột Thiếu hụt: '99' không phải số nguyên từ 0 đến 12"] {
            #expect(vi.stdout.contains(line) || vi.stderr.contains(line), "\(line): \(vi.stderr)")
        }
    }

    /// The sample register (Samples/make-ward-register.py) planned against tight budgets: JSON and the CSV
    /// visit list against their golden files (`ADVISE_RECORD=1` re-records them).
    @Test(arguments: ["json", "csv"])
    func theSampleRegisterMatchesItsGoldenOutputs(_ format: String) throws {
        let flags = ["--loan-capital", "vbsp-poor=30tr", "--loan-capital", "vbsp-near-poor=40tr", "--support", "20tr", "--support-each", "10tr",
                     "--places", "net-house-vegetables=4"]
        let r = try CommandLineTests.run(["ward", "Samples/ward-register.csv", "--format", format] + flags)
        #expect(r.status == 0, "\(r.stderr)")
        let golden = Fixtures.root.appendingPathComponent("Samples/ward-register.out.\(format)")
        if ProcessInfo.processInfo.environment["ADVISE_RECORD"] == "1" {
            try r.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        #expect(r.stdout == (try String(contentsOf: golden, encoding: .utf8)))
        if format == "json" {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            for key in ["ward", "targets", "years", "scenarios", "poverty_line_vnd_month", "allocation", "resources", "expected_lifted", "visit_list"] {
                #expect(json[key] != nil, "the contract's \(key)")
            }
            let scenarios = try #require(json["scenarios"] as? [String: [String: [Double]]])
            #expect(Set(scenarios.keys) == ["unchanged", "own_means", "allocated"])
            #expect(scenarios.values.allSatisfy { $0["poverty_rate"]?.count == (json["years"] as? [Int])?.count })
        }
    }

    /// The ward's resources from a file give what the same flags give; a bad file names each problem's
    /// position, in Vietnamese.
    @Test func theWardsResourcesFileEqualsItsFlags() throws {
        let r = try CommandLineTests.run(["ward", "Samples/ward-register.csv", "--resources", "Samples/ward/resources.yaml", "--format", "json"])
        #expect(r.stdout == (try String(contentsOf: Fixtures.root.appendingPathComponent("Samples/ward-register.out.json"), encoding: .utf8)))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-resources-\(UUID().uuidString).yaml")
        try "loan_capital:\n  vbsp-rich: 2ty\nsupport: {budget: lots, each: 10tr}\nyear: 3\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try CommandLineTests.run(["ward", "Samples/ward-register.csv", "--resources", file.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(":2:3: lỗi: không có chương trình vay 'vbsp-rich'; các chương trình: vbsp-poor,"))
        #expect(bad.stderr.contains(":3:19: lỗi: 'support.budget': 'lots' không phải là số tiền"))
        #expect(bad.stderr.contains(":4:1: lỗi: không có khóa 'year' trong tệp nguồn lực của phường; có phải là 'years'?"))
    }

    /// The ward report prints on one A4 page, and the visit list can be written as a workbook.
    @Test(.enabled(if: Browser.path != nil, "needs chromium (apt-get install chromium)"))
    func theWardReportIsOnePage() throws {
        let flags = ["--loan-capital", "vbsp-poor=30tr", "--loan-capital", "vbsp-near-poor=40tr", "--support", "20tr", "--support-each", "10tr",
                     "--places", "net-house-vegetables=4"]
        let vi = try CommandLineTests.run(["ward", "Samples/ward-register.csv", "--format", "html"] + flags)
        let en = try CommandLineTests.run(["ward", "Samples/ward-register.csv", "--format", "html", "--lang", "en"] + flags)
        #expect(vi.stdout.contains("<h1>Kế hoạch giảm nghèo của phường</h1>") && vi.stdout.contains("<svg"))
        #expect(try Browser.printedPages([vi.stdout, en.stdout]) == 2, "one A4 page each")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-ward-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let workbook = dir.appendingPathComponent("visits.xlsx")
        #expect(try CommandLineTests.run(["ward", "Samples/ward-register.csv", "-o", workbook.path] + flags).status == 0)
        let sheet = try XLSXReader.sheet(nil, of: try Data(contentsOf: workbook))
        #expect(sheet.rows.first?.cells.map(\.text) == ["rank", "household", "reason", "plan", "resource", "amount_vnd", "p_lifted"])
        let golden = try String(contentsOf: Fixtures.root.appendingPathComponent("Samples/ward-register.out.csv"), encoding: .utf8)
        #expect(sheet.rows.count == golden.split(separator: "\n").count, "a row for every household of the visit list")
    }

    @Test func aWorkbookIsWrittenWithNumbersAndReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("answers.xlsx")
        let r = try CommandLineTests.run(["batch", "Samples/club-members.csv", "-o", out.path])
        #expect(r.status == 2)
        let sheet = try XLSXReader.sheet(nil, of: try Data(contentsOf: out))
        #expect(sheet.rows.count == 16)
        #expect(sheet.rows[1].cells.first == .text("CLB-01"))
        #expect(sheet.rows[1].cells[5] == .number(11000), "area_m2 is a number (CLB-01's 1.1 ha)")
        let csv = try CommandLineTests.run(["batch", "Samples/club-members.csv"]).stdout
        let width = BatchProcessor.columns.count
        #expect(String(decoding: BatchProcessor.sheet(fromOutput: Array(csv.utf8), name: "advise").csv(width: width), as: UTF8.self)
            == String(decoding: sheet.csv(width: width), as: UTF8.self), "the same answers as the CSV")
    }

    @Test func anOldExcelWorkbookIsRefusedWithWhatToDo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("advise-old-\(UUID().uuidString).xls")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: file)
        let r = try CommandLineTests.run(["batch", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("hãy lưu lại dạng .xlsx"), "in Vietnamese by default: \(r.stderr)")
    }

    @Test func summaryAsJSONAndStandardInput() throws {
        let r = try CommandLineTests.run(["batch", "Samples/club-members.csv", "--summary", "json", "--format", "jsonl"])
        #expect(r.stdout.split(separator: "\n").count == 15)
        let summary = try #require(r.stderr.range(of: "{").map { String(r.stderr[$0.lowerBound...]) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 15 && object["failed"] as? Int == 1)
        // Every answered row is counted once: under the model it is advised, or as having no option.
        let byModel = try #require(object["households_by_model"] as? [String: Int])
        #expect(byModel.values.reduce(0, +) + (object["households_without_option"] as? Int ?? -100) == 14)
    }

    @Test func aMissingInputExits66() throws {
        #expect(try CommandLineTests.run(["batch", "/nonexistent.csv"]).status == 66)
    }
}

@Suite struct CompareCommandTests {
    @Test func oneHouseholdSideBySide() throws {
        let r = try CommandLineTests.run(["compare", "--land", "7000", "--capital", "150tr", "--flood", "occasional", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Plan: "))
        for name in ["Organic green coconut", "VietGAP green-skin pomelo", "Garden–pond–barn (VAC)", "Greenhouse vegetables and melon", "Commercial goat raising"] {
            #expect(r.stdout.contains(name))
        }
        #expect(r.stdout.contains("Income/yr: low / base / high price") && r.stdout.contains("Bad year (year 3)"))
        #expect(r.stdout.contains("price −30 %: NPV") && r.stdout.contains("price +30 %: NPV"))
    }

    @Test func severalHouseholdsForAClubMeeting() throws {
        let r = try CommandLineTests.run(["compare", "--household", "Samples/organic-coconut-household.yaml", "--household", "Samples/small-plot.yaml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let households = try #require(root["households"] as? [[String: Any]])
        #expect(households.map { $0["name"] as? String } == ["organic-coconut-household", "small-plot"])
        let options = try #require(households[0]["options"] as? [[String: Any]])
        #expect(options.first?["option"] as? String == "plan")
        #expect(options.count == Fixtures.ruleSet.models.count + 1)
        #expect((options[0]["sensitivity"] as? [[String: Any]])?.count == 4)
        let text = try CommandLineTests.run(["compare", "--household", "Samples/organic-coconut-household.yaml", "--household", "Samples/small-plot.yaml"])
        #expect(text.stdout.contains("organic-coconut-household") && text.stdout.contains("small-plot"))
    }

    @Test func recommendTakesOneHouseholdFile() throws {
        let r = try CommandLineTests.run(["--household", "Samples/small-plot.yaml", "--household", "Samples/small-plot.yaml"])
        #expect(r.status == 64 && r.stderr.contains("advise compare"))
    }
}
