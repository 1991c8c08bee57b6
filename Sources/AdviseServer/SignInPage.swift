#if Server
import AdviseKit

/// The sign-in form (`GET /signin`): a user's name and password, posted to `POST /signin`, which returns to
/// the page that asked for it (`next`). A refused sign-in comes back with its reason, the name kept.
struct SignInPage {
    let language: Language
    /// Where to go after signing in (a path of this server).
    var next = "/log"
    var name = ""
    var error: String?

    func render() -> String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        let problem = error.map { "<div class=\"errors\" role=\"alert\"><p>\(Markup.escaped($0))</p></div>" } ?? ""
        return WebPage.document(language: language, title: Catalogue.text(.webSignIn, language), css: FormPage.css, body: """
        <main><header><h1>\(t(.webSignIn))</h1><a class="lang" href="/?lang=\(language.rawValue)">\(t(.webTitle))</a></header>\(problem)
        <form method="post" action="/signin?lang=\(language.rawValue)"><input type="hidden" name="next" value="\(Markup.escaped(next))">\
        <div class="field"><label>\(t(.webUserName))<input name="name" type="text" autocomplete="username" autocapitalize="none" value="\(Markup.escaped(name))"></label></div>\
        <div class="field"><label>\(t(.webPassword))<input name="password" type="password" autocomplete="current-password"></label></div>\
        <button type="submit">\(t(.webSignIn))</button></form></main>
        """)
    }

    /// `next` when it is a path of this server, else the log's list (never another site).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains(where: \.isNewline) else { return "/log" }
        return next
    }
}

/// The bar on a signed-in user's pages: who is signed in, the log's list, and the button that signs out.
struct UserBar {
    let user: LogUser
    let csrf: String
    let language: Language

    func render() -> String {
        let t = { Markup.escaped(Catalogue.text($0, language)) }
        let who = Catalogue.format(.webSignedInAs, language, user.name, LogRenderer(language: language).role(user.role))
        return "<nav class=\"user\"><span>\(Markup.escaped(who))</span> <a href=\"/log?lang=\(language.rawValue)\">\(t(.webLogList))</a>"
            + "<form method=\"post\" action=\"/signout?lang=\(language.rawValue)\" class=\"inline\">\(Self.token(csrf))<button type=\"submit\">\(t(.webSignOut))</button></form></nav>"
    }

    /// The hidden field that carries a session's form token.
    static func token(_ csrf: String) -> String { "<input type=\"hidden\" name=\"csrf\" value=\"\(Markup.escaped(csrf))\">" }

    static let css = """

    .user { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.85rem; margin: 0.4rem 0; }
    .user .inline { display: inline; border: none; }
    .user button { font: inherit; padding: 0.2rem 0.6rem; }
    """
}
#endif
