/// How much of a model's value moves with one price: the prices that move together (a market's, or one
/// output's own when it follows no market), the output whose price figure stands for them, and the
/// discounted revenue at stake per scale unit.
///
/// Revenue, revenue-linked costs and the expected hazard loss are all proportional to the price, so a
/// model's risk-adjusted value is affine in it: moving every price of `key` by a factor `f` moves the value
/// per scale unit over `T` years by `(f − 1) · value(years: T)`. That is what makes a tipping point a
/// closed form (``TippingPoint``).
public struct PriceExposure: Sendable {
    /// The market's id, or `model.outputs.output` for an output that follows no market.
    public let key: String
    /// The model, and its first output with this key: the figure a tipping point names.
    public let modelID: String
    public let output: Output
    /// Σ_{t < T} dₜ · revenue kept after revenue-linked costs and expected hazard losses, per scale unit at
    /// base price, for T = 0…``UnitEconomics/maxYears``.
    let cumulative: [Double]

    /// The discounted revenue at stake over years 1…`years`, per scale unit.
    public func value(years: Int) -> Double { cumulative[min(max(0, years), cumulative.count - 1)] }

    /// The exposures of a model's outputs: per year (index year − 1) each output's revenue per scale unit at base
    /// price, the share of it kept after revenue-linked costs and the share hazards are expected to take.
    static func exposures(of model: FarmModel, revenue: [[Double]], kept: [[Double]], lost: [Double], discountRate: Double) -> [PriceExposure] {
        var keys: [String] = [], flows: [[Double]] = [], outputs: [Output] = []
        for (o, output) in model.outputs.enumerated() {
            let key = output.market ?? "\(model.id).\(output.pricePath)"
            let k: Int
            if let found = keys.firstIndex(of: key) {
                k = found
            } else {
                k = keys.count
                keys.append(key)
                outputs.append(output)
                flows.append([Double](repeating: 0, count: revenue[o].count))
            }
            for t in revenue[o].indices { flows[k][t] += revenue[o][t] * (kept[o][t] - lost[t]) }
        }
        return keys.indices.map { k in
            var d = 1.0, sum = 0.0
            var cumulative = [0.0]
            for v in flows[k] {
                d /= 1 + discountRate
                sum += d * v
                cumulative.append(sum)
            }
            return PriceExposure(key: keys[k], modelID: model.id, output: outputs[k], cumulative: cumulative)
        }
    }
}

extension Output {
    /// The price figure's path in its model (`outputs.meat-goats.price`), as overrides name it.
    public var pricePath: String { "outputs.\(id).price" }
}
