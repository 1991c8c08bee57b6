/// What a household's figures can plausibly be (`input_limits` in the settings): a value outside is surely
/// short of its unit, or past it, and is refused with its likely meaning — `--capital 150` is 150 ₫, which
/// nobody means ("150 — did you mean 150tr?"). 0 (no land, no savings) is always accepted.
public struct InputLimits: Sendable {
    /// The least capital or other income other than 0, VND (a month's income for other income).
    public var moneyMinimum: Figure
    /// The least land other than 0, and the most, m².
    public var landMinimum: Figure
    public var landMaximum: Figure

    public init(moneyMinimum: Figure, landMinimum: Figure, landMaximum: Figure) {
        self.moneyMinimum = moneyMinimum
        self.landMinimum = landMinimum
        self.landMaximum = landMaximum
    }
}
