/// A household as a user wrote it: the raw text of each flag, field or column, with where it was written.
///
/// ``HouseholdParser`` turns it into a ``Household`` using the rule set's units and scales.
public struct HouseholdInput: Sendable, Equatable {
    /// One written value and where it stands.
    public struct Entry: Sendable, Equatable {
        public var text: String
        public var location: SourceLocation?

        public init(_ text: String, at location: SourceLocation? = nil) {
            self.text = text
            self.location = location
        }
    }

    /// The household's id, if any.
    public var id: String?
    /// The household's name (the head of household), when the officer gives it: it is shown on the
    /// report, never logged or sent anywhere.
    public var name: String?
    /// The models the household already practises (`--experience`, `experience:`), as written: ids
    /// separated by commas; nil when not given.
    public var experience: Entry?
    /// Values indexed by `HouseholdFact.rawValue`.
    private var values: [Entry?] = Array(repeating: nil, count: HouseholdFact.allCases.count)

    /// Creates an input.
    public init(id: String? = nil, entries: [HouseholdFact: Entry] = [:]) {
        self.id = id
        for (fact, entry) in entries { values[fact.rawValue] = entry }
    }

    /// One value.
    public subscript(_ fact: HouseholdFact) -> Entry? {
        get { values[fact.rawValue] }
        set { values[fact.rawValue] = newValue }
    }
}
