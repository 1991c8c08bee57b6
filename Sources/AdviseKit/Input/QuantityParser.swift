import Foundation

/// Reads the numbers people type: `7000`, `7000m2`, `0.7ha`, `7cong`, `150tr`, `1.5ty`, `150M`.
///
/// A number like `7.000` or `7,000` is refused: in Vietnamese the dot groups thousands, in English the
/// comma does, so either could mean seven or seven thousand.
public enum QuantityParser {
    /// Why a text is not a quantity, in each language; the caller adds which flag or column it came from.
    public struct Problem: Error, Equatable, Sendable {
        public var text: LocalizedText
        /// In English (for tools, logs and tests).
        public var message: String { text.en }

        /// A problem worded by a catalogue phrase in each language.
        init(_ make: (Language) -> String) { text = LocalizedText(make) }

        /// A catalogue phrase with its arguments.
        init(_ key: Catalogue.Key, _ arguments: String...) { self.init { Catalogue.format(key, $0, arguments: arguments) } }
    }

    /// Area units and their size in m²: m², ha, the công and the rule set's other regional units.
    static func areaUnits(congM2: Double, others: [AreaUnit]) -> [String: Double] {
        var table: [String: Double] = ["": 1, "m2": 1, "m²": 1, "ha": 10_000, "cong": congM2, "công": congM2]
        for unit in others where unit.name != "cong" {
            for spelling in unit.spellings where table[spelling] == nil { table[spelling] = unit.size.value }
        }
        return table
    }

    /// Money units and their size in VND.
    static let moneyUnits: [String: Double] = [
        "": 1, "vnd": 1, "đ": 1, "₫": 1, "d": 1, "dong": 1, "đồng": 1,
        "k": 1e3, "nghin": 1e3, "nghìn": 1e3,
        "tr": 1e6, "trieu": 1e6, "triệu": 1e6, "m": 1e6,
        "ty": 1e9, "tỷ": 1e9, "tỉ": 1e9, "ti": 1e9, "b": 1e9, "bn": 1e9,
    ]

    /// The accepted forms of an area, for messages, with the size of one công.
    static func areaForms(_ language: Language, congM2: Double, others: [AreaUnit] = []) -> String {
        Catalogue.format(.formsArea, language, NumberFormat.grouped(congM2, language))
            + others.filter { $0.name != "cong" }.map { ", 2 \($0.name) (1 \($0.name) = \(NumberFormat.grouped($0.size.value, language)) m²)" }.joined()
    }

    /// Words that name the currency after an amount (`150 triệu đồng`, `150trđ`).
    static let currencyWords: Set<String> = ["đ", "d", "đồng", "dong", "vnd", "₫"]

    /// Parses an area to m²; 0 is a landless household.
    /// - Parameter others: the rule set's other regional units (``RegionalSettings/areaUnits``).
    public static func area(_ text: String, congM2: Double, others: [AreaUnit] = []) -> Result<Double, Problem> {
        if let plain = plainInteger(text) { return .success(plain) }
        if isNegative(text) { return .failure(Problem(.qNegative, trimmed(text))) }
        return quantity(text, units: areaUnits(congM2: congM2, others: others), forms: { areaForms($0, congM2: congM2, others: others) }, what: .qArea)
            .flatMap { $0 >= 0 ? .success($0) : .failure(Problem(.qNegativeArea)) }
            .flatMap { $0 <= 1e8 ? .success($0) : .failure(Problem(.qAreaTooLarge, text)) }
    }

    /// An amount that may be a loss: money as ``money(_:)`` takes it, or the same with a minus sign
    /// (`-9tr`, `−2.500.000`), negative.
    public static func signedMoney(_ text: String) -> Result<Double, Problem> {
        guard isNegative(text) else { return money(text) }
        return money(String(trimmed(text).dropFirst())).map { -$0 }
    }

