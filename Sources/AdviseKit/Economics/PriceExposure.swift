/// How much of a model's value moves with one figure — a price, or an output's yield where the rule set gives
/// its sourced range: the prices that move together (a market's, or one output's own when it follows no
/// market) or the one yield, the output whose figure stands for them, and the discounted revenue at stake per
/// scale unit.
///
/// Revenue, revenue-linked costs and the expected hazard loss are all proportional to the price and to the
/// yield, so a model's risk-adjusted value is affine in either: moving the figure of `key` by a factor `f`
/// moves the value per scale unit over `T` years by `(f − 1) · value(years: T)`. That is what makes a tipping
/// point a closed form (``TippingPoint``).
public struct PriceExposure: Sendable {
    /// Which figure of the output moves.
    public enum Kind: String, Sendable {
        case price, yield
    }

    /// The market's id, or `model.outputs.output.price` for an output that follows no market, or
    /// `model.outputs.output.yield` for a yield.
    public let key: String
    public let kind: Kind
    /// The model, and its first output with this key: the figure a tipping point names.
    public let modelID: String
    public let output: Output
    /// The model's scale unit when it is counted in units (a breeding doe): what a yield is per.
    public let unitName: LocalizedText?
    /// Σ_{t < T} dₜ · revenue kept after revenue-linked costs and expected hazard losses, per scale unit at
    /// base price, for T = 0…``UnitEconomics/maxYears``.
    let cumulative: [Double]

    /// The discounted revenue at stake over years 1…`years`, per scale unit.
    public func value(years: Int) -> Double { cumulative[min(max(0, years), cumulative.count - 1)] }

    /// The exposures of a model's outputs: per year (index year − 1) each output's revenue per scale unit at base
    /// price, the share of it kept after revenue-linked costs and the share hazards are expected to take. One per
    /// market (or price of its own), then one per output whose yield has a range.
    static func exposures(of model: FarmModel, revenue: [[Double]], kept: [[Double]], lost: [Double], discountRate: Double) -> [PriceExposure] {
        var keys: [(key: String, kind: Kind)] = [], flows: [[Double]] = [], outputs: [Output] = []
        func add(_ key: String, _ kind: Kind, _ o: Int) {
            let k: Int
            if let found = keys.firstIndex(where: { $0.key == key }) {
                k = found
            } else {
                k = keys.count
                keys.append((key, kind))
                outputs.append(model.outputs[o])
                flows.append([Double](repeating: 0, count: revenue[o].count))
            }
            for t in revenue[o].indices { flows[k][t] += revenue[o][t] * (kept[o][t] - lost[t]) }
        }
        for (o, output) in model.outputs.enumerated() { add(output.market ?? "\(model.id).\(output.pricePath)", .price, o) }
        for (o, output) in model.outputs.enumerated() where output.yieldPerScale.range != nil { add("\(model.id).\(output.yieldPath)", .yield, o) }
        var unitName: LocalizedText?
        if case let .units(name, _) = model.scale.kind { unitName = name }
        return keys.indices.map { k in
            var d = 1.0, sum = 0.0
            var cumulative = [0.0]
            for v in flows[k] {
                d /= 1 + discountRate
                sum += d * v
                cumulative.append(sum)
            }
            return PriceExposure(key: keys[k].key, kind: keys[k].kind, modelID: model.id, output: outputs[k], unitName: unitName, cumulative: cumulative)
        }
    }

    /// The figure as a tipping point names it, in its unit as written: its path in the model, unit, base, sourced
    /// range and sources; nil for a yield without a range.
    var figure: (path: String, unit: String, base: Double, low: Double, high: Double, sources: [String])? {
        switch kind {
        case .price:
            let band = output.price
            return (output.pricePath, band.unit, band.base / band.unitFactor, band.low / band.unitFactor, band.high / band.unitFactor, band.provenance.sources)
        case .yield:
            let y = output.yieldPerScale
            guard let range = y.range else { return nil }
            return (output.yieldPath, y.unit, y.value / y.unitFactor, range.lowerBound / y.unitFactor, range.upperBound / y.unitFactor, y.provenance.sources)
        }
    }
}

extension Output {
    /// The price figure's path in its model (`outputs.meat-goats.price`), as overrides name it.
    public var pricePath: String { "outputs.\(id).price" }
    /// The yield figure's path in its model (`outputs.meat-goats.yield`).
    public var yieldPath: String { "outputs.\(id).yield" }
}
