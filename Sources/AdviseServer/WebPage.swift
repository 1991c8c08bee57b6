#if Server
import AdviseKit

/// The shell of the server's own pages: self-contained (inline CSS, no outside asset), sized for a phone.
enum WebPage {
    static func document(language: Language, title: String, css: String, body: String) -> String {
        Markup.page(language: language, title: title, css: """

        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 16px; color: #1b1b1b; margin: 0; line-height: 1.35; }
        \(css)

        """, body: body)
    }
}
#endif
