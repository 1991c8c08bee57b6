/// What the ward can give over the plan: preferential loan capital by programme, livelihood-support funds
/// (a grant of a set amount to each household chosen), places in a model (a state-funded vocational course,
/// a slot in a cooperative's net-house: the model's investment paid for the household that takes it up), and
/// the years to project.
public struct WardResources: Sendable {
    /// Loan capital available by programme id (`Rules/settings.yaml`'s loan programmes), VND.
    public var loanCapital: [String: Double]
    /// Livelihood-support funds, VND, and the grant each chosen household receives.
    public var supportBudget: Double
    public var supportEach: Double
    /// Places by model id (the rule set's models and pathways): how many households the ward can give that
    /// model with its investment paid.
    public var places: [String: Int]
    /// Years projected after this one.
    public var years: Int

    public init(loanCapital: [String: Double] = [:], supportBudget: Double = 0, supportEach: Double = 0, places: [String: Int] = [:], years: Int = 5) {
        self.loanCapital = loanCapital
        self.supportBudget = supportBudget
        self.supportEach = supportEach
        self.places = places
        self.years = years
    }

    /// The id of a model's places among the resources: `places:MODEL`.
    public static func placesID(_ model: String) -> String { placesPrefix + model }

    /// The model of a `places:MODEL` resource id; nil for money (a loan programme, support).
    public static func placesModel(_ id: String) -> String? {
        id.hasPrefix(placesPrefix) ? String(id.dropFirst(placesPrefix.count)) : nil
    }

    private static let placesPrefix = "places:"
}

/// The ward's targets: the poverty rate and the near-poor rate (percent of households) and the income per
/// person (VND a year) by a year.
public struct WardTargets: Sendable {
    public var year: Int
    public var povertyRate: Double
    public var nearPoorRate: Double?
    public var incomePerPerson: Double

    public init(year: Int, povertyRate: Double, nearPoorRate: Double?, incomePerPerson: Double) {
        self.year = year
        self.povertyRate = povertyRate
        self.nearPoorRate = nearPoorRate
        self.incomePerPerson = incomePerPerson
    }
}
