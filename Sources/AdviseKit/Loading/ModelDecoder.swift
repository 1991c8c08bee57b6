/// Decodes one model file (`kind: model`): scale, investment, costs, outputs, labour, rules and examples.
struct ModelDecoder {
    let context: DecodeContext
    let figures: FigureDecoder
    let names: NameTable

    func decode(_ map: MappingReader) -> FarmModel? {
        let id = map.required("id").flatMap { context.identifier($0, "the model id") }
        let name = map.required("name").flatMap { context.text($0, "the model name") }
        let summary = map.required("summary").flatMap { context.text($0, "the model summary") }
        guard let scale = map.required("scale").flatMap(self.scale) else {
            for key in ["investment", "operating_costs", "outputs", "labour", "life", "rules", "examples"] { _ = map.optional(key) }
            return nil
        }
        let scaled = ScaledFigures(figures: figures, scale: scale)
        let investment = list(map.required("investment"), "investment") { costItem($0, scaled) }
        let operating = list(map.optional("operating_costs"), "operating_costs") { operatingCost($0, scaled) }
        let outputsNode = map.required("outputs")
        let outputs = list(outputsNode, "outputs") { output($0, scaled) }
        let labour = map.required("labour").flatMap { labourNeed($0, scaled) }
        let role = map.optional("role").flatMap { context.choice($0, "role", as: Role.self) } ?? .conversion
        let life = map.optional("life").flatMap { figures.figure($0, "the productive life", expected: [.base(.time)])?.figure }
        let rules = list(map.optional("rules"), "rules") { RuleDecoder(context: context, names: names, scaled: scaled).decode($0) }
        let examples = list(map.optional("examples"), "examples") { example($0) }

        checkUnique(rules.map { ($0.id, $0.location) }, "rule")
        checkUnique(investment.map { ($0.id, $0.provenance.location) }, "investment item")
        checkUnique(outputs.map { ($0.id, $0.yieldPerScale.provenance.location) }, "output")
        for cost in operating where cost.output.map({ o in !outputs.contains { $0.id == o } }) ?? false {
            context.error("ref.output", "operating cost '\(cost.id)' names output '\(cost.output ?? "")', which the model does not have", at: cost.provenance.location)
        }
        if let outputsNode, case let .sequence(items) = outputsNode.kind, items.isEmpty {
            context.error("field.missing", "a model needs at least one output", at: outputsNode.location)
        }
        guard let id, let name, let summary, let labour else { return nil }
        return FarmModel(id: id, name: name, summary: summary, scale: scale, investment: investment, operatingCosts: operating,
                         outputs: outputs, labour: labour, lifeYears: life, role: role, rules: rules, examples: examples, location: map.node.location)
    }

    private func list<T>(_ node: ConfigNode?, _ what: String, _ item: (ConfigNode) -> T?) -> [T] {
        guard let node, let items = context.sequence(node, what) else { return [] }
        return items.compactMap(item)
    }

