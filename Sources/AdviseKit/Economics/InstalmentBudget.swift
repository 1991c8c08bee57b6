/// What a household has, beside a projection's own cash, to pay the projection's loan instalments from:
/// what is left of its capital after the investment, and each year what it earns beside the projection
/// less what it keeps for its living (``Repayment``). The odds' missed-instalment chance and the search's
/// repayment constraint both read it, so they are one definition.
public struct InstalmentBudget: Sendable, Equatable {
    /// Own capital left after the investment and its financing, VND (never below zero).
    public var cushion: Double
    /// Year 1, 2, … (index t − 1): income beside the projection less what the household keeps for its
    /// living, VND (negative when the household gives up more than it keeps).
    public var spare: [Double]

    public init(cushion: Double, spare: [Double] = []) {
        self.cushion = cushion
        self.spare = spare
    }

    /// What is spare in year `t` (1-based); 0 past the years given.
    @inline(__always) func spare(inYear t: Int) -> Double { t - 1 < spare.count ? spare[t - 1] : 0 }
}