    /// Parses an amount of money to VND.
    public static func money(_ text: String) -> Result<Double, Problem> {
        if let plain = plainInteger(text) { return .success(plain) }
        if isNegative(text) { return .failure(Problem(.qNegative, trimmed(text))) }
        var result = quantity(text, units: moneyUnits, forms: { Catalogue.text(.formsMoney, $0) }, what: .qMoney)
        if case .failure = result, let spoken = spokenMoney(text) { result = .success(spoken) }
        return result.flatMap { $0 <= 1e13 ? .success($0.rounded()) : .failure(Problem(.qMoneyTooLarge, text)) }
    }

    /// Money as it is said and written in Vietnamese: amounts with falling units (`1 tỷ 500 triệu`,
    /// `2 triệu 500 nghìn`), a last amount without a unit read as the decimals of the unit before it
    /// (`1ty5` = 1,5 tỷ, `2tr500` = 2,5 triệu, `1 tỷ 2` = 1,2 tỷ), and the currency named at the end
    /// (`150 triệu đồng`, `150trđ`). Nil when the text is not of this form.
    static func spokenMoney(_ raw: String) -> Double? {
        // Split into runs of digits (with their separators) and runs of other characters.
        var tokens: [(number: Bool, text: String)] = []
        for c in trimmed(raw).lowercased() where !c.isWhitespace {
            let isNumber = c.isASCII && (c.isNumber || c == "." || c == ",")
            if let last = tokens.last, last.number == isNumber {
                tokens[tokens.count - 1].text.append(c)
            } else {
                tokens.append((isNumber, String(c)))
            }
        }
        // The currency at the end, alone or glued to the last unit (`trđ`).
        if let last = tokens.last, !last.number {
            if currencyWords.contains(last.text) {
                tokens.removeLast()
            } else if let word = currencyWords.first(where: { last.text.hasSuffix($0) && last.text.count > $0.count && moneyUnits[String(last.text.dropLast($0.count))] != nil }) {
                tokens[tokens.count - 1].text = String(last.text.dropLast(word.count))
            }
        }
        var total = 0.0
        var lastUnit = Double.infinity
        var i = 0
        while i < tokens.count {
            guard tokens[i].number, case let .success(amount) = number(tokens[i].text) else { return nil }
            if i + 1 == tokens.count {
                // A trailing amount: the decimals of the unit before it.
                guard lastUnit.isFinite, tokens[i].text.allSatisfy(\.isNumber) else { return nil }
                return total + amount / pow(10, Double(tokens[i].text.count)) * lastUnit
            }
            guard let unit = moneyUnits[tokens[i + 1].text], unit > 1, unit < lastUnit else { return nil }
            total += amount * unit
            lastUnit = unit
            i += 2
        }
        return tokens.count >= 2 ? total : nil
    }


    /// Periods an income may name, and how many of them make a year.
    static let periods: [(words: [String], perYear: Double)] = [
        (["/tháng", "/thang", "/th", "/month", "/mo", "mỗi tháng", "moi thang", "a month", "per month", "tháng", "thang", "month"], 12),
        (["/năm", "/nam", "/year", "/yr", "mỗi năm", "moi nam", "a year", "per year", "năm", "nam", "year"], 1),
    ]

    /// Parses an income to VND a year: an amount of money, a month unless it names the year.
    public static func income(_ text: String) -> Result<Double, Problem> {
        if isNegative(text) { return .failure(Problem(.qNegative, trimmed(text))) }
        let lower = trimmed(text).lowercased()
        var amount = lower, perYear = 12.0
        for period in periods {
            if let word = period.words.first(where: { lower.hasSuffix($0) && lower.count > $0.count }) {
                amount = trimmed(String(lower.dropLast(word.count)))
                perYear = period.perYear
                break
            }
        }
        switch money(amount) {
        case let .success(v): return .success(v * perYear)
        case .failure: return .failure(Problem { Catalogue.format(.qNotIncome, $0, text, Catalogue.text(.formsIncome, $0)) })
        }
    }

