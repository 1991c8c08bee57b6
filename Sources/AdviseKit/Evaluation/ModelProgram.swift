/// What the evaluator's hot loop needs of a model, laid out once when an ``Evaluator`` is made: the
/// compiled checks of its rules and item conditions, and its scale grid. Shared by reference, so that a
/// million households do not copy the model a million times.
final class ModelProgram: Sendable {
    let model: FarmModel
    let rules: [Condition.Check]
    let items: [Condition.Check?]
    let costs: [Condition.Check?]
    let grid: ScaleGrid

    init(_ model: FarmModel) {
        self.model = model
        rules = model.rules.map(\.condition.check)
        items = model.investment.map { $0.when?.check }
        costs = model.operatingCosts.map { $0.when?.check }
        grid = ScaleGrid(model.scale)
    }
}

/// A model's scale limits as plain numbers.
struct ScaleGrid: Sendable {
    let minimum: Double
    let maximum: Double
    let step: Double
    /// m² one scale unit takes.
    let areaPerScale: Double
    /// True for models scaled by unit.
    let isUnits: Bool

    init(minimum: Double, maximum: Double, step: Double, areaPerScale: Double, isUnits: Bool) {
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.areaPerScale = areaPerScale
        self.isUnits = isUnits
    }

    init(_ spec: ScaleSpec) {
        minimum = spec.minimum
        maximum = spec.maximum
        step = spec.step
        areaPerScale = spec.areaM2(1)
        isUnits = spec.isUnits
    }

    /// The same grid up to `cap` (a household's starter scale, or the workers it has): its largest point
    /// ≤ `cap`; below the minimum, an empty grid (its maximum below its minimum: nothing fits).
    func capped(at cap: Double) -> ScaleGrid {
        guard cap < maximum else { return self }
        return ScaleGrid(minimum: minimum, maximum: floor(cap) ?? cap, step: step, areaPerScale: areaPerScale, isUnits: isUnits)
    }

    /// The largest scale on the grid that is ≤ `limit`, or nil when even the minimum exceeds it.
    func floor(_ limit: Double) -> Double? {
        guard limit + 1e-9 >= minimum, maximum >= minimum else { return nil }
        let steps = ((Swift.min(limit, maximum) - minimum) / step + 1e-9).rounded(.down)
        return minimum + steps * step
    }
}
