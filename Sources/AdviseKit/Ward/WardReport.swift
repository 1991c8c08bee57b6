/// The ward's view of its register: rates and income by year under three scenarios, the allocation of its
/// resources, and the households to visit first.
public struct WardReport: Sendable {
    public var households: Int
    public var members: Double
    /// Calendar years: this year (before any conversion), then each year of the projection.
    public var years: [Int]
    /// The poverty line in force each year, VND a person a month.
    public var povertyLineMonth: [Double]
    public var targets: WardTargets?

    /// Per-year figures of one scenario: rates in percent of households, income in VND a person a year.
    public struct Scenario: Sendable, Equatable {
        public var povertyRate: [Double]
        public var nearPoorRate: [Double]
        public var incomePerPerson: [Double]
    }
    /// Nothing changes; every household follows its best plan with its own means; the ward's resources are
    /// allocated as in ``allocation`` (the others follow their own means).
    public var unchanged: Scenario
    public var ownMeans: Scenario
    public var allocated: Scenario

    /// One resource given to one household.
    public struct Grant: Sendable, Equatable {
        public var household: String
        /// A loan programme's id, or `support`.
        public var resource: String
        public var amount: Double
        /// The plan it makes possible (model ids joined by `+`).
        public var plan: String
        /// The chance of being above the line with it, and with its own means.
        public var pLifted: Double
        public var pLiftedOwn: Double
    }
    public var allocation: [Grant]
    /// Each resource: what is used of what there is.
    public var resources: [(id: String, used: Double, budget: Double)]
    /// Each resource in words, by id: its loan programme's name, livelihood support, or places in a model.
    public var resourceNames: [String: LocalizedText] = [:]
    /// Households below the line now expected above it at maturity: with the allocation, and with own means only.
    public var expectedLifted: Double
    public var expectedLiftedOwnMeans: Double
    /// How the allocation was found (`exact` or `lagrangian`) and its proved gap to the optimum.
    public var method: String
    public var gap: Double
    public var bound: Double

    /// A household to visit, in order, with why and what to propose.
    public struct Visit: Sendable {
        public var household: String
        public var reason: LocalizedText
        public var plan: String
    }
    public var visits: [Visit]
    /// Register rows that could not be read, with why.
    public var errors: [(line: Int, id: String?, message: LocalizedText)]
}
