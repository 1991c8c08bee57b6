#if Server
import AdviseKit

/// The phone-first form (`GET /`): the household's facts as the flags take them, the rule set's levels in
/// words, in Vietnamese or English. Plain HTML that submits without JavaScript to `GET /advice`, so the
/// answer's address can be shared; a page of errors is the same form with the values kept and each
/// problem named.
struct FormPage {
    let settings: RegionalSettings
    let language: Language
    /// The values to show (a reopened or refused form).
    var fields = FormFields(query: nil)
    /// What was wrong with the last submission, in the page's language.
    var errors: [String] = []

    func render() -> String {
        let t = { Catalogue.text($0, language) }
        var form = "<form method=\"get\" action=\"/advice\" novalidate\(checks())>"
        form += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"
        form += field("land", t(.webLand), input: "<div class=\"pair\">" + text("land", hint: t(.webLandHint), mode: "decimal", required: true)
            + "<select name=\"land_unit\" aria-label=\"\(esc(t(.webUnit)))\">" + units() + "</select></div>")
        form += field("capital", t(.webCapital), input: text("capital", hint: t(.webCapitalHint), mode: "text"))
        for fact in [HouseholdFact.flood, .salinity, .currentUse, .loanCategory] { form += level(fact) }
        form += field("labour", t(.webLabour), input: text("labour", hint: "2", mode: "numeric"))
        form += field("members", t(.webMembers), input: text("members", hint: "4", mode: "numeric"))
        form += field("other-income", t(.webOtherIncome), input: text("other-income", hint: t(.webOtherIncomeHint), mode: "text"))
        form += field("id", t(.webHouseholdId), input: text("id", hint: "", mode: "text"))
        form += "<button type=\"submit\">\(esc(t(.webSubmit)))</button></form>"
        let other: Language = language == .vi ? .en : .vi
        var problems = ""
        if !errors.isEmpty {
            problems = "<div class=\"errors\" role=\"alert\"><p>\(esc(t(.webFix)))</p><ul>" + errors.map { "<li>\(esc($0))</li>" }.joined() + "</ul></div>"
        }
        return WebPage.document(language: language, title: t(.webTitle), css: Self.css, body: """
        <main><header><h1>\(esc(t(.webTitle)))</h1><a class="lang" href="/?lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(esc(t(.webOtherLanguage)))</a></header>
        <p class="intro">\(esc(t(.webIntro)))</p>\(problems)\(form)
        <p class="ruleset">\(esc(settings.ruleset.name(language))) · \(esc(settings.ruleset.version))</p></main><script src="/app.js"></script>
        """)
    }

    /// A labelled field.
    private func field(_ name: String, _ label: String, input: String) -> String {
        "<div class=\"field\"><label for=\"\(name)\">\(esc(label))</label>\(input)</div>"
    }

    /// A text box keeping the submitted value.
    private func text(_ name: String, hint: String, mode: String, required: Bool = false) -> String {
        let value = fields.input(name) ?? ""
        return "<input id=\"\(name)\" name=\"\(name)\" type=\"text\" inputmode=\"\(mode)\" autocomplete=\"off\""
            + (hint.isEmpty ? "" : " placeholder=\"\(esc(hint))\"") + (required ? " required" : "") + " value=\"\(esc(value))\">"
    }

    /// The land units: m², the rule set's regional units (công first), ha; each with its size in m² for the
    /// page's own check.
    private func units() -> String {
        let chosen = fields["land_unit"] ?? "m2"
        let regional = settings.areaUnits.map { unit in (unit.name, unit.written, unit.size.value) }
        return ([("m2", "m²", 1)] + regional + [("ha", "ha", 10_000)]).map { value, label, m2 in
            "<option value=\"\(esc(value))\" data-m2=\"\(Self.plain(m2))\"\(value == chosen ? " selected" : "")>\(esc(label))</option>"
        }.joined()
    }

    /// A number as the script reads it (`1000`, `0.5`).
    private static func plain(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    /// What the page's script checks before sending (``ClientScript``), as the server checks it again
    /// (``InputLimits``): a bare land number against its unit, a bare capital against the least amount. The
    /// messages are the server's, with `{written}`, `{number}`, `{m2}` and `{amount}` for the script to fill.
    private func checks() -> String {
        guard let limits = settings.inputLimits else { return "" }
        let l = language
        let attributes = [
            ("land-min", Self.plain(limits.landMinimum.value)), ("land-max", Self.plain(limits.landMaximum.value)),
            ("money-min", Self.plain(limits.moneyMinimum.value)),
            ("land-long", Catalogue.format(.qLandLong, l, "{written}", "{m2}", NumberFormat.grouped(limits.landMaximum.value / 10_000, l) + " ha")),
            ("land-short", Catalogue.format(.qLandShort, l, "{written}", "{m2}", NumberFormat.grouped(limits.landMinimum.value, l) + " m²", "{number} công")),
            ("money-short", Catalogue.format(.qMoneyShort, l, "{written}", "{amount}", NumberFormat.money(limits.moneyMinimum.value, l), "{written}tr")),
        ]
        return attributes.map { " data-\($0.0)=\"\(esc($0.1))\"" }.joined()
    }

    /// A choice among a scale's levels, in words, with "not known" (the rule set's default) first.
    private func level(_ fact: HouseholdFact) -> String {
        guard let id = fact.scale, let scale = settings.scales[id] else { return "" }
        let chosen = fields.input(fact.inputName)
        var options = "<option value=\"\">\(esc(Catalogue.text(.webChoose, language)))</option>"
        for level in scale.levels {
            let words = level.name(language) + (level.meaning.map { " — " + $0(language) } ?? "")
            options += "<option value=\"\(esc(level.id))\"\(level.id == chosen ? " selected" : "")>\(esc(words))</option>"
        }
        return field(fact.inputName, scale.name(language), input: "<select id=\"\(fact.inputName)\" name=\"\(fact.inputName)\">\(options)</select>")
    }

    private func esc(_ text: String) -> String { Markup.escaped(text) }

    static let css = """
    main { max-width: 34rem; margin: 0 auto; padding: 0.75rem; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; border-bottom: 3px solid #2e7d32; }
    h1 { font-size: 1.3rem; color: #2e7d32; margin: 0.2rem 0; }
    .lang { white-space: nowrap; }
    .field { margin: 0.7rem 0; }
    label { display: block; font-weight: 600; margin-bottom: 0.2rem; }
    input, select, button { font: inherit; font-size: 1rem; width: 100%; padding: 0.55rem; border: 1px solid #888; border-radius: 6px; background: #fff; }
    .pair { display: flex; gap: 0.4rem; }
    .pair input { flex: 2; min-width: 0; }
    .pair select { flex: 1; min-width: 0; }
    button { background: #2e7d32; color: #fff; border: none; font-weight: 700; margin-top: 0.5rem; padding: 0.8rem; }
    .check { color: #b71c1c; font-weight: 700; margin: 0.2rem 0; }
    .errors { border: 2px solid #b71c1c; background: #fdecea; padding: 0.3rem 0.8rem; border-radius: 6px; }
    .errors p { font-weight: 700; margin: 0.3rem 0; }
    .intro, .ruleset { color: #444; }
    .ruleset { font-size: 0.85rem; }
    """
}
#endif
