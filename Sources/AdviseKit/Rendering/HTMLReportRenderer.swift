/// The one-page report an officer prints or sends: self-contained HTML (inline CSS and SVG, no network)
/// that prints on one A4 page. Large type, few numbers, money in `triệu đồng`.
public struct HTMLReportRenderer: Sendable {
    public var content: ReportContent

    public init(_ content: ReportContent) { self.content = content }

    /// The report; a page that shows it (the web server's answer) may add CSS and HTML before and after it.
    public func render(css extraCSS: String = "", before: String = "", after: String = "") -> String {
        let c = content
        var body: [String] = []
        body.append("<header><h1>\(escape(c.title))</h1><p class=\"place\">\(escape(c.place))</p><p class=\"household\">\(escape(c.household))</p></header>")
        body.append("<section class=\"advice\"><h2>\(escape(c.headline))</h2>" + (c.summary.map { "<p>\(escape($0))</p>" } ?? "") + "</section>")
        if !c.figures.isEmpty {
            body.append("<section class=\"figures\">" + c.figures.map { f in
                "<div class=\"figure\"><span class=\"label\">\(escape(f.label))</span><span class=\"value\">\(escape(f.value))</span>"
                    + (f.note.map { "<span class=\"note\">\(escape($0))</span>" } ?? "") + "</div>"
            }.joined() + "</section>")
        }
        if !c.charts.isEmpty {
            body.append("<section class=\"charts\"><h3>\(escape(c.chartTitle))</h3><div class=\"chart-row\">" + c.charts.map { chart in
                "<figure>" + (chart.title.isEmpty ? "" : "<figcaption>\(escape(chart.title))</figcaption>") + CashFlowChart(chart).svg(c.language) + "</figure>"
            }.joined() + "</div></section>")
        }
        var table = "<section><h3>\(escape(c.compareTitle))</h3><table><thead><tr>" + c.compareHeaders.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for r in c.rows {
            table += "<tr\(r.isRecommendation ? " class=\"chosen\"" : "")>" + [r.model, r.verdict, r.investment, r.income, r.firstIncome, r.payback].map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }
        body.append(table + "</tbody></table></section>")
        if !c.reasons.isEmpty {
            body.append("<section><h3>\(escape(c.reasonsTitle))</h3><ul>" + c.reasons.map { "<li>\(escape($0))</li>" }.joined() + "</ul></section>")
        }
        if !c.heldBack.isEmpty {
            body.append("<section><h3>\(escape(c.heldBackTitle))</h3><ul>" + c.heldBack.map { item in
                item.reasons.isEmpty ? "<li>\(escape(item.model))</li>" : "<li><b>\(escape(item.model))</b>: \(escape(item.reasons.joined(separator: " ")))</li>"
            }.joined() + "</ul></section>")
        }
        body.append("<footer>\(escape(c.footer))</footer>")
        return Markup.page(language: c.language, title: c.title + " — " + c.headline, css: Self.css + extraCSS,
                           body: before + body.joined(separator: "\n") + after)
    }

    static let css = """
    @page { size: A4; margin: 11mm 12mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 190mm; line-height: 1.15; }
    header { border-bottom: 3px solid #2e7d32; margin-bottom: 6px; }
    h1 { font-size: 17pt; margin: 0; color: #2e7d32; text-transform: uppercase; letter-spacing: 0.5px; }
    .place { margin: 1px 0; font-size: 10pt; color: #444; }
    .household { margin: 2px 0 4px; font-size: 10pt; }
    h2 { font-size: 13pt; margin: 4px 0 2px; }
    h3 { font-size: 11pt; margin: 6px 0 2px; color: #2e7d32; }
    .advice p { margin: 0 0 4px; }
    .figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4px 10px; margin: 4px 0; }
    .figure { border-left: 4px solid #2e7d32; padding: 2px 6px; background: #f3f8f3; }
    .figure .label { display: block; font-size: 9pt; color: #444; }
    .figure .value { display: block; font-size: 12pt; font-weight: bold; }
    .figure .note { display: block; font-size: 8.5pt; color: #555; }
    .chart-row { display: flex; gap: 10px; }
    figure { margin: 0; flex: 0 0 calc(50% - 5px); }
    figcaption { font-size: 9.5pt; color: #444; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; }
    th, td { border-bottom: 1px solid #ccc; padding: 2px 4px; text-align: left; }
    td:nth-child(n+3), th:nth-child(n+3) { text-align: right; }
    tr.chosen td { font-weight: bold; background: #eef6ee; }
    ul { margin: 2px 0 2px 18px; padding: 0; font-size: 9pt; }
    li { margin: 1px 0; }
    footer { margin-top: 8px; border-top: 1px solid #999; padding-top: 3px; font-size: 8.5pt; color: #555; }
    @media print { body { max-width: none; } section, table, figure { break-inside: avoid; } }
    """

    private func escape(_ s: String) -> String { Markup.escaped(s) }
}