    private func checkUnique(_ ids: [(String, SourceLocation)], _ what: String) {
        var seen: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let first = seen[id] {
                context.error("id.duplicate", "\(what) id '\(id)' is used twice (first at line \(first.line))", at: location)
            } else {
                seen[id] = location
            }
        }
    }

    private func scale(_ node: ConfigNode) -> ScaleSpec? {
        guard let map = context.mapping(node, "scale") else { return nil }
        defer { map.finish() }
        guard let byNode = map.required("by"), let by = context.string(byNode, "scale.by") else { return nil }
        let kind: ScaleSpec.Kind
        let dimension: Dimension
        switch by {
        case "area":
            kind = .area
            dimension = .base(.area)
        case "unit":
            let unitName = map.required("unit_name").flatMap { context.text($0, "the unit's name") }
            let area = map.required("unit_area").flatMap { figures.figure($0, "the land one unit takes", expected: [.base(.area) / .base(.unit)]) }
            guard let unitName, let area else { return nil }
            kind = .units(name: unitName, areaM2PerUnit: area.value)
            dimension = .base(.unit)
        default:
            context.error("type.enum", "scale.by must be 'area' or 'unit', found '\(by)'", at: byNode.location)
            return nil
        }
        let bounds = ["minimum", "maximum", "step"].map { key in
            map.required(key).flatMap { figures.figure($0, "the scale \(key)", expected: [dimension])?.value }
        }
        guard let minimum = bounds[0], let maximum = bounds[1], let step = bounds[2] else { return nil }
        guard minimum > 0, step > 0, maximum >= minimum else {
            context.error("figure.range", "the scale needs 0 < minimum ≤ maximum and a step above 0", at: node.location)
            return nil
        }
        return ScaleSpec(kind: kind, minimum: minimum, maximum: maximum, step: step)
    }

    func costItem(_ node: ConfigNode, _ scaled: ScaledFigures) -> CostItem? {
        guard let map = context.mapping(node, "an investment item") else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0, "an item id") }
        let name = map.required("name").flatMap { context.text($0, "the item name") }
        let when = map.optional("when").flatMap { RuleDecoder.condition($0, context: context, names: names) }
        let life = map.optional("life").flatMap { figures.figure($0, "the item's life", expected: [.base(.time)])?.value }
        guard let costNode = map.required("cost"), let cost = scaled.amount(costNode, "investment cost", per: []) else { return nil }
        guard let id, let name else { return nil }
        return CostItem(id: id, name: name, fixed: cost.fixed, perScale: cost.perScale, when: when, provenance: cost.provenance,
                        lifeYears: life.map { max(1, Int($0.rounded())) })
    }

    private func operatingCost(_ node: ConfigNode, _ scaled: ScaledFigures) -> OperatingCost? {
        guard let map = context.mapping(node, "an operating cost") else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0, "a cost id") }
        let name = map.required("name").flatMap { context.text($0, "the cost name") }
        let when = map.optional("when").flatMap { RuleDecoder.condition($0, context: context, names: names) }
        let from = map.optional("from_year").flatMap { context.integer($0, "from_year") } ?? 1
        let to = map.optional("to_year").flatMap { context.integer($0, "to_year") }
        let every = map.optional("every_years").flatMap { context.integer($0, "every_years") }
        let output = map.optional("output").flatMap { context.identifier($0, "an output id") }
        var fixed = 0.0, perScale = 0.0, share = 0.0
        let provenance: Provenance
        switch (map.optional("cost"), map.optional("share_of_revenue")) {
        case let (costNode?, nil):
            guard let cost = scaled.amount(costNode, "operating cost", per: [.base(.time)]) else { return nil }
            (fixed, perScale, provenance) = (cost.fixed, cost.perScale, cost.provenance)
        case let (nil, shareNode?):
            guard let f = figures.figure(shareNode, "a share of revenue", expected: [.none]) else { return nil }
            (share, provenance) = (f.value, f.figure.provenance)
        default:
            context.error("field.choice", "an operating cost needs exactly one of 'cost' and 'share_of_revenue'", at: node.location)
            return nil
        }
        guard from >= 1, (every ?? 1) >= 1, (to ?? from) >= from else {
            context.error("figure.range", "years count from 1, to_year ≥ from_year and every_years ≥ 1", at: node.location)
            return nil
        }
        guard let id, let name else { return nil }
        return OperatingCost(id: id, name: name, fixedPerYear: fixed, perScalePerYear: perScale, shareOfRevenue: share, output: output,
                             fromYear: from, toYear: to, everyYears: every, when: when, provenance: provenance)
    }

    private func output(_ node: ConfigNode, _ scaled: ScaledFigures) -> Output? {
        guard let map = context.mapping(node, "an output") else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0, "an output id") }
        let name = map.required("name").flatMap { context.text($0, "the output name") }
        guard let productNode = map.required("product"), let product = context.string(productNode, "product") else { return nil }
        let productDimension: Dimension
        switch product {
        case "nut": productDimension = .base(.nut)
        case "kg": productDimension = .base(.mass)
        case "month": productDimension = .base(.time)
        default:
            context.error("type.enum", "product must be 'nut', 'kg' or 'month' (months of work away from the farm), found '\(product)'", at: productNode.location)
            return nil
        }
        let yield = map.required("yield").flatMap { scaled.rate($0, "the mature yield", of: productDimension) }
        let curve = map.required("curve").flatMap { figures.fractions($0, "the yield ramp-up") }
        let price = map.required("price").flatMap { figures.priceBand($0, "price", product: productDimension) }
        let premiums = list(map.optional("premiums"), "premiums") { premium($0) }
        let market = map.optional("market").flatMap { context.identifier($0, "a market id") }
        guard let id, let name, let yield, let curve, let price else { return nil }
        return Output(id: id, name: name, yieldPerScale: yield, productUnit: product, curve: curve.values, price: price, premiums: premiums,
                      market: market)
    }

    private func premium(_ node: ConfigNode) -> Premium? {
        guard let map = context.mapping(node, "a premium") else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0, "a premium id") }
        let name = map.required("name").flatMap { context.text($0, "the premium name") }
        let from = map.optional("from_year").flatMap { context.integer($0, "from_year") } ?? 1
        let to = map.optional("to_year").flatMap { context.integer($0, "to_year") }
        let value = map.required("value").flatMap { figures.figure($0, "the premium", expected: [.none]) }
        guard let id, let name, let value else { return nil }
        return Premium(id: id, name: name, fraction: value.value, fromYear: from, toYear: to, provenance: value.figure.provenance)
    }

    private func labourNeed(_ node: ConfigNode, _ scaled: ScaledFigures) -> LabourNeed? {
        let items: [ConfigNode] = if case let .sequence(list) = node.kind { list } else { [node] }
        var need = LabourNeed(fixedDays: 0, perScaleDays: 0, provenance: Provenance(sources: [], estimate: nil, note: nil, validUntil: nil, location: node.location))
        var first: Provenance?
        var provenances: [Provenance] = []
        for item in items {
            guard let amount = scaled.amount(item, "labour", per: [.base(.time)], numerator: .base(.labour)) else { return nil }
            need.fixedDays += amount.fixed
            need.perScaleDays += amount.perScale
            first = first ?? amount.provenance
            provenances.append(amount.provenance)
        }
        guard let first else { return nil }
        need.provenance = first.writing(provenances.compactMap(\.written).joined(separator: " + "))
        return need
    }

    private func example(_ node: ConfigNode) -> WorkedExample? {
        guard let map = context.mapping(node, "an example") else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0, "an example id") }
        let description = map.optional("description").flatMap { context.string($0, "description") }
        let household = map.required("household").flatMap { HouseholdFileDecoder(context: context).input($0, id: nil) }
        var verdict: Verdict?
        var fired: [String] = []
        var ranges: [ExpectedRange] = []
        if let expectNode = map.required("expect"), let expect = context.mapping(expectNode, "expect") {
            for (key, value) in expect.entries {
                switch key.scalar {
                case "verdict":
                    verdict = context.string(value, "verdict").flatMap { text in
                        guard let v = Verdict(rawValue: text) else {
                            context.error("type.enum", "verdict must be \(Verdict.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'", at: value.location)
                            return nil
                        }
                        return v
                    }
                case "rules":
                    fired = context.sequence(value, "rules")?.compactMap { context.identifier($0, "a rule id") } ?? []
                case let field? where ExpectedRange.fields.contains(field):
                    if let r = range(value, field) { ranges.append(r) }
                default:
                    var message = "unknown expectation '\(key.scalar ?? "")'"
                    if let s = Spelling.closest(to: key.scalar ?? "", among: ExpectedRange.fields + ["verdict", "rules"]) { message += "; did you mean '\(s)'?" }
                    context.error("field.unknown", message, at: key.location)
                }
            }
        }
        guard let id, let household else { return nil }
        return WorkedExample(id: id, description: description, household: household, verdict: verdict, rulesFired: fired,
                             ranges: ranges, location: node.location)
    }

    /// `[min, max]`, or a single number for an exact value.
    private func range(_ node: ConfigNode, _ field: String) -> ExpectedRange? {
        if case let .sequence(items) = node.kind {
            guard items.count == 2, let lo = context.number(items[0], field), let hi = context.number(items[1], field), lo <= hi else {
                context.error("type.mismatch", "\(field) expects [minimum, maximum] or one number", at: node.location)
                return nil
            }
            return ExpectedRange(field: field, minimum: lo, maximum: hi, location: node.location)
        }
        guard let v = context.number(node, field) else { return nil }
        return ExpectedRange(field: field, minimum: v, maximum: v, location: node.location)
    }
}

