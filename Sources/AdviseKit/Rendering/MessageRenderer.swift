import Foundation

/// A short summary for a Zalo group or an SMS: the recommended conversion, its investment, first income
/// and yearly income, and one risk — at most ``limit`` characters, or plain ASCII for old phones.
public struct MessageRenderer: Sendable {
    /// The longest message, in characters.
    public static let limit = 640

    public var language: Language
    public var ascii: Bool

    public init(language: Language, ascii: Bool = false) {
        self.language = language
        self.ascii = ascii
    }

    public func render(_ advice: Advice, settings: RegionalSettings) -> String {
        func money(_ v: Double) -> String { NumberFormat.moneyProse(v, language, words: true) }
        let land = "\(NumberFormat.grouped(advice.household.landM2, language)) m²"
        var parts = [Catalogue.format(.messageIntro, language, settings.ruleset.name(language))]
        var risk: String?
        let content = ReportContent(advice: advice, settings: settings, language: language, date: "")
        if let r = content.recommendation {
            parts.append(Catalogue.format(.messageChoice, language, land, r.name))
            parts.append(Catalogue.format(.messageInvestment, language, money(r.investment))
                + (r.loan.map { Catalogue.format(.messageLoan, language, money($0)) } ?? "")
                + (r.grantAmount > 0.5 ? Catalogue.format(.messageGrant, language, money(r.grantAmount)) : "") + ".")
            parts.append(Catalogue.format(.messageIncome, language, r.firstIncome.map(String.init) ?? "—", money(r.income)))
            if let tipping = r.tipping.first { parts.append(Catalogue.reason(.tippingPoint(tipping), language, words: true)) }
            risk = r.caution.map { Catalogue.format(.messageRisk, language, Catalogue.reason($0, language, words: true)) }
            if let odds = r.risk {
                let loss = Catalogue.odds(odds, hasBaseline: advice.baseline != nil, hasLoan: false, language, words: true)[1]
                risk = (risk.map { $0 + " " } ?? "") + loss
            }
        } else if let baseline = advice.baseline {
            parts.append(Catalogue.format(.messageKeep, language, land, baseline.name(language)))
        } else {
            parts.append(Catalogue.format(.messageNone, language, land))
        }
        var version = Catalogue.format(.messageVersion, language, "\(advice.ruleset.id) \(advice.ruleset.version)")
        if !advice.stale.isEmpty { version = Catalogue.text(.messageStale, language) + " " + version }
        func compose(_ parts: [String]) -> String {
            let text = parts.joined(separator: " ")
            return ascii ? Self.fold(text) : text
        }
        // The risk note goes first when the message is too long; then the text is cut at a word.
        var text = compose(parts + (risk.map { [$0] } ?? []) + [version])
        if text.count > Self.limit { text = compose(parts + [version]) }
        if text.count > Self.limit {
            let ellipsis = ascii ? "..." : "…"
            text = String(text.prefix(Self.limit - ellipsis.count))
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            text += ellipsis
        }
        return text + "\n"
    }

    /// Vietnamese without diacritics, and symbols spelt out: for plain SMS.
    public static func fold(_ text: String) -> String {
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": out += "d"
            case "Đ": out += "D"
            case "₫": out += "d"
            case "²": out += "2"
            case "×": out += "x"
            case "—", "–": out += "-"
            case "…": out += "..."
            case "‰": out += " per mille"
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += "?" }
            }
        }
        return out
    }
}
