/// What a household must be able to carry before a plan with a loan is recommended (`repayment` in the
/// settings): the loan's instalments are paid, year by year, from the farm's cash, the household's other
/// income and what is left of its capital, after the household keeps what it lives on.
public struct Repayment: Sendable {
    /// The largest share of the odds' futures in which an instalment may go unpaid (a fraction): above it a
    /// plan or option is not recommended with that loan, and the search looks for a smaller one.
    public var maxMissedInstalmentProbability: Figure
    /// The share of the poverty line per member a household keeps for its own living each year before it
    /// pays an instalment (a fraction); a household that lives on less now keeps what it lives on now.
    public var livingReserve: Figure

    public init(maxMissedInstalmentProbability: Figure, livingReserve: Figure) {
        self.maxMissedInstalmentProbability = maxMissedInstalmentProbability
        self.livingReserve = livingReserve
    }
}
