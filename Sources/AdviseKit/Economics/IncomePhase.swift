/// A stretch of years in which the same products earn: three years of money sent home from Japan, then
/// the years after return; the years before an orchard bears, then its bearing years beside a wage. What
/// a single "income when stable" would hide.
public struct IncomePhase: Sendable, Equatable {
    /// First and last year (1…horizon, from the investment).
    public var fromYear: Int
    public var toYear: Int
    /// What earns in these years (each output's name), in the parts' order.
    public var outputs: [LocalizedText]
    /// Mean yearly income over these years at base price, after expected hazard losses and hired labour,
    /// before financing and re-investment, VND.
    public var riskAdjustedIncome: Double

    /// The phases of `parts` over years 1…`horizon` — only when the products that earn change between two
    /// stretches that both earn (otherwise one income describes it, and none are given).
    static func phases(_ parts: [Projection.Part], horizon: Int, hiredCost: Double) -> [IncomePhase] {
        guard horizon >= 1 else { return [] }
        func earning(_ year: Int) -> [LocalizedText] {
            parts.flatMap { part in part.economics.outputNames.indices.filter { part.economics.earns($0, inYear: year) }.map { part.economics.outputNames[$0] } }
        }
        var phases: [IncomePhase] = []
        for year in 1...horizon {
            let outputs = earning(year)
            let income = parts.reduce(0) { $0 + $1.economics.riskAdjustedIncome(inYear: year, at: $1.scale) } - hiredCost
            if var last = phases.last, last.outputs == outputs {
                last.riskAdjustedIncome += (income - last.riskAdjustedIncome) / Double(year - last.fromYear + 1)
                last.toYear = year
                phases[phases.count - 1] = last
            } else {
                phases.append(IncomePhase(fromYear: year, toYear: year, outputs: outputs, riskAdjustedIncome: income))
            }
        }
        return phases.filter { !$0.outputs.isEmpty }.count >= 2 ? phases : []
    }
}
