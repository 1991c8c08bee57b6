import Foundation

/// A product's market: how far its farm-gate price swings from year to year and how fast it comes back.
/// Outputs name their market (`market: coconut`); the odds (``RiskSimulation``) draw one price path per
/// market, so every model selling coconuts sees the same coconut prices.
public struct Market: Sendable {
    public var id: String
    public var name: LocalizedText
    /// Standard deviation of the year-to-year change in the log of the price (0.7 for dry coconut).
    public var volatility: Figure
    /// Years for half of a price shock to fade (mean reversion towards the long-run mean).
    public var halfLife: Figure
    /// The long-run mean of the market's reference price (`mean`: a sourced series, the years it covers), in the
    /// unit of ``current``. Each output's `base` price is its own long-run price on this market.
    public var mean: Figure? = nil
    /// The reference price when last observed (`current`), and the date it was observed (`date`, `YYYY-MM-DD`):
    /// the expected path starts there and reverts to ``mean``. Nil: today's price is not known to be high or low.
    public var current: Figure? = nil
    public var currentDate: String? = nil

    /// The year-to-year persistence of a log-price shock, φ = 0.5^(1/half-life).
    public var persistence: Double { halfLife.value > 0 ? pow(0.5, 1 / halfLife.value) : 0 }

    /// How far the observed price stands from the long-run mean: the log of their ratio (0 when either is not given).
    public var deviation: Double {
        guard let m = mean?.value, let c = current?.value, m > 0, c > 0 else { return 0 }
        return log(c / m)
    }

    /// Years from the observation to the middle of a calendar year (nil when no price was observed).
    func lag(toMiddleOf calendarYear: Int) -> Double? {
        currentDate.flatMap(Self.yearFraction).map { max(0, Double(calendarYear) + 0.5 - $0) }
    }

    /// The expected price of a calendar year as a multiple of the long-run price: the observed deviation fades by
    /// half every half-life, exp(φ^lag · ln(current / mean)). 1 when no price was observed.
    public func expectedFactor(inYear calendarYear: Int) -> Double {
        guard let lag = lag(toMiddleOf: calendarYear), deviation != 0 else { return 1 }
        return exp(pow(persistence, lag) * deviation)
    }

    /// The variance of the log price of a calendar year around its expected path: σ²(1 − φ^(2·lag)) from a
    /// known price, σ² (the long-run spread) when none was observed.
    func variance(inYear calendarYear: Int) -> Double {
        let sigma = stationaryVolatility
        guard let lag = lag(toMiddleOf: calendarYear) else { return sigma * sigma }
        return sigma * sigma * (1 - pow(persistence, 2 * lag))
    }

    /// A `YYYY-MM-DD` date as a calendar year and its fraction (2025-07-01 → 2025.496).
    static func yearFraction(_ date: String) -> Double? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Double(parts[0]) + (Double(parts[1] - 1) * 30.44 + Double(parts[2] - 1)) / 365.25
    }

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
