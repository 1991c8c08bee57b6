import Foundation

/// A product's market: how far its farm-gate price swings from year to year and how fast it comes back.
/// Outputs name their market (`market: coconut`); the odds (``RiskSimulation``) draw one price path per
/// market, so every model selling coconuts sees the same coconut prices.
public struct Market: Sendable {
    public var id: String
    public var name: LocalizedText
    /// Standard deviation of the year-to-year change in the log of the price (0.7 for dry coconut).
    public var volatility: Figure
    /// Years for half of a price shock to fade (mean reversion towards the base price).
    public var halfLife: Figure

    /// The year-to-year persistence of a log-price shock, φ = 0.5^(1/half-life).
    public var persistence: Double { halfLife.value > 0 ? pow(0.5, 1 / halfLife.value) : 0 }

    /// The standard deviation of the log price around its mean, from the year-to-year one:
    /// Var(xₜ − xₜ₋₁) = 2σ²(1 − φ) for a stationary AR(1) process.
    public var stationaryVolatility: Double {
        let phi = persistence
        return phi < 1 ? volatility.value / (2 * (1 - phi)).squareRoot() : volatility.value
    }
}

/// The correlation of two markets' yearly price shocks.
public struct MarketCorrelation: Sendable {
    public var markets: (String, String)
    public var value: Figure
}
