/// The one-page ward report: the headline, the three scenarios by year against the targets as charts (poverty
/// rate, near-poor rate, income per person), the table by year, where the money goes, and the first households
/// to visit. Self-contained HTML (inline CSS and SVG), one A4 page for any register: the lists are cut to their
/// first entries, each on one line, and what is left out is counted (the CSV has it all).
public struct WardHTMLRenderer: Sendable {
    public var text: WardRenderer
    /// The report's date.
    public var date: String
    /// Households of the visit list shown on the page (the rest are in `--format csv`).
    public var visits = 12
    /// Resources shown on the page (the rest are in `--format json`).
    public var resources = 6

    public init(_ text: WardRenderer, date: String) {
        self.text = text
        self.date = date
    }

    public func render() -> String {
        let r = text.report, l = text.language, settings = text.settings
        let esc = Markup.escaped
        let names = [Catalogue.text(.wardUnchanged, l), Catalogue.text(.wardOwnMeans, l), Catalogue.text(.wardAllocated, l)]
        let target = r.targets.map { t in r.years.contains(t.year) ? t : nil } ?? nil
        func chart(_ key: Catalogue.Key, _ pick: (WardReport.Scenario) -> [Double], target value: Double?, label: @escaping (Double) -> String) -> String {
            let c = WardChart(title: Catalogue.text(key, l), years: r.years,
                              series: zip(names, [r.unchanged, r.ownMeans, r.allocated].map(pick)).map { ($0.0, $0.1) },
                              target: value.map { (Catalogue.text(.wardTarget, l) + " " + label($0), $0) }, label: label)
            return "<figure><figcaption>\(esc(c.title))</figcaption>\(c.svg())</figure>"
        }
        let pct = { (v: Double) in NumberFormat.decimal(v, places: 1, l) }
        let mil = { (v: Double) in NumberFormat.decimal(v / 1e6, places: 0, l) }
        let last = r.years.count - 1
        let headline = Catalogue.format(.wardHeadline, l, NumberFormat.decimal(r.expectedLifted, places: 1, l), NumberFormat.decimal(r.expectedLiftedOwnMeans, places: 1, l),
                                        String(r.years[last]), text.percent(r.allocated.povertyRate[last]), text.percent(r.allocated.nearPoorRate[last]))
        var body = "<header><h1>\(esc(Catalogue.text(.wardTitle, l)))</h1><p>\(esc(settings.ruleset.name(l))) · "
            + esc(Catalogue.format(.wardHouseholds, l, NumberFormat.grouped(Double(r.households), l), NumberFormat.grouped(r.members, l))) + "</p>"
            + (text.targetLine.map { "<p class=\"targets\">\(esc($0))</p>" } ?? "") + "</header>"
        body += "<section class=\"headline\"><h2>\(esc(headline))</h2></section>"
        body += "<section class=\"charts\">"
            + chart(.wardPoor, \.povertyRate, target: target?.povertyRate, label: pct)
            + chart(.wardNearPoor, \.nearPoorRate, target: target?.nearPoorRate, label: pct)
            + chart(.wardIncome, \.incomePerPerson, target: target?.incomePerPerson, label: mil)
            + "</section><p class=\"legend\">" + names.enumerated().map { "<span style=\"color:\(WardChart.colours[$0.offset])\">━ \(esc($0.element))</span>" }.joined(separator: " ") + "</p>"
        body += "<section><table><thead><tr>" + text.scenarioHeaders.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
            + text.scenarioRows.map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
            + (text.lineNote.map { "<p class=\"legend\">\(esc($0))</p>" } ?? "") + "</section>"
        let money = text.allocationLines, shown = money.prefix(1 + resources)
        body += "<section class=\"money\"><h3>\(esc(Catalogue.text(.wardMoney, l)))</h3><ul>" + shown.map { "<li>\(esc($0.trimmingCharacters(in: .whitespaces)))</li>" }.joined() + "</ul>"
            + (money.count > shown.count ? "<p>\(esc(Catalogue.format(.wardMoreResources, l, NumberFormat.grouped(Double(money.count - shown.count), l))))</p>" : "") + "</section>"
        body += "<section class=\"visits\"><h3>\(esc(Catalogue.text(.wardVisits, l)))</h3><ol>"
            + r.visits.prefix(visits).map { v in "<li><b>\(esc(v.household))</b> — \(esc(v.reason(l)))" + (v.plan.isEmpty ? "" : " <i>[\(esc(v.plan))]</i>") + "</li>" }.joined()
            + "</ol>" + (r.visits.count > visits ? "<p>\(esc(Catalogue.format(.wardMore, l, NumberFormat.grouped(Double(r.visits.count - visits), l))))</p>" : "") + "</section>"
        body += "<footer>\(esc(Catalogue.format(.wardFooter, l, settings.ruleset.id, settings.ruleset.version, date)))</footer>"
        return Markup.page(language: l, title: Catalogue.text(.wardTitle, l), css: Self.css, body: body)
    }

    static let css = """
    @page { size: A4; margin: 12mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #1b1b1b; margin: 0 auto; max-width: 186mm; line-height: 1.15; }
    header { border-bottom: 3px solid #2e7d32; margin-bottom: 4px; }
    h1 { font-size: 15pt; margin: 0; color: #2e7d32; text-transform: uppercase; }
    header p { margin: 2px 0; }
    .targets { color: #c62828; }
    h2 { font-size: 11.5pt; margin: 6px 0; }
    h3 { font-size: 10pt; margin: 6px 0 3px; color: #2e7d32; }
    .charts { display: flex; gap: 6px; }
    figure { flex: 1; margin: 0; }
    figcaption { font-weight: 700; font-size: 8.5pt; }
    .legend { margin: 2px 0 4px; font-size: 8.5pt; }
    table { border-collapse: collapse; width: 100%; font-size: 7pt; }
    th, td { border-bottom: 1px solid #ccc; padding: 2px 3px; text-align: right; }
    td { white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    ul, ol { margin: 2px 0; padding-left: 18px; }
    li { margin: 1px 0; }
    .visits li, .money li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    header p { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    footer { margin-top: 6px; border-top: 1px solid #aaa; font-size: 7.5pt; color: #555; }
    @media print { section { break-inside: avoid; } }
    """
}
