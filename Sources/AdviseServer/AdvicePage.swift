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
    /// What the page offers for the advice log; nil without a log.
    var recording: Recording? = nil

    /// The advice log's part of the page: opening an advice never records it; a signed-in officer records it
    /// with a button (and the household's consent for its id and name).
    enum Recording {
        /// Nobody signed in: a link to sign in and come back.
        case signIn
        /// A user who may record: the form that posts the same household to `POST /record`.
        case form(bar: UserBar, today: String)
        /// A user who may not record (an agronomist): who is signed in.
        case signedIn(UserBar)
        /// The recording failed: why.
        case failed(Diagnostic)
    }

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

    /// The link to sign in, or the button that records this advice, or why it was not recorded.
    private var logLine: String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        switch recording {
        case .signIn:
            let back = "/advice?" + fields.query
            return "<p class=\"logged\"><a href=\"/signin?lang=\(language.rawValue)&amp;next=\(Markup.escaped(FormFields.encode(back)))\">\(t(.webSignInToRecord))</a></p>"
        case let .form(bar, today):
            let hidden = fields.values.keys.sorted().filter { $0 != "csrf" && $0 != "consent" }.map { key in
                "<input type=\"hidden\" name=\"\(Markup.escaped(key))\" value=\"\(Markup.escaped(fields.values[key] ?? ""))\">"
            }.joined()
            let named = fields["id"] != nil || fields["name"] != nil
            let consent = !named ? "" : "<label class=\"consent\"><input type=\"checkbox\" name=\"consent\" value=\"1\"> "
                + Markup.escaped(Catalogue.format(.webConsent, language, today)) + "</label><small>\(t(.webConsentNote))</small>"
            return "<section class=\"logged\">\(bar.render())<form method=\"post\" action=\"/record?lang=\(language.rawValue)\">"
                + UserBar.token(bar.csrf) + hidden + consent + "<button type=\"submit\">\(t(.webRecordAdvice))</button></form></section>"
        case let .signedIn(bar):
            return "<section class=\"logged\">\(bar.render())</section>"
        case let .failed(d):
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
    .logged { font-size: 11pt; margin-top: 0.8rem; border-top: 1px solid #aaa; }
    .logged form { display: flex; flex-direction: column; gap: 0.4rem; }
    .logged .consent { display: block; }
    .logged button { font: inherit; padding: 0.45rem 0.9rem; border: none; border-radius: 6px; background: #2e7d32; color: #fff; font-weight: 700; }
    .user { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.85rem; }
    .user .inline { display: inline; }
    .user button { background: #555; padding: 0.2rem 0.6rem; }
    @media print { .tools, .share, .logged { display: none; } }
    """
}
#endif
