/// A household as the evaluator reads it: every fact normalised to base units and checked against the
/// rule set's scales.
public struct Household: Sendable, Equatable {
    /// The household's id in a batch or a sample, if any.
    public var id: String?
    /// The household's name, when given (for the report).
    public var name: String?
    /// Land the household can convert, m².
    public var landM2: Double
    /// Own capital, VND; nil when not given (each model then shows what it needs).
    public var capitalVND: Double?
    /// Flood exposure level id.
    public var flood: String
    /// Salinity exposure level id.
    public var salinity: String
    /// Working household members.
    public var labour: Double
    /// Household members.
    public var members: Double
    /// Current land use level id.
    public var currentUse: String
    /// Loan category level id.
    public var loanCategory: String
    /// The household's yearly income beside the farm, VND (0 when not given).
    public var otherIncomeVND: Double = 0
    /// Facts that were not given and took the rule set's defaults.
    public var assumed: [HouseholdFact]
    /// The models the household already practises (ids, sorted): planned beyond their starter scale.
    public var experience: [String] = []

    /// Creates a household.
    public init(id: String? = nil, landM2: Double, capitalVND: Double?, flood: String, salinity: String, labour: Double,
                members: Double, currentUse: String, loanCategory: String, otherIncomeVND: Double = 0, assumed: [HouseholdFact] = []) {
        self.id = id
        self.landM2 = landM2
        self.capitalVND = capitalVND
        self.flood = flood
        self.salinity = salinity
        self.labour = labour
        self.members = members
        self.currentUse = currentUse
        self.loanCategory = loanCategory
        self.otherIncomeVND = otherIncomeVND
        self.assumed = assumed
    }

    /// The level id of a level fact, or nil for a number fact.
    public func level(_ fact: HouseholdFact) -> String? {
        switch fact {
        case .flood: flood
        case .salinity: salinity
        case .currentUse: currentUse
        case .loanCategory: loanCategory
        case .landM2, .capitalVND, .labour, .members, .otherIncomeVND: nil
        }
    }

    /// The value of a number fact.
    public func number(_ fact: HouseholdFact) -> Double? {
        switch fact {
        case .landM2: landM2
        case .capitalVND: capitalVND
        case .labour: labour
        case .members: members
        case .otherIncomeVND: otherIncomeVND
        case .flood, .salinity, .currentUse, .loanCategory: nil
        }
    }

    /// The facts as expression values: numbers as they are, levels as their position on the scale.
    public func factValues(_ settings: RegionalSettings) -> FactValues {
        var values = FactValues()
        for fact in HouseholdFact.allCases {
            if let scale = fact.scale, let id = level(fact) {
                values[fact] = settings.scales[scale]?.levels.firstIndex { $0.id == id }.map(Double.init)
            } else {
                values[fact] = number(fact)
            }
        }
        return values
    }
}
