/// Chooses the scale of a model for a household: the one with the highest risk-adjusted NPV among the
/// scales that fit its land, its capital plus the loan it can get, on the model's step grid.
///
/// The NPV (before financing) is affine in the scale except where hired labour starts, so the best scale
/// is at the minimum, the upper limit, or next to that kink; only those are tried. More land or capital
/// only widens the range, so the answer never gets worse.
struct ScaleSearch {
    /// The upper limit and why, when the model cannot fit at all.
    enum Limit: Equatable {
        case fits(upper: Double)
        case land(needM2: Double)
        case capital(needVND: Double, ceiling: Double)
    }

    let model: FarmModel
    let inputs: Projection.Inputs
    let landM2: Double

    /// The largest scale that fits the land and money.
    func limit() -> Limit {
        let spec = model.scale
        let byLand = landM2 / spec.areaM2(1)
        guard let upperLand = spec.floor(byLand) else { return .land(needM2: spec.areaM2(spec.minimum)) }
        guard let capital = inputs.capital else { return .fits(upper: upperLand) }
        let items = Projection.investmentItems(model, inputs)
        let fixed = items.reduce(0) { $0 + $1.fixed }, perScale = items.reduce(0) { $0 + $1.perScale }
        let ceiling = inputs.programme?.ceiling.value ?? 0
        let money = capital + ceiling
        let byMoney = perScale > 0 ? (money - fixed) / perScale : (fixed <= money ? Double.infinity : -1)
        guard let upper = spec.floor(min(upperLand, byMoney)) else {
            return .capital(needVND: fixed + perScale * spec.minimum, ceiling: ceiling)
        }
        return .fits(upper: upper)
    }

    /// The scales worth trying below `upper`.
    func candidates(upper: Double) -> [Double] {
        let spec = model.scale
        var kinks: [Double] = []
        if model.labour.perScaleDays > 0 { kinks.append((inputs.familyDays - model.labour.fixedDays) / model.labour.perScaleDays) }
        var result: Set<Double> = [spec.minimum, upper]
        for kink in kinks {
            guard let below = spec.floor(kink) else { continue }
            result.insert(min(below, upper))
            result.insert(min(below + spec.step, upper))
        }
        return result.filter { $0 >= spec.minimum && $0 <= upper }.sorted()
    }

    /// Projects every candidate and returns the best (the smallest among equals), with all trials.
    func best(upper: Double) -> (scale: Double, projection: Projection, trials: [ScaleTrial]) {
        var best: (Double, Projection)?
        var trials: [ScaleTrial] = []
        for scale in candidates(upper: upper) {
            let p = Projection(model: model, scale: scale, inputs: inputs)
            trials.append(ScaleTrial(scale: scale, riskAdjustedNPV: p.riskAdjustedNPV))
            if best == nil || p.riskAdjustedNPV > (best?.1.riskAdjustedNPV ?? 0) + 0.5 { best = (scale, p) }
        }
        let chosen = best ?? (upper, Projection(model: model, scale: upper, inputs: inputs))
        return (chosen.0, chosen.1, trials)
    }
}
