/// Chooses the scale of a model for a household: the one with the highest risk-adjusted NPV among the
/// scales that fit its land, its capital plus the loan it can get, on the model's step grid.
///
/// The NPV (before financing) is affine in the scale except where hired labour starts, so the best scale
/// is at the minimum, the upper limit, or next to that kink; only those are tried, each in O(1) from
/// ``UnitEconomics``. More land or capital only widens the range, so the answer never gets worse.
struct ScaleSearch {
    /// The upper limit, or why the model cannot fit at all.
    enum Limit: Equatable {
        case fits(upper: Double)
        case land(needM2: Double)
        case capital(needVND: Double, ceiling: Double)
        /// Its smallest scale takes more working members than the household has.
        case workers(need: Double)
    }

    let grid: ScaleGrid
    let economics: UnitEconomics
    let money: Money
    let landM2: Double
    /// What keeping the current use is worth per scale unit of the model (subtracted: the search maximises
    /// the gain over the current use).
    var baselinePerScale = 0.0

    /// The household's money and labour as the search needs them: plain numbers.
    struct Money {
        /// Own capital with any grant; nil when capital is not given.
        var capital: Double?
        /// The largest loan the household can get for the models (0 without a programme).
        var loanCeiling: Double
        var familyDays: Double
        var valuation: Valuation

        /// The money for `models` of a role (nil: a plan of any farm models, so only loans and grants for any).
        init(_ r: Projection.Resources, models: [String]?, role: Role? = .conversion) {
            capital = r.capital.map { $0 + (r.grant(for: models, role: role)?.amount.value ?? 0) }
            loanCeiling = r.loanCeiling(for: models, role: role)
            familyDays = r.familyDays
            valuation = r.valuation
        }

        /// The same money with at most `loan` borrowed and `withheld` less of the household's own capital.
        func capped(loan: Double?, withheld: Double) -> Money {
            var m = self
            if let loan { m.loanCeiling = min(m.loanCeiling, loan) }
            m.capital = capital.map { $0 - withheld }
            return m
        }

        /// The yearly cost of `days` of labour: hired cash and the family's days at their value.
        func labour(_ days: Double) -> LabourCost { valuation.labour(days, familyDays: familyDays) }

        /// What the days hired after the horizon cost beyond the family rate (``Valuation/residualHiredCharge(_:familyDays:)``).
        func residualHired<Parts: Collection>(_ parts: Parts) -> Double where Parts.Element == (extent: Int, days: Double) {
            valuation.residualHiredCharge(parts, familyDays: familyDays)
        }

        /// A model's risk-adjusted (or not) NPV at a scale with its labour valued in every year: at the wage for the
        /// days hired, at the family rate for the family's, after the horizon too.
        func npv(_ e: UnitEconomics, at scale: Double, riskAdjusted: Bool) -> Double {
            let days = e.labour(at: scale)
            return e.npv(at: scale, hiredCost: labour(days).valued, riskAdjusted: riskAdjusted) - residualHired(CollectionOfOne((e.extent, days)))
        }
    }

    /// The largest scale that fits the land and money.
    func limit() -> Limit {
        let spec = grid
        guard spec.maximum >= spec.minimum else { return .workers(need: spec.minimum) }
        // A model that takes no land (work away from the farm) is bounded by its own maximum.
        let byLand = spec.areaPerScale > 0 ? landM2 / spec.areaPerScale : Double.infinity
        guard let upperLand = spec.floor(byLand) else { return .land(needM2: spec.minimum * spec.areaPerScale) }
        guard let capital = money.capital else { return .fits(upper: upperLand) }
        let (fixed, perScale) = (economics.investFixed, economics.investPerScale)
        let ceiling = money.loanCeiling
        let money = capital + ceiling
        let byMoney = perScale > 0 ? (money - fixed) / perScale : (fixed <= money ? Double.infinity : -1)
        guard let upper = spec.floor(min(upperLand, byMoney)) else {
            return .capital(needVND: economics.investment(at: spec.minimum), ceiling: ceiling)
        }
        return .fits(upper: upper)
    }

    /// The scales worth trying up to `upper`, ascending, without repeats: the minimum, the two grid points
    /// around the labour kink, and the upper limit.
    func forEachCandidate(upper: Double, _ body: (Double) -> Void) {
        var last = grid.minimum
        body(last)
        if economics.labourPerScale > 0, let below = grid.floor((money.familyDays - economics.labourFixed) / economics.labourPerScale) {
            for s in [min(below, upper), min(below + grid.step, upper)] where s > last {
                body(s)
                last = s
            }
        }
        if upper > last { body(upper) }
    }

    /// The risk-adjusted NPV over keeping the current use, at a scale.
    func value(at scale: Double) -> Double {
        money.npv(economics, at: scale, riskAdjusted: true) - baselinePerScale * scale
    }

    /// The best scale (the smallest among equals).
    func best(upper: Double) -> Double {
        var best = grid.minimum, bestValue = -Double.infinity
        forEachCandidate(upper: upper) { scale in
            let v = value(at: scale)
            if v > bestValue + 0.5 { (best, bestValue) = (scale, v) }
        }
        return best
    }

    /// Every scale tried, with its value, for `--explain`.
    func trials(upper: Double) -> [ScaleTrial] {
        var trials: [ScaleTrial] = []
        forEachCandidate(upper: upper) { trials.append(ScaleTrial(scale: $0, riskAdjustedNPV: value(at: $0))) }
        return trials
    }
}
