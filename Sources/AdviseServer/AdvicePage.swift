#if Server
import AdviseKit

/// The answer page (`GET /advice?…`): the one-page report, with a print button, the Zalo message ready to
/// copy, and a link back to the form with the same values. The tools are hidden when printing, so the
/// printed page is the report alone.
struct AdvicePage {
    let report: HTMLReportRenderer
    let message: String
    let language: Language
    /// The submitted fields, for the link that reopens the form.
    let fields: FormFields
    /// The advice log's number for this advice, or why it was not recorded; nil without a log.
    var logged: Result<Int64, Diagnostic>? = nil

    func render() -> String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        let tools = """
        <nav class="tools"><a href="/?\(Markup.escaped(fields.query))">← \(t(.webEdit))</a>\
        <button type="button" id="print" hidden>\(t(.webPrint))</button></nav>
        """
        let share = """
        <section class="share"><h3><label for="message">\(t(.webMessage))</label></h3>\
        <textarea id="message" readonly rows="9">\(Markup.escaped(message))</textarea>\
        <button type="button" id="copy" hidden data-done="\(t(.webCopied))">\(t(.webCopy))</button></section>
        \(logLine)<script src="/app.js"></script>
        """
        return report.render(css: Self.css, before: tools, after: share)
    }

    /// The log's number with the link to record what comes next, or why it was not recorded.
    private var logLine: String {
        switch logged {
        case let .success(id):
            return "<p class=\"logged\">\(Markup.escaped(Catalogue.format(.webLogged, language, String(id)))) "
                + "<a href=\"/log/\(id)?lang=\(language.rawValue)\">\(Markup.escaped(Catalogue.text(.webLogLink, language)))</a></p>"
        case let .failure(d):
            return "<p class=\"logged\" role=\"alert\">\(Markup.escaped(Catalogue.format(.webLogFailed, language, d.message(in: language))))</p>"
        case nil:
            return ""
        }
    }

    static let css = """

    .tools { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: space-between; align-items: center; margin: 0.4rem 0 0.6rem; font-size: 11pt; }
    .tools button, .share button { font: inherit; padding: 0.45rem 0.9rem; border: none; border-radius: 6px; background: #2e7d32; color: #fff; font-weight: 700; }
    .share { margin-top: 0.8rem; border-top: 1px solid #aaa; }
    .share textarea { width: 100%; font: inherit; font-size: 11pt; padding: 0.4rem; }
    @media screen and (max-width: 600px) {
      body { padding: 0 0.5rem; font-size: 11pt; }
      .chart-row { flex-direction: column; }
      table { display: block; overflow-x: auto; font-size: 9pt; }
    }
    .logged { font-size: 11pt; }
    @media print { .tools, .share, .logged { display: none; } }
    """
}
#endif
