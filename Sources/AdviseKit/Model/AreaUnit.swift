/// A regional area unit besides m² and ha, as the rule set defines it (`area_units` in `settings.yaml`):
/// `cong`, `sào`, `mẫu`. Its key is how it is written; the same without diacritics is accepted too.
public struct AreaUnit: Sendable {
    /// The name as written in the rule set (`sào`).
    public var name: String
    /// Its size in m², with its source.
    public var size: Figure

    public init(name: String, size: Figure) {
        self.name = name
        self.size = size
    }

    /// The name as people write it (`công` for the `cong` key).
    public var written: String { name == "cong" ? "công" : name }

    /// The spellings a household value may use: the name and the name without diacritics, lower case
    /// (`sào`, `sao`; the `cong` key also as `công`).
    var spellings: [String] {
        let lower = name.lowercased()
        return Array(Set([lower, Spelling.folded(lower), written.lowercased()]))
    }
}
