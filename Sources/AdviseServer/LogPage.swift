#if Server
import AdviseKit

/// One logged advice on the web (`GET /log/REF`, signed in): what was advised and predicted, what has been
/// reported, and the two forms an officer fills in after a visit — what the household did, and what a
/// season brought — with, for an admin, the button that erases the household's id and name. Plain HTML forms
/// that post without JavaScript, each carrying the session's token; a refused form comes back with its values
/// and each problem named.
struct LogPage {
    let history: AdviceHistory
    let language: Language
    /// Who is signed in (and the session's form token).
    let bar: UserBar
    /// The rule set's settings, to name the household's levels in words.
    let settings: RegionalSettings
    /// The values of a refused form, and its problems.
    var fields = FormFields(query: nil)
    var errors: [String] = []

    /// The form's labels, by field name (problems name the field by them too).
    static func label(_ name: String, _ language: Language) -> String {
        let key: Catalogue.Key = switch name {
        case "model": .model
        case "area": .webArea
        case "units": .webUnits
        case "invested": .webInvested
        case "loan": .loan
        case "note": .webNote
        case "year": .webYear
        case "net-income": .webNetIncome
        case "output": .webOutput
        case "quantity": .webQuantity
        default: .webPrice
        }
        return Catalogue.text(key, language)
    }

    func render() -> String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        let title = Catalogue.format(.webLogTitle, language, String(history.record.reference.prefix(8)))
        var problems = ""
        if !errors.isEmpty {
            problems = "<div class=\"errors\" role=\"alert\"><p>\(t(.webFixLog))</p><ul>" + errors.map { "<li>\(Markup.escaped($0))</li>" }.joined() + "</ul></div>"
        }
        let renderer = LogRenderer(language: language, settings: settings)
        let paragraphs = renderer.summary(history.record).map { "<p>\(Markup.escaped($0))</p>" }.joined()
        let head = renderer.predictionHeaders.map { "<th>\(Markup.escaped($0))</th>" }.joined()
        let rows = renderer.predictionRows(history.record).map { "<tr>" + $0.map { "<td>\(Markup.escaped($0))</td>" }.joined() + "</tr>" }.joined()
        let record = "<section class=\"record\">\(paragraphs)<h2>\(t(.logPredicted))</h2><div class=\"scroll\"><table><thead><tr>\(head)</tr></thead>"
            + "<tbody>\(rows)</tbody></table></div><h2>\(t(.webReports))</h2><ul class=\"reports\">"
            + renderer.reports(history).map { "<li>\(Markup.escaped($0))</li>" }.joined() + "</ul></section>"
        let models = history.record.predictions.map(\.model)
        let outputs = history.record.predictions.flatMap(\.outputs).map(\.id)
        let user = bar.user
        let followUp = !user.records ? "" : form("follow-up", t(.webFollowUpTitle)) { kept in
            [select("model", models, kept), text("area", "text", kept), text("units", "decimal", kept), text("invested", "text", kept),
             text("loan", "text", kept), text("note", "text", kept)]
        }
        let season = !user.records ? "" : form("season", t(.webSeasonTitle)) { kept in
            [select("model", models, kept), text("year", "numeric", kept), text("net-income", "text", kept), select("output", [""] + outputs, kept),
             text("quantity", "decimal", kept), text("price", "text", kept)]
        }
        let named = history.record.householdID != nil || history.record.householdName != nil
        let forget = user.role != .admin || !named ? "" : "<form method=\"post\" action=\"\(path)/forget?lang=\(language.rawValue)\">"
            + UserBar.token(bar.csrf) + "<button type=\"submit\" class=\"danger\">\(t(.webForget))</button></form>"
        return WebPage.document(language: language, title: title, css: FormPage.css + Self.css + UserBar.css, body: """
        <main><header><h1>\(Markup.escaped(title))</h1><a class="lang" href="/?lang=\(language.rawValue)">\(t(.webTitle))</a></header>\(bar.render())
        \(problems)\(record)\(followUp)\(season)\(forget)</main>
        """)
    }

    /// The record's address.
    private var path: String { "/log/" + history.record.reference }

    /// A form posting to `/log/REF/kind`; a refused one keeps its values (`kept`).
    private func form(_ kind: String, _ heading: String, _ inputs: (_ kept: Bool) -> [String]) -> String {
        "<form method=\"post\" action=\"\(path)/\(kind)?lang=\(language.rawValue)\"><h2>\(heading)</h2>" + UserBar.token(bar.csrf)
            + "<input type=\"hidden\" name=\"form\" value=\"\(kind)\">" + inputs(fields["form"] == kind).joined()
            + "<button type=\"submit\">\(Markup.escaped(Catalogue.text(.webRecord, language)))</button></form>"
    }

    private func text(_ name: String, _ mode: String, _ kept: Bool) -> String {
        let value = kept ? fields.input(name) ?? "" : ""
        return "<div class=\"field\"><label>\(Markup.escaped(Self.label(name, language)))"
            + "<input name=\"\(name)\" type=\"text\" inputmode=\"\(mode)\" autocomplete=\"off\" value=\"\(Markup.escaped(value))\"></label></div>"
    }

    private func select(_ name: String, _ choices: [String], _ kept: Bool) -> String {
        let chosen = kept ? fields.input(name) : nil
        let options = choices.map { "<option value=\"\(Markup.escaped($0))\"\($0 == chosen ? " selected" : "")>\(Markup.escaped($0.isEmpty ? "–" : $0))</option>" }
        return "<div class=\"field\"><label>\(Markup.escaped(Self.label(name, language)))<select name=\"\(name)\">\(options.joined())</select></label></div>"
    }

    static let css = """

    header { flex-wrap: wrap; }
    .record p { margin: 0.3rem 0; font-size: 0.9rem; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.8rem; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.3rem; text-align: left; vertical-align: top; }
    td:nth-child(2), td:nth-child(3) { text-align: right; white-space: nowrap; }
    .reports { padding-left: 1.1rem; font-size: 0.9rem; }
    h2 { font-size: 1.1rem; color: #2e7d32; margin: 1rem 0 0.2rem; }
    form { border-top: 1px solid #aaa; }
    button.danger { background: #b71c1c; }
    """
}
#endif
