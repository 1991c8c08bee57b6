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
    /// The new scale of a model the ward's market takes (does of goats, m² of a net-house), by model id: no
    /// allocation plans more of it, the households' own plans included (``RegionalSettings/marketLimits`` by default).
    public var marketLimits: [String: Double]

    public init(loanCapital: [String: Double] = [:], supportBudget: Double = 0, supportEach: Double = 0, places: [String: Int] = [:], years: Int = 5,
                marketLimits: [String: Double] = [:]) {
        self.loanCapital = loanCapital
        self.supportBudget = supportBudget
        self.supportEach = supportEach
        self.places = places
        self.years = years
        self.marketLimits = marketLimits
    }

    /// The rule set's market limits (``RegionalSettings/marketLimits``) in the models' own scale: the default.
    public static func marketLimits(_ settings: RegionalSettings) -> [String: Double] { settings.marketLimits.mapValues(\.value) }

    /// The id of a model's market among the resources: `market:MODEL`.
    public static func marketID(_ model: String) -> String { marketPrefix + model }

    /// The model of a `market:MODEL` resource id; nil for any other resource.
    public static func marketModel(_ id: String) -> String? {
        id.hasPrefix(marketPrefix) ? String(id.dropFirst(marketPrefix.count)) : nil
    }

    private static let marketPrefix = "market:"

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
