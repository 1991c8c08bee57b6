#if Server
import AdviseKit

/// The advice a signed-in user may see (`GET /log`), newest first, each linked by its reference: an
/// officer's own records, every record for an agronomist (without names or ids) and an admin.
struct LogListPage {
    let records: [AdviceRecord]
    let bar: UserBar
    let language: Language

    func render() -> String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        let rows = records.map { r in
            let cells = [String(r.recordedAt.prefix(10)), r.householdID ?? "–", NumberFormat.grouped(r.landM2, language) + " m²",
                         r.recommendation ?? Catalogue.text(.logNothing, language)]
            return "<tr><td><a href=\"/log/\(r.reference)?lang=\(language.rawValue)\">\(r.reference.prefix(8))</a></td>"
                + cells.map { "<td>\(Markup.escaped($0))</td>" }.joined() + "</tr>"
        }.joined()
        let body = records.isEmpty ? "<p>\(t(.logEmpty))</p>" : """
        <div class="scroll"><table><thead><tr><th></th><th>\(t(.logWhen))</th><th>\(t(.household))</th><th>\(t(.land))</th>\
        <th>\(t(.recommendation))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
        return WebPage.document(language: language, title: Catalogue.text(.webLogList, language), css: FormPage.css + LogPage.css + UserBar.css, body: """
        <main><header><h1>\(t(.webLogList))</h1><a class="lang" href="/?lang=\(language.rawValue)">\(t(.webTitle))</a></header>\(bar.render())\(body)</main>
        """)
    }
}
#endif
