import Foundation

/// The markets laid out for drawing price paths: each market's log price follows a mean-reverting
/// (AR(1)) process around its expected path (``PriceOutlook``), with correlated yearly shocks.
///
/// With xₜ = φ·xₜ₋₁ + s·εₜ, s = σ·√(1 − φ²), and the price factor exp(xₜ − vₜ/2) over the expected path, whose
/// mean is 1: on average a path pays the expected price, so the mean of the odds is the risk-adjusted value.
/// x₁ is drawn with the variance v₁ of a price known when it was observed, σ²(1 − φ^(2·lag)) — or from the
/// long-run spread σ² when today's price is not known to be high or low — and vₜ grows towards σ² year by year.
public struct MarketModel: Sendable {
    /// Market ids, in the order paths are drawn.
    public let ids: [String]
    let persistence: [Double]
    /// Spread of the log price in year 1, √v₁ (σ, the long-run spread, for a market whose price is not known).
    let spread: [Double]
    /// Spread of the yearly shock, s.
    let shock: [Double]
    /// Lower-triangular Cholesky factor of the shock correlation matrix, row-major.
    let cholesky: [Double]
    /// vₜ/2 of market m in year t + 1 at `halfVariance[m * years + t]`, so that a price factor's mean is 1.
    let halfVariance: [Double]
    /// Years laid out in ``halfVariance``.
    let years: Int

    /// Nil when the correlations are not a valid correlation matrix (not positive definite).
    /// - Parameter startYear: the calendar year of year 0, from which the years since a market's observed price
    ///   are counted; nil: every market starts from its long-run spread.
    public init?(markets: [Market], correlations: [MarketCorrelation], startYear: Int? = nil, years: Int = UnitEconomics.maxYears) {
        ids = markets.map(\.id)
        persistence = markets.map(\.persistence)
        let sigma = markets.map(\.stationaryVolatility)
        shock = zip(sigma, persistence).map { $0 * (1 - $1 * $1).squareRoot() }
        self.years = years
        let variance = markets.map { m in (1...max(1, years)).map { t in startYear.map { m.variance(inYear: $0 + t) } ?? m.stationaryVolatility * m.stationaryVolatility } }
        spread = variance.map { $0[0].squareRoot() }
        halfVariance = variance.flatMap { $0.map { $0 / 2 } }
        let n = markets.count
        var c = [Double](repeating: 0, count: n * n)
        for i in 0..<n { c[i * n + i] = 1 }
        for pair in correlations {
            guard let i = ids.firstIndex(of: pair.markets.0), let j = ids.firstIndex(of: pair.markets.1) else { continue }
            c[i * n + j] = pair.value.value
            c[j * n + i] = pair.value.value
        }
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = c[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-12 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        cholesky = l
    }

    /// The years to draw each market's shock for, when market i's prices are needed for `years[i]` years:
    /// its own, or longer when a market correlated with it (later in the Cholesky order) needs its shock.
    func shockYears(_ years: [Int]) -> [Int] {
        let n = ids.count
        return (0..<n).map { k in (k..<n).filter { $0 == k || cholesky[$0 * n + k] != 0 }.map { years[$0] }.max() ?? 0 }
    }

    /// Price factors for one draw: `factors[m * stride + t]` for market m and year t + 1, for t below
    /// `years[m]` (other entries are left as they are). `shocks` is ``shockYears(_:)`` of `years`;
    /// `scratch` holds at least twice as many numbers as there are markets.
    func path(years: [Int], shocks: [Int], stride: Int, random: inout RandomSource, into factors: inout [Double], scratch: inout [Double]) {
        let n = ids.count, last = years.max() ?? 0
        factors.withUnsafeMutableBufferPointer { f in
            scratch.withUnsafeMutableBufferPointer { buffer in
                cholesky.withUnsafeBufferPointer { l in
                    let z = buffer.baseAddress!, x = z + n
                    for t in 0..<last {
                        for i in 0..<n where t < shocks[i] { z[i] = random.normal() }
                        for i in 0..<n where t < years[i] {
                            var e = 0.0
                            for k in 0...i where l[i * n + k] != 0 { e += l[i * n + k] * z[k] }
                            x[i] = t == 0 ? spread[i] * e : persistence[i] * x[i] + shock[i] * e
                            f[i * stride + t] = exp(x[i] - halfVariance[i * self.years + min(t, self.years - 1)])
                        }
                    }
                }
            }
        }
    }
}