    /// Parses a whole count of people within bounds.
    public static func count(_ text: String, minimum: Int, maximum: Int) -> Result<Double, Problem> {
        guard let n = Int(trimmed(text)), n >= minimum, n <= maximum else {
            return .failure(Problem(.qNotCount, text, String(minimum), String(maximum)))
        }
        return .success(Double(n))
    }

    private static func quantity(_ raw: String, units: [String: Double], forms: @escaping (Language) -> String, what: Catalogue.Key) -> Result<Double, Problem> {
        let text = trimmed(raw)
        let numberPart = String(text.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") })
        let unitPart = trimmed(String(text.dropFirst(numberPart.count))).lowercased()
        guard !numberPart.isEmpty else {
            return .failure(Problem { Catalogue.format(.qNotA, $0, raw, Catalogue.text(what, $0), forms($0)) })
        }
        guard let factor = units[unitPart] else {
            return .failure(Problem { Catalogue.format(.qUnknownUnit, $0, unitPart, raw, forms($0)) })
        }
        switch number(numberPart) {
        case let .success(value): return .success(value * factor)
        case let .failure(problem): return .failure(Problem { Catalogue.format(.qNumber, $0, raw, problem.text($0), forms($0)) })
        }
    }

    /// A number written with a minus sign (`-5`, `−150tr`).
    public static func isNegative(_ text: String) -> Bool {
        let t = trimmed(text)
        return (t.hasPrefix("-") || t.hasPrefix("−")) && t.dropFirst().first?.isNumber == true
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmed(_ s: String) -> String {
        let space: (UInt8) -> Bool = { $0 == 32 || $0 == 9 }
        guard let first = s.utf8.first, let last = s.utf8.last, space(first) || space(last) else { return s }
        return String(String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
    }

    /// The value of a text of 1 to 15 ASCII digits and nothing else (the common case in batches), or nil.
    static func plainInteger(_ s: String) -> Double? {
        var value: Int64 = 0
        var count = 0
        for byte in s.utf8 {
            guard byte >= 48, byte <= 57, count < 15 else { return nil }
            value = value * 10 + Int64(byte - 48)
            count += 1
        }
        return count == 0 ? nil : Double(value)
    }

    /// Digits with at most one decimal separator (`.` or `,`), or groups of three separated by one kind
    /// of separator used at least twice. A single separator followed by exactly three digits is ambiguous.
    static func number(_ text: String) -> Result<Double, Problem> {
        let separators = text.filter { $0 == "." || $0 == "," }
        let parts = text.split(separator: Character(separators.first.map(String.init) ?? "."), omittingEmptySubsequences: false).map(String.init)
        if separators.isEmpty {
            guard let v = Double(text) else { return .failure(Problem(.qNaN)) }
            return .success(v)
        }
        if Set(separators).count > 1 {
            return .failure(Problem(.qMixed))
        }
        if separators.count >= 2 {
            let groupsOK = parts.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(parts[0].count) && parts[0].first != "0"
            guard groupsOK, let v = Double(parts.joined()) else {
                return .failure(Problem(.qWrongPlaces))
            }
            return .success(v)
        }
        let (whole, fraction) = (parts[0], parts[1])
        guard !whole.isEmpty, !fraction.isEmpty else { return .failure(Problem(.qNaN)) }
        if fraction.count == 3, whole != "0" {
            let sep = separators.first ?? "."
            return .failure(Problem(.qAmbiguous, "\(whole)\(sep)\(fraction)", "\(whole)\(fraction)", String(sep), "\(whole).\(fraction)", "\(whole)\(fraction)",
                                    "\(whole).\(fraction.trimmingTrailingZeros())"))
        }
        guard let v = Double(whole + "." + fraction) else { return .failure(Problem(.qNaN)) }
        return .success(v)
    }
}

private extension String {
    func trimmingTrailingZeros() -> String {
        var s = self
        while s.count > 1, s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
