@testable import AdviseKit
import Foundation
import Testing

@Suite struct ReportTests {
    static func advice(_ values: [HouseholdFact: String]) throws -> Advice {
        Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household(values))
    }

    static let samples: [String] = SampleGoldenTests.samples

    @Test(arguments: samples)
    func theMessageFitsForEverySample(_ name: String) throws {
        let input = try HouseholdFile.load(path: SampleGoldenTests.samplesPath + "/" + name + ".yaml")
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try HouseholdParser(settings: Fixtures.settings).parse(input))
        for language in Language.allCases {
            for ascii in [false, true] {
                let message = MessageRenderer(language: language, ascii: ascii).render(advice, settings: Fixtures.settings)
                #expect(message.dropLast().count <= MessageRenderer.limit, "\(name) \(language) ascii=\(ascii): \(message.count)")
                // The message names the model to start with, or the current use to keep.
                let none = Catalogue.format(.messageNone, language, "").split(separator: ":").last.map { String($0.dropFirst().prefix(8)) } ?? ""
                let name = (advice.best?.model ?? advice.baseline).map { String($0.name(language).prefix(5)) } ?? none
                #expect(message.contains(ascii ? MessageRenderer.fold(name) : name))
                if ascii { #expect(message.unicodeScalars.allSatisfy { $0.isASCII }, "\(message)") }
            }
        }
    }

    @Test func aLongMessageDropsTheRiskThenCutsAtAWord() throws {
        var advice = try Self.advice([.landM2: "1.1ha", .capitalVND: "50tr", .currentUse: "coconut", .flood: "frequent"])
        var model = try #require(advice.options.first?.model)
        model.name = LocalizedText(vi: String(repeating: "Dừa rất dài ", count: 80), en: String(repeating: "Long ", count: 200))
        advice.options[0].model = model
        let message = MessageRenderer(language: .vi).render(advice, settings: Fixtures.settings)
        #expect(message.dropLast().count <= MessageRenderer.limit)
        #expect(message.hasSuffix("…\n"))
    }

    @Test func asciiFoldingKeepsTheWords() {
        #expect(MessageRenderer.fold("Đầu tư 375 triệu đồng; Nuôi dê thương phẩm; 7.000 m² × 2") == "Dau tu 375 trieu dong; Nuoi de thuong pham; 7.000 m2 x 2")
    }

    @Test func theHTMLReportIsSelfContainedWithItsChartAndSections() throws {
        let advice = try Self.advice([.landM2: "7000", .capitalVND: "150tr", .flood: "occasional"])
        let content = ReportContent(advice: advice, settings: Fixtures.settings, language: .vi, date: "2026-11-29")
        let html = HTMLReportRenderer(content).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\""))
        #expect(html.contains("@page { size: A4"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2, "a chart for the recommendation and the runner-up")
        #expect(html.contains("<polyline"), "the cumulative line")
        #expect(html.contains("Phiếu tư vấn chuyển đổi sinh kế"))
        let best = try #require(advice.best)
        #expect(html.contains("Nên chọn: \(best.model.name(.vi))"))
        #expect(html.contains("triệu đồng"))
        #expect(html.contains("Các mô hình chưa phù hợp"))
        #expect(html.contains("ben-tre-ward phiên bản 2026.1") && html.contains("2026-11-29"))
        let english = HTMLReportRenderer(ReportContent(advice: advice, settings: Fixtures.settings, language: .en, date: "2026-11-29")).render()
        #expect(english.contains("Recommended: \(best.model.name(.en))") && english.contains(NumberFormat.moneyProse(best.projection.investment, .en, words: true)))
    }

    @Test func theChartMarksTheLowPointAndPayback() {
        let chart = ReportContent.Chart(title: "", flow: [-100e6, -20e6, 50e6, 80e6], lowPointYear: 1, paybackYear: 3, lowLabel: "low", paybackLabel: "payback")
        #expect(chart.cumulative == [-100e6, -120e6, -70e6, 10e6])
        let svg = CashFlowChart(chart).svg(.en)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 4)
        #expect(svg.contains("fill=\"#d9534f\"") && svg.contains("fill=\"#4caf50\""))
        #expect(svg.contains(">low -120<"))
        #expect(svg.contains(">payback<"))
    }

    @Test func markdownHasTheSameContent() throws {
        let advice = try Self.advice([.landM2: "7000", .capitalVND: "50tr", .loanCategory: "poor", .flood: "occasional"])
        let content = ReportContent(advice: advice, settings: Fixtures.settings, language: .vi, date: "2026-11-29")
        let md = MarkdownReportRenderer(content).render()
        #expect(md.hasPrefix("# Phiếu tư vấn chuyển đổi sinh kế"))
        let best = try #require(advice.best)
        #expect(md.contains("## Nên chọn: \(best.model.name(.vi))"))
        if let loan = best.projection.loan {
            #expect(md.contains("- **Vay:** \(NumberFormat.moneyProse(loan.amount, .vi, words: true)) (Cho vay hộ nghèo (NHCSXH)"))
        }
        #expect(md.contains("| **\(best.model.name(.vi)) — \(best.model.scale.describe(best.scale, .vi))** |"))
        #expect(md.contains(content.footer))
    }
}
