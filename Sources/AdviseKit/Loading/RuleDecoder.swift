/// Decodes a suitability rule: `id`, `when` (an expression), `effect` and its figures, `message`.
struct RuleDecoder {
    let context: DecodeContext
    let names: NameTable
    let scaled: ScaledFigures

    static let effects = ["unsuitable", "mitigation", "adjust", "warning", "risk"]

    func decode(_ node: ConfigNode) -> SuitabilityRule? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let condition = map.required("when").flatMap { Self.condition($0, context: context, names: names) }
        let message = map.required("message").flatMap { context.text($0) }
        if let sourceNode = map.optional("source") { _ = context.sources(sourceNode) }
        guard let effectNode = map.required("effect"), let effectName = context.string(effectNode) else { return nil }
        let figures = scaled.figures
        let effect: RuleEffect?
        switch effectName {
        case "unsuitable": effect = .unsuitable
        case "warning": effect = .warning
        case "mitigation":
            let itemName = map.required("name").flatMap { context.text($0) }
            effect = map.required("cost").flatMap { scaled.amount($0, per: []) }.flatMap { cost in
                itemName.map { name in
                    .mitigation(CostItem(id: id ?? "mitigation", name: name, fixed: cost.fixed, perScale: cost.perScale,
                                         when: nil, provenance: cost.provenance))
                }
            }
        case "risk":
            let hazard = map.required("hazard").flatMap { context.identifier($0) }
            let likelihood = map.required("likelihood").flatMap { figures.figure($0, expected: [Dimension.none / .base(.time)]) }
            let loss = map.required("loss").flatMap { figures.figure($0, expected: [.none]) }
            if let l = likelihood, l.value > 1 { context.error("figure.range", .ruleLikelihood, at: l.figure.provenance.location) }
            if let l = loss, l.value > 1 { context.error("figure.range", .ruleLoss, at: l.figure.provenance.location) }
            if let hazard, let likelihood, let loss {
                var provenance = likelihood.figure.provenance
                provenance.sources = Array(Set(provenance.sources + loss.figure.provenance.sources)).sorted()
                provenance = provenance.writing("\(likelihood.figure.provenance.written ?? "") × \(loss.figure.provenance.written ?? "") of revenue")
                var risk = Risk(hazard: hazard, likelihood: likelihood.value, loss: loss.value, provenance: provenance)
                if let n = map.optional("lasts"), let f = figures.figure(n, expected: [.base(.time)]) {
                    let years = Int(f.value.rounded())
                    if (1...30).contains(years) { risk.lasts = years } else {
                        context.error("figure.range", .ruleLasts, at: f.figure.provenance.location)
                    }
                }
                let from = map.optional("from_year").flatMap { context.integer($0) } ?? 1
                let to = map.optional("to_year").flatMap { context.integer($0) }
                if from >= 1, (to ?? from) >= from { (risk.fromYear, risk.toYear) = (from, to) } else {
                    context.error("figure.range", .costYears, at: node.location)
                }
                if let n = map.optional("replant"), let cost = scaled.amount(n, per: []) {
                    if cost.fixed != 0 {
                        context.error("unit.mismatch", .ruleReplant, at: cost.provenance.location)
                    }
                    risk.replantPerScale = cost.perScale
                }
                effect = .risk(risk)
            } else {
                effect = nil
            }
        case "adjust":
            var adjustment = Adjustment(provenance: Provenance(sources: [], estimate: nil, note: nil, validUntil: nil, location: node.location))
            var any = false
            for key in ["yield", "price", "operating_cost", "investment"] {
                guard let n = map.optional(key), let f = figures.figure(n, expected: [.none]) else { continue }
                any = true
                adjustment.provenance = f.figure.provenance
                switch key {
                case "yield": adjustment.yield = f.value
                case "price": adjustment.price = f.value
                case "operating_cost": adjustment.operatingCost = f.value
                default: adjustment.investment = f.value
                }
            }
            if let n = map.optional("yield_curve"), let curve = figures.fractions(n) {
                any = true
                adjustment.yieldCurve = curve.values
                adjustment.provenance = curve.provenance
            }
            if !any { context.error("field.missing", .ruleAdjustNeeds, at: node.location) }
            effect = .adjust(adjustment)
        default:
            context.oneOf(effectNode, Self.effects, found: effectName)
            effect = nil
        }
        guard let id, let condition, let message, let effect else { return nil }
        return SuitabilityRule(id: id, condition: condition, effect: effect, message: message, location: node.location)
    }

    /// Compiles an expression scalar, reporting errors at the exact column inside it.
    static func condition(_ node: ConfigNode, context: DecodeContext, names: NameTable) -> Condition? {
        guard let text = context.string(node) else { return nil }
        do {
            var condition = try Compiler.condition(text, names: names)
            condition.location = node.textLocation
            return condition
        } catch {
            context.error(error.code, error.text, at: node.textLocation.advanced(by: error.offset))
            return nil
        }
    }
}
