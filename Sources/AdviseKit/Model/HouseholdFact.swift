/// The household facts that rule conditions can name, with their JSON and expression names.
///
/// Numbers are in base units (m², VND, people); levels (flood, salinity, current use, loan category) are
/// the ids of the scales declared in the regional settings, held as their position on the scale.
public enum HouseholdFact: Int, CaseIterable, Sendable, Hashable {
    case landM2, capitalVND, flood, salinity, labour, members, currentUse, loanCategory
    /// The household's yearly income beside the farm (wages, remittances, pensions), VND.
    case otherIncomeVND

    /// The name used in expressions and in JSON output.
    public var name: String {
        switch self {
        case .landM2: "land_m2"
        case .capitalVND: "capital_vnd"
        case .flood: "flood"
        case .salinity: "salinity"
        case .labour: "labour"
        case .members: "members"
        case .currentUse: "current_use"
        case .loanCategory: "loan_category"
        case .otherIncomeVND: "other_income_vnd"
        }
    }

    /// The scale a level fact takes its values from, or nil for a number.
    public var scale: String? {
        switch self {
        case .flood: "flood"
        case .salinity: "salinity"
        case .currentUse: "current_use"
        case .loanCategory: "loan_category"
        case .landM2, .capitalVND, .labour, .members, .otherIncomeVND: nil
        }
    }

    /// The fact with this expression name.
    public static func named(_ name: String) -> HouseholdFact? { allCases.first { $0.name == name } }
}

/// A set of household facts as bits (bit `fact.rawValue`): room for 32 facts.
public typealias FactMask = UInt32

/// Fact values laid out for evaluation: every slot filled, with a flag for the facts actually known.
public struct DenseFacts: Sendable, Equatable {
    public var values: [Double]
    /// Bit `fact.rawValue` is set when the fact is known.
    public var known: FactMask
}

/// The values of all household facts for one evaluation, indexed by ``HouseholdFact``; a fact that was
/// not given (capital, when the officer does not know it) is `nil`.
public struct FactValues: Sendable, Equatable {
    /// Values indexed by `HouseholdFact.rawValue`.
    public var values: [Double?]

    /// All facts unknown.
    public init() { values = Array(repeating: nil, count: HouseholdFact.allCases.count) }

    /// The values as a dense array (unknown facts as 0) and which are known, for fast condition checks.
    public var dense: DenseFacts {
        var known: FactMask = 0
        for (i, v) in values.enumerated() where v != nil { known |= 1 << FactMask(i) }
        return DenseFacts(values: values.map { $0 ?? 0 }, known: known)
    }

    /// The value of one fact.
    public subscript(_ fact: HouseholdFact) -> Double? {
        get { values[fact.rawValue] }
        set { values[fact.rawValue] = newValue }
    }
}
