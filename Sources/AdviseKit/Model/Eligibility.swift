/// Who a loan programme or a support grant is open to, and what it finances: data in the settings, so a
/// ward can add a programme without touching Swift.
public struct Eligibility: Sendable {
    /// Loan categories it is open to (empty: any).
    public var categories: [String] = []
    /// A further condition over household facts, in the rule language (`members >= 2 and land_m2 < 5000`).
    public var when: Condition? = nil
    /// The models it finances (nil: any) — an organic-plan loan finances organic coconut only.
    public var models: [String]? = nil
    /// The area type it is open in (nil: urban and rural).
    public var area: AreaType? = nil
    /// What kind of model it finances: farm conversions or pathways (nil: both).
    public var purpose: Role? = nil

    public init(categories: [String] = [], when: Condition? = nil, models: [String]? = nil, area: AreaType? = nil, purpose: Role? = nil) {
        self.categories = categories
        self.when = when
        self.models = models
        self.area = area
        self.purpose = purpose
    }

    /// True when a household (its loan category and facts) in an area can use it at all.
    public func admits(category: String, facts: DenseFacts, area: AreaType) -> Bool {
        (categories.isEmpty || categories.contains(category)) && (self.area.map { $0 == area } ?? true) && (when?.holds(facts) ?? true)
    }

    /// True when it finances every one of these models; with nil (any models, not yet known), only when
    /// it finances any model. A nil `role` is a plan of several roles (farm models beside work away): only
    /// a programme for any purpose finances it.
    public func finances(_ modelIDs: [String]?, role: Role? = .conversion) -> Bool {
        guard purpose.map({ $0 == role }) ?? true else { return false }
        guard let list = models else { return true }
        return modelIDs.map { $0.allSatisfy(list.contains) } ?? false
    }
}
