import Foundation

/// The report as Markdown, for club notes and docs: the same content as the HTML page, the cash flow as
/// a small table instead of a chart.
public struct MarkdownReportRenderer: Sendable {
    public var content: ReportContent

    public init(_ content: ReportContent) { self.content = content }

    public func render() -> String {
        let c = content
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ["# \(c.title)", "", "*\(c.place)*", "", c.household, "", "## \(c.headline)", ""]
        if let summary = c.summary { out += [summary, ""] }
        for f in c.figures { out.append("- **\(f.label):** \(f.value)" + (f.note.map { " (\($0))" } ?? "")) }
        if !c.figures.isEmpty { out.append("") }
        if !c.charts.isEmpty {
            out += ["### \(c.chartTitle)", ""]
            for chart in c.charts {
                if !chart.title.isEmpty { out += ["*\(chart.title)*", ""] }
                let years = chart.flow.indices.map(String.init)
                out.append("| | " + years.joined(separator: " | ") + " |")
                out.append("|---|" + years.map { _ in "---:" }.joined(separator: "|") + "|")
                out.append("| ± | " + chart.flow.map { NumberFormat.decimal($0 / 1e6, places: 0, c.language) }.joined(separator: " | ") + " |")
                out.append("| Σ | " + chart.cumulative.map { NumberFormat.decimal($0 / 1e6, places: 0, c.language) }.joined(separator: " | ") + " |")
                out.append("")
            }
        }
        out += ["### \(c.compareTitle)", "", "| " + c.compareHeaders.map(cell).joined(separator: " | ") + " |",
                "|" + c.compareHeaders.indices.map { $0 < 2 ? "---" : "---:" }.joined(separator: "|") + "|"]
        for r in c.rows {
            let cells = [r.model, r.verdict, r.investment, r.income, r.firstIncome, r.payback].map(cell)
            out.append("| " + (r.isRecommendation ? cells.map { "**\($0)**" } : cells).joined(separator: " | ") + " |")
        }
        out.append("")
        if !c.reasons.isEmpty { out += ["### \(c.reasonsTitle)", ""] + c.reasons.map { "- \($0)" } + [""] }
        if !c.heldBack.isEmpty { out += ["### \(c.heldBackTitle)", ""] + c.heldBack.map { $0.reasons.isEmpty ? "- \($0.model)" : "- **\($0.model):** \($0.reasons.joined(separator: " "))" } + [""] }
        out += ["---", "", c.footer, ""]
        return out.joined(separator: "\n")
    }
}
