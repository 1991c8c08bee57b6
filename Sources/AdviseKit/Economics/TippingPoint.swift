/// A figure whose value inside its sourced low–high range turns the gain over the current use to zero: the
/// value at which it does (the break-even, solved from the closed form, not sampled), beside its base, its
/// range and its sources — what a verdict hangs on.
///
/// Prices carry a sourced range, and yields where the rule file gives one (`low`, `high`); every price that
/// moves together (a market's: the plan's coconut and the current garden's alike) is one figure, named by the
/// first output selling at it — the plan's own, else the current use's. A yield is its model's own.
public struct TippingPoint: Sendable, Equatable {
    /// The figure's path, as an override names it (`goat-raising.outputs.meat-goats.price`).
    public var figure: String
    /// A price or a yield.
    public var kind: PriceExposure.Kind
    /// For a yield per scale unit counted in units, the unit's name (a breeding doe).
    public var unitName: LocalizedText?
    /// The market whose prices move together, nil for an output that follows no market.
    public var market: String?
    /// The output's name.
    public var label: LocalizedText
    /// The unit as the rule file writes it (`VND/kg`, `VND/chục`), and the figures in it.
    public var unit: String
    public var base: Double
    public var breakeven: Double
    public var low: Double
    public var high: Double
    /// The figure's sources (ids in the rule set's sources).
    public var sources: [String]
    /// True when the gain needs the figure above the break-even (a price the plan sells at); false when below
    /// (a price the current use given up sells at).
    public var above: Bool

    /// The price per product unit as written (`kg`, `chục`, `month`).
    public var perUnit: String { unit.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? unit }

    /// The tipping points of a projection's parts with gain `gain`, nearest to their base first: for every price
    /// the parts or the current use they give up sell at, and every yield with a range, the value at which the
    /// gain would be zero, kept when it lies inside the figure's range.
    public static func points(parts: [Projection.Part], gain: Double) -> [TippingPoint] {
        var points: [(distance: Double, point: TippingPoint)] = []
        solve(parts: parts, gain: gain) { stands, figure, slope, factor in
            points.append((abs(factor - 1), TippingPoint(figure: "\(stands.modelID).\(figure.path)", kind: stands.kind,
                                                          unitName: stands.kind == .yield ? stands.unitName : nil,
                                                          market: stands.kind == .price ? stands.output.market : nil,
                                                          label: stands.output.name, unit: figure.unit, base: figure.base, breakeven: figure.base * factor,
                                                          low: figure.low, high: figure.high, sources: figure.sources, above: slope > 0)))
            return true
        }
        return points.sorted { $0.distance < $1.distance || ($0.distance == $1.distance && $0.point.figure < $1.point.figure) }.map(\.point)
    }

    /// True when the parts have a tipping point (``points(parts:gain:)`` is not empty), found without making one:
    /// what a verdict asks of every option and plan.
    public static func exist(parts: [Projection.Part], gain: Double) -> Bool {
        var found = false
        solve(parts: parts, gain: gain) { _, _, _, _ in
            found = true
            return false
        }
        return found
    }

    /// Solves each figure's break-even and calls `found` with those inside their range — the exposure that names
    /// the figure, the figure, the slope of the gain in its factor and the factor at the break-even — until
    /// `found` returns false.
    private static func solve(parts: [Projection.Part], gain: Double,
                              _ found: (PriceExposure, (path: String, unit: String, base: Double, low: Double, high: Double, sources: [String]), Double, Double) -> Bool) {
        var keys: [String] = []
        for part in parts {
            for e in part.economics.priceExposures where !keys.contains(e.key) { keys.append(e.key) }
            for e in part.baseline?.priceExposures ?? [] where !keys.contains(e.key) { keys.append(e.key) }
        }
        for key in keys {
            var slope = 0.0
            var own: PriceExposure?, givenUp: PriceExposure?
            for part in parts {
                if let e = part.economics.exposure(key) {
                    slope += part.scale * e.value(years: part.economics.extent)
                    own = own ?? e
                }
                if part.baselineAreaM2 > 0, let e = part.baseline?.exposure(key) {
                    slope -= part.baselineAreaM2 * e.value(years: part.baselineYears)
                    givenUp = givenUp ?? e
                }
            }
            guard let stands = own ?? givenUp, slope != 0, slope.isFinite else { continue }
            // gain(f) = gain + (f − 1) · slope, f the factor on the figure (every price of the key, or the one yield).
            let factor = 1 - gain / slope
            guard factor > 0, let figure = stands.figure, figure.base * factor >= figure.low, figure.base * factor <= figure.high else { continue }
            if !found(stands, figure, slope, factor) { return }
        }
    }
}

extension Projection {
    /// The figures inside their sourced range that would turn the gain over the current use to zero, nearest first.
    public var tippingPoints: [TippingPoint] { TippingPoint.points(parts: parts, gain: gainNPV) }
}
