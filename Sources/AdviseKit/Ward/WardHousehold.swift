/// One household of the ward's register: its facts for the engine, what it earns now, and its
/// deprivations in basic services (the second half of the multidimensional poverty standard).
public struct WardHousehold: Sendable {
    public var id: String
    /// The household's facts. When the register gives its income, its other income is set so that what the
    /// engine counts it earning now (other income and the current use on its land) is that income.
    public var household: Household
    /// Income now, VND a year.
    public var incomeNow: Double
    /// Deprivations in basic services (0–12), when the register gives them; poor needs three or more.
    public var deprivations: Int?

    public init(id: String, household: Household, incomeNow: Double, deprivations: Int?) {
        self.id = id
        self.household = household
        self.incomeNow = incomeNow
        self.deprivations = deprivations
    }

    /// Poor under the line `lineMonth` (VND a person a month): income below it and three or more
    /// deprivations — or, when the register does not count them, the register's own category says poor.
    public func isPoor(incomeYear: Double, lineMonth: Double) -> Bool {
        household.incomePerMember(incomeYear) < lineMonth && (deprivations.map { $0 >= 3 } ?? (household.loanCategory == "poor"))
    }

    /// Near-poor: income below the line and not poor.
    public func isNearPoor(incomeYear: Double, lineMonth: Double) -> Bool {
        household.incomePerMember(incomeYear) < lineMonth && !isPoor(incomeYear: incomeYear, lineMonth: lineMonth)
    }
}
