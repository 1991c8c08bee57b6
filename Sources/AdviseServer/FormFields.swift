#if Server
import AdviseKit
import Foundation

/// The fields of a form or a query string (`land=7+công&capital=150tr`), decoded: `+` is a space and
/// `%XX` escapes are UTF-8 bytes. A later field of the same name wins; an empty field counts as not given.
struct FormFields: Sendable, Equatable {
    private(set) var values: [String: String] = [:]

    /// Decodes `application/x-www-form-urlencoded` text (a URL's query, a posted form).
    init(query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key] = value.trimmingCharacters(in: .whitespaces)
        }
    }

    /// A field, nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// A field named like a flag, also written with `_` for `-` (`current-use`, `current_use`).
    func input(_ name: String) -> String? {
        self[name] ?? self[name.replacingOccurrences(of: "-", with: "_")]
    }

    /// `+` as a space, then the percent escapes (a malformed escape is kept as written).
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The household these fields describe: one field per flag (`land`, `capital`, …, `current-use` or
    /// `current_use`), the land's unit from `land_unit` when the land is a bare number, `id` and `name`.
    var household: HouseholdInput {
        var input = HouseholdInput(id: self["id"])
        input.name = self["name"]
        // The models the household already practises: one field, ids separated by commas.
        if let experience = self.input("experience") { input.experience = HouseholdInput.Entry(experience, at: nil) }
        for fact in HouseholdFact.allCases {
            guard var text = self.input(fact.inputName) else { continue }
            if fact == .landM2, let unit = self["land_unit"], text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) {
                text += " " + unit
            }
            input[fact] = HouseholdInput.Entry(text, at: nil)
        }
        return input
    }

    /// The query string of these fields (for a link that reopens the same answer), keys in order.
    var query: String {
        values.keys.sorted().compactMap { key in
            self[key].map { Self.encode(key) + "=" + Self.encode($0) }
        }.joined(separator: "&")
    }

    /// Percent-encodes all but the unreserved characters.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
#endif
