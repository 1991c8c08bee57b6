@testable import AdviseKit
import Foundation
import Testing

/// The report prints on one A4 page for every household: a sample of a sweep from landless to 5 ha, every
/// exposure, category and amount of capital, printed by headless Chromium (`.ci/run` installs Debian's
/// `chromium`; without a browser this suite is skipped and says so).
@Suite(.enabled(if: Browser.path != nil, "needs chromium (apt-get install chromium)"))
struct ReportPageTests {
    /// Every 23rd household of the sweep, and the one that once took two pages.
    static func households() -> [[HouseholdFact: String]] {
        var all: [[HouseholdFact: String]] = []
        for land in ["0", "300", "600", "1500", "3000", "7000", "2ha", "5ha"] {
            for flood in ["none", "occasional", "frequent"] {
                for salinity in ["low", "medium", "high"] {
                    for category in ["poor", "near-poor", "newly-escaped", "none"] {
                        for capital in [nil, "10tr", "150tr", "1ty"] as [String?] {
                            var h: [HouseholdFact: String] = [.landM2: land, .flood: flood, .salinity: salinity, .loanCategory: category]
                            h[.capitalVND] = capital
                            all.append(h)
                        }
                    }
                }
            }
        }
        let worst: [HouseholdFact: String] = [.landM2: "600", .capitalVND: "10tr", .flood: "frequent", .loanCategory: "poor"]
        return [worst] + stride(from: 0, to: all.count, by: 23).map { all[$0] }
    }

    @Test func everyReportIsOneA4Page() throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet, year: 2026)
        var pages: [String] = []
        let households = Self.households()
        for (i, values) in households.enumerated() {
            var household = try Fixtures.household(values)
            household.id = "H-\(i)"
            household.name = "Nguyễn Thị Minh Khai"
            let advice = evaluator.advise(household, plans: true, odds: .init(draws: 200))
            let language: Language = i % 4 == 3 ? .en : .vi
            let html = HTMLReportRenderer(ReportContent(advice: advice, settings: Fixtures.settings, language: language, date: "2026-11-29")).render()
            #expect(html.contains("H-\(i) — Nguyễn Thị Minh Khai"), "the household's id and name are on its report")
            pages.append(html)
        }
        let count = try Browser.printedPages(pages)
        #expect(count == pages.count, "\(count) pages for \(pages.count) reports: one of them takes more than one page")
        if count != pages.count {
            for (i, page) in pages.enumerated() where try Browser.printedPages([page]) > 1 {
                Issue.record("H-\(i) takes more than one page: \(households[i].map { "\($0.key.inputName)=\($0.value)" }.sorted().joined(separator: " "))")
            }
        }
    }
}

/// Headless Chromium, for printing pages to PDF.
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Prints the documents as one PDF, each starting on a new page, and counts its pages: the count equals
    /// the documents' only when each fits on one page.
    static func printedPages(_ documents: [String]) throws -> Int {
        guard let path else { return 0 }
        let bodies = documents.map { html -> String in
            let body = html.components(separatedBy: "<body>").last?.components(separatedBy: "</body>").first ?? html
            return "<div class=\"sheet\">\(body)</div>"
        }
        let head = documents.first?.components(separatedBy: "<body>").first ?? "<html><head></head>"
        let combined = head + "<body><style>.sheet { break-after: page; }</style>" + bodies.joined() + "</body></html>"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advise-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("reports.html"), pdf = dir.appendingPathComponent("reports.pdf")
        try combined.write(to: html, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir.path)/profile",
                             "--print-to-pdf=\(pdf.path)", html.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: pdf)
        let text = String(decoding: data, as: UTF8.self)
        // Each page object is "/Type /Page" (the page tree is "/Type /Pages").
        return text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }
}
