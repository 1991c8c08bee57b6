/// Summary figures of a yearly cash flow `[year 0, year 1, …]`.
public struct CashFlowMetrics: Sendable, Equatable {
    /// Net present value at the discount rate, year 0 undiscounted.
    public var npv: Double
    /// The first year from which the cumulative cash flow stays at or above zero to the horizon; nil when
    /// it ends below zero. 0 when it never goes below zero.
    public var paybackYear: Int?
    /// The lowest cumulative cash position (≤ 0 when money is laid out), and the year it is reached.
    public var lowPoint: Double
    public var lowPointYear: Int

    /// Net present value of a flow `[year 0, year 1, …]`, year 0 undiscounted.
    public static func npv(_ flow: [Double], discountRate: Double) -> Double {
        var total = 0.0, factor = 1.0
        for amount in flow {
            total += amount / factor
            factor *= 1 + discountRate
        }
        return total
    }

    /// Computes the metrics.
    /// - Complexity: O(n) in the number of years.
    public init(_ flow: [Double], discountRate: Double) {
        var cumulative = 0.0
        var low = 0.0, lowYear = 0
        var lastNegative: Int?
        for (year, amount) in flow.enumerated() {
            cumulative += amount
            if cumulative < low - 0.5 {
                low = cumulative
                lowYear = year
            }
            if cumulative < -0.5 { lastNegative = year }
        }
        npv = Self.npv(flow, discountRate: discountRate)
        self.lowPoint = low
        self.lowPointYear = lowYear
        switch lastNegative {
        case nil: paybackYear = 0
        case let y? where y == flow.count - 1: paybackYear = nil
        case let y?: paybackYear = y + 1
        }
    }
}
