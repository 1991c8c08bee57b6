/// What the names in a rule expression may refer to: household facts, regional constants and the levels
/// of the exposure scales.
public struct NameTable: Sendable {
    /// Level ids of each scale, in order (lowest first).
    public var scales: [String: [String]]
    /// Named numbers from the regional settings, inlined when an expression is compiled.
    public var constants: [String: Double]

    /// Creates a table.
    public init(scales: [String: [String]], constants: [String: Double]) {
        self.scales = scales
        self.constants = constants
    }

    /// Every name an expression may use, for suggestions.
    var allNames: [String] { HouseholdFact.allCases.map(\.name) + constants.keys.sorted() }
}
