#if Server
import AdviseKit

/// The shell of the server's own pages: self-contained (inline CSS, no outside asset), sized for a phone.
enum WebPage {
    static func document(language: Language, title: String, css: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escaped(title))</title>
        <style>
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 16px; color: #1b1b1b; margin: 0; line-height: 1.35; }
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
#endif
