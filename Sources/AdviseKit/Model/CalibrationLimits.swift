/// What the calibration trusts (`calibration` in the settings): a season or follow-up whose reported figure is
/// outside `plausibleLow`–`plausibleHigh` times its prediction is kept but left out until an agronomist confirms
/// it, and a proposal moves no figure by more than `proposalCap` (a fraction) unless a named agronomist confirms
/// the larger change in the file (`confirmed_by`). Three inflated reports cannot then multiply a price by 90.
public struct CalibrationLimits: Sendable, Equatable {
    public var plausibleLow: Double
    public var plausibleHigh: Double
    public var proposalCap: Double

    public init(plausibleLow: Double, plausibleHigh: Double, proposalCap: Double) {
        self.plausibleLow = plausibleLow
        self.plausibleHigh = plausibleHigh
        self.proposalCap = proposalCap
    }

    /// Whether a ratio reported ÷ predicted is one a season can plausibly have.
    public func plausible(_ ratio: Double) -> Bool { ratio >= plausibleLow && ratio <= plausibleHigh }

    /// A ratio held within the cap: 1 ± `proposalCap`.
    public func capped(_ ratio: Double) -> Double { min(max(ratio, 1 - proposalCap), 1 + proposalCap) }
}
