/// What a batch input column holds: the household's id, or one of its facts.
public enum BatchColumn: Hashable, Sendable {
    case id
    case fact(HouseholdFact)

    /// The input names of the columns: `id`, then the facts'.
    public static let inputNames = ["id"] + HouseholdFact.allCases.map(\.inputName)

    /// The lookup table of other column names (`column_names` in the settings): folded spelling → input name.
    public static func table(_ names: [String: [String]]) -> [String: String] {
        var table: [String: String] = [:]
        for (name, others) in names {
            for other in others { table[Spelling.folded(other)] = name }
        }
        return table
    }

    /// The column a header names: `id` or a fact's input name, or one of the other `names` (folded
    /// spelling → input name, from the rule set's `column_names`); matching ignores case, diacritics,
    /// spaces, `-` and `_`. Nil for a column that is not read.
    public init?(header: String, names: [String: String] = [:]) {
        let key = Spelling.folded(header)
        let name = names[key] ?? key
        if name == "id" {
            self = .id
        } else if let fact = HouseholdFact.input(named: name) {
            self = .fact(fact)
        } else {
            return nil
        }
    }
}
