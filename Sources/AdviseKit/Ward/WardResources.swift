/// What the ward can give over the plan: preferential loan capital by programme, livelihood-support funds
/// (a grant of a set amount to each household chosen), and the years to project.
public struct WardResources: Sendable {
    /// Loan capital available by programme id (`Rules/settings.yaml`'s loan programmes), VND.
    public var loanCapital: [String: Double]
    /// Livelihood-support funds, VND, and the grant each chosen household receives.
    public var supportBudget: Double
    public var supportEach: Double
    /// Years projected after this one.
    public var years: Int

    public init(loanCapital: [String: Double] = [:], supportBudget: Double = 0, supportEach: Double = 0, years: Int = 5) {
        self.loanCapital = loanCapital
        self.supportBudget = supportBudget
        self.supportEach = supportEach
        self.years = years
    }
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