/// Figures of a model in per-scale terms: a figure per area becomes per m² (area models) or per unit
/// (unit models, through the unit's area); a figure per unit in an area model is refused.
struct ScaledFigures {
    let figures: FigureDecoder
    let scale: ScaleSpec

    /// A fixed amount or an amount per scale, of `numerator` (money by default) per `per` (e.g. per year).
    func amount(_ node: ConfigNode, _ what: String, per: [Dimension], numerator: Dimension = .base(.money)) -> (fixed: Double, perScale: Double, provenance: Provenance)? {
        let base = per.reduce(numerator) { $0 / $1 }
        let expected = [base, base / .base(.area), base / .base(.unit)]
        guard let f = figures.figure(node, what, expected: expected) else { return nil }
        guard let perScale = perScale(f, node, what, base: base) else { return nil }
        return f.dimension == base ? (f.value, 0, f.figure.provenance) : (0, perScale, f.figure.provenance)
    }

    /// A rate per scale per year (a yield).
    func rate(_ node: ConfigNode, _ what: String, of product: Dimension) -> Figure? {
        let base = product / .base(.time)
        guard var f = figures.figure(node, what, expected: [base / .base(.area), base / .base(.unit)]) else { return nil }
        guard let value = perScale(f, node, what, base: base) else { return nil }
        f.figure.value = value
        return f.figure
    }

    private func perScale(_ f: (value: Double, dimension: Dimension, figure: Figure), _ node: ConfigNode, _ what: String, base: Dimension) -> Double? {
        let perArea = base / .base(.area), perUnitDimension = base / .base(.unit)
        switch scale.kind {
        case _ where f.dimension == base: return f.value
        case .area where f.dimension == perArea: return f.value
        case let .units(_, perUnit) where f.dimension == perArea: return f.value * perUnit
        case .units where f.dimension == perUnitDimension: return f.value
        default:
            figures.context.error("unit.mismatch", "\(what) is per unit, but this model scales by area; write it per m2, ha or công", at: f.figure.provenance.location)
            return nil
        }
    }
}
