/// The expected path of each market's prices, as multiples of the outputs' long-run (`base`) prices by year:
/// a market whose price was observed above or below its long-run mean starts there and reverts to the mean
/// at its half-life (``Market/expectedFactor(inYear:)``). Markets without an observed price, and products
/// without a market, are flat at 1.
///
/// The expected path is the base scenario of every figure — revenue, costs that move with it, hazard losses,
/// the tipping points' exposure — and the odds' paths swing around it (``MarketModel``).
public struct PriceOutlook: Sendable, Equatable {
    /// Factor of year 1…``UnitEconomics/maxYears`` at index year − 1, by market id; only markets off their mean.
    private var factors: [String: [Double]] = [:]

    /// Flat: every price at its long-run level.
    public init() {}

    /// The path of every market from `startYear` (the calendar year of year 0).
    public init(markets: [Market], startYear: Int) {
        for market in markets where market.deviation != 0 {
            factors[market.id] = (1...UnitEconomics.maxYears).map { market.expectedFactor(inYear: startYear + $0) }
        }
    }

    /// The expected price of a market in `year` (1-based; later years as the last) as a multiple of its long-run price.
    public func factor(_ market: String?, year: Int) -> Double {
        guard let market, let path = factors[market], !path.isEmpty else { return 1 }
        return path[min(max(year, 1), path.count) - 1]
    }

    /// Whether every market is at its long-run level.
    public var isFlat: Bool { factors.isEmpty }
}
