/// Numbers and money the way each output language writes them: `300.000.000 ₫` and `300 triệu ₫` in
/// Vietnamese, `VND 300,000,000` and `VND 300 million` in English.
public enum NumberFormat {
    /// A whole number with thousands grouped (`.` in Vietnamese, `,` in English).
    public static func grouped(_ value: Double, _ language: Language) -> String {
        let n = Int64(value.rounded())
        let separator: Character = language == .vi ? "." : ","
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = String(separator) + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// A number with `places` decimals (`,` as the decimal mark in Vietnamese).
    public static func decimal(_ value: Double, places: Int, _ language: Language) -> String {
        let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = rounded < 0 ? (-rounded).rounded(.down) : rounded.rounded(.down)
        var text = (rounded < 0 ? "-" : "") + grouped(whole, language)
        if places > 0 {
            let fraction = Int64(((abs(rounded) - whole) * scale).rounded())
            let digits = String(fraction)
            text += (language == .vi ? "," : ".") + String(repeating: "0", count: max(0, places - digits.count)) + digits
        }
        return text
    }

    /// A number with up to `places` decimals, trailing zeros dropped.
    public static func short(_ value: Double, places: Int = 2, _ language: Language) -> String {
        var text = decimal(value, places: places, language)
        let mark: Character = language == .vi ? "," : "."
        if text.contains(mark) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.last == mark { text.removeLast() }
        }
        return text
    }

    /// Money in full: `300.000.000 ₫` / `VND 300,000,000`.
    public static func money(_ vnd: Double, _ language: Language) -> String {
        language == .vi ? "\(grouped(vnd, .vi)) ₫" : "VND \(grouped(vnd, .en))"
    }

    /// Money in prose: `300 triệu ₫`, `1,06 tỷ ₫` / `VND 300 million`, `VND 1.06 billion`; with `words`,
    /// the Vietnamese currency is written `đồng` (`300 triệu đồng`), as a farmer reads it.
    public static func moneyProse(_ vnd: Double, _ language: Language, words: Bool = false) -> String {
        let a = abs(vnd)
        switch language {
        case .vi:
            let unit = words ? "đồng" : "₫"
            if a >= 1e9 { return "\(short(vnd / 1e9, places: 2, .vi)) tỷ \(unit)" }
            if a >= 1e6 { return "\(short(vnd / 1e6, places: 1, .vi)) triệu \(unit)" }
            return "\(grouped(vnd, .vi)) \(unit)"
        case .en:
            if a >= 1e9 { return "VND \(short(vnd / 1e9, places: 2, .en)) billion" }
            if a >= 1e6 { return "VND \(short(vnd / 1e6, places: 1, .en)) million" }
            return money(vnd, .en)
        }
    }

    /// Millions with one decimal, for table columns headed "triệu ₫" / "VND million".
    public static func millions(_ vnd: Double, _ language: Language) -> String {
        decimal(vnd / 1e6, places: 1, language)
    }
}

extension ScaleSpec {
    /// A scale in words: `7.000 m²`, or `5 × đàn 10 dê cái + 1 dê đực`.
    /// A scale in short, for tables: `7.000 m²`, `2 × 100 m²` (units and their land), `1 × người đi làm`
    /// (units that take no land).
    public func short(_ scale: Double, _ language: Language) -> String {
        switch kind {
        case .area: return "\(NumberFormat.grouped(areaM2(scale), language)) m²"
        case let .units(name, perUnit):
            let unit = perUnit > 0 ? "\(NumberFormat.grouped(perUnit, language)) m²" : name(language)
            return "\(NumberFormat.short(scale, language)) × \(unit)"
        }
    }

    public func describe(_ scale: Double, _ language: Language) -> String {
        switch kind {
        case .area: "\(NumberFormat.grouped(areaM2(scale), language)) m²"
        case let .units(name, _): "\(NumberFormat.short(scale, language)) × \(name(language))"
        }
    }
}
