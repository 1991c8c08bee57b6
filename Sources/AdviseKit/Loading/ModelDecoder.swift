/// Decodes one model file (`kind: model`): scale, investment, costs, outputs, labour, rules and examples.
struct ModelDecoder {
    let context: DecodeContext
    let figures: FigureDecoder
    let names: NameTable

    func decode(_ map: MappingReader) -> FarmModel? {
        let id = map.required("id").flatMap { context.identifier($0) }
        let name = map.required("name").flatMap { context.text($0) }
        let summary = map.required("summary").flatMap { context.text($0) }
        guard let scale = map.required("scale").flatMap(self.scale) else {
            for key in ["investment", "operating_costs", "outputs", "labour", "life", "rules", "examples"] { _ = map.optional(key) }
            return nil
        }
        let scaled = ScaledFigures(figures: figures, scale: scale)
        let investment = list(map.required("investment")) { costItem($0, scaled) }
        let operating = list(map.optional("operating_costs")) { operatingCost($0, scaled) }
        let outputsNode = map.required("outputs")
        let outputs = list(outputsNode) { output($0, scaled) }
        let labour = map.required("labour").flatMap { labourNeed($0, scaled) }
        let role = map.optional("role").flatMap { context.choice($0, as: Role.self) } ?? .conversion
        let life = map.optional("life").flatMap { figures.figure($0, expected: [.base(.time)])?.figure }
        let rules = list(map.optional("rules")) { RuleDecoder(context: context, names: names, scaled: scaled).decode($0) }
        let examples = list(map.optional("examples")) { example($0) }

        checkUnique(rules.map { ($0.id, $0.location) })
        checkUnique(investment.map { ($0.id, $0.provenance.location) })
        checkUnique(outputs.map { ($0.id, $0.yieldPerScale.provenance.location) })
        for cost in operating where cost.output.map({ o in !outputs.contains { $0.id == o } }) ?? false {
            context.error("ref.output", .modelUnknownOutput, cost.id, cost.output ?? "", at: cost.provenance.location)
        }
        if let outputsNode, case let .sequence(items) = outputsNode.kind, items.isEmpty {
            context.error("field.missing", .modelNoOutput, at: outputsNode.location)
        }
        guard let id, let name, let summary, let labour else { return nil }
        return FarmModel(id: id, name: name, summary: summary, scale: scale, investment: investment, operatingCosts: operating,
                         outputs: outputs, labour: labour, lifeYears: life, role: role, rules: rules, examples: examples, location: map.node.location)
    }

    private func list<T>(_ node: ConfigNode?, _ item: (ConfigNode) -> T?) -> [T] {
        guard let node, let items = context.sequence(node) else { return [] }
        return items.compactMap(item)
    }

    /// Reports an id used twice in one of the model's lists.
    private func checkUnique(_ ids: [(String, SourceLocation)]) {
        var seen: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let first = seen[id] {
                context.error("id.duplicate", .idUsedTwice, id, String(first.line), at: location)
            } else {
                seen[id] = location
            }
        }
    }

    private func scale(_ node: ConfigNode) -> ScaleSpec? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        guard let byNode = map.required("by"), let by = context.string(byNode) else { return nil }
        let kind: ScaleSpec.Kind
        let dimension: Dimension
        switch by {
        case "area":
            kind = .area
            dimension = .base(.area)
        case "unit":
            let unitName = map.required("unit_name").flatMap { context.text($0) }
            let area = map.required("unit_area").flatMap { figures.figure($0, expected: [.base(.area) / .base(.unit)]) }
            guard let unitName, let area else {
                for key in ["minimum", "maximum", "step"] { _ = map.optional(key) }
                return nil
            }
            kind = .units(name: unitName, areaM2PerUnit: area.value)
            dimension = .base(.unit)
        default:
            context.oneOf(byNode, ["area", "unit"], found: by)
            return nil
        }
        let bounds = ["minimum", "maximum", "step"].map { key in
            map.required(key).flatMap { figures.figure($0, expected: [dimension])?.value }
        }
        let starter = map.optional("starter").flatMap { figures.figure($0, expected: [dimension]) }
        let growth = map.optional("growth").flatMap { context.text($0) }
        let workers = map.optional("workers").flatMap { figures.figure($0, expected: [.base(.person) / dimension]) }
        guard let minimum = bounds[0], let maximum = bounds[1], let step = bounds[2] else { return nil }
        guard minimum > 0, step > 0, maximum >= minimum else {
            context.error("figure.range", .scaleBounds, at: node.location)
            return nil
        }
        if let starter, !(minimum...maximum).contains(starter.value) {
            context.error("figure.range", .scaleStarter, at: starter.figure.provenance.location)
        }
        return ScaleSpec(kind: kind, minimum: minimum, maximum: maximum, step: step, starter: starter?.value, growth: growth,
                         workersPerUnit: workers?.value)
    }

    func costItem(_ node: ConfigNode, _ scaled: ScaledFigures) -> CostItem? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let name = map.required("name").flatMap { context.text($0) }
        let when = map.optional("when").flatMap { RuleDecoder.condition($0, context: context, names: names) }
        let life = map.optional("life").flatMap { figures.figure($0, expected: [.base(.time)])?.value }
        guard let costNode = map.required("cost"), let cost = scaled.amount(costNode, per: []) else { return nil }
        guard let id, let name else { return nil }
        return CostItem(id: id, name: name, fixed: cost.fixed, perScale: cost.perScale, when: when, provenance: cost.provenance,
                        lifeYears: life.map { max(1, Int($0.rounded())) })
    }

    private func operatingCost(_ node: ConfigNode, _ scaled: ScaledFigures) -> OperatingCost? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let name = map.required("name").flatMap { context.text($0) }
        let when = map.optional("when").flatMap { RuleDecoder.condition($0, context: context, names: names) }
        let from = map.optional("from_year").flatMap { context.integer($0) } ?? 1
        let to = map.optional("to_year").flatMap { context.integer($0) }
        let every = map.optional("every_years").flatMap { context.integer($0) }
        let output = map.optional("output").flatMap { context.identifier($0) }
        var fixed = 0.0, perScale = 0.0, share = 0.0
        let provenance: Provenance
        switch (map.optional("cost"), map.optional("share_of_revenue")) {
        case let (costNode?, nil):
            guard let cost = scaled.amount(costNode, per: [.base(.time)]) else { return nil }
            (fixed, perScale, provenance) = (cost.fixed, cost.perScale, cost.provenance)
        case let (nil, shareNode?):
            guard let f = figures.figure(shareNode, expected: [.none]) else { return nil }
            (share, provenance) = (f.value, f.figure.provenance)
        default:
            context.error("field.choice", .costOneOf, at: node.location)
            return nil
        }
        guard from >= 1, (every ?? 1) >= 1, (to ?? from) >= from else {
            context.error("figure.range", .costYears, at: node.location)
            return nil
        }
        guard let id, let name else { return nil }
        return OperatingCost(id: id, name: name, fixedPerYear: fixed, perScalePerYear: perScale, shareOfRevenue: share, output: output,
                             fromYear: from, toYear: to, everyYears: every, when: when, provenance: provenance)
    }

    private func output(_ node: ConfigNode, _ scaled: ScaledFigures) -> Output? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let name = map.required("name").flatMap { context.text($0) }
        guard let productNode = map.required("product"), let product = context.string(productNode) else { return nil }
        let productDimension: Dimension
        switch product {
        case "nut": productDimension = .base(.nut)
        case "kg": productDimension = .base(.mass)
        case "month": productDimension = .base(.time)
        default:
            context.oneOf(productNode, ["nut", "kg", "month"], found: product)
            return nil
        }
        let yield = map.required("yield").flatMap { scaled.rate($0, of: productDimension) }
        let curve = map.required("curve").flatMap { figures.fractions($0) }
        let price = map.required("price").flatMap { figures.priceBand($0, product: productDimension) }
        let premiums = list(map.optional("premiums")) { premium($0) }
        let market = map.optional("market").flatMap { context.identifier($0) }
        guard let id, let name, let yield, let curve, let price else { return nil }
        return Output(id: id, name: name, yieldPerScale: yield, productUnit: product, curve: curve.values, price: price, premiums: premiums,
                      market: market)
    }

    private func premium(_ node: ConfigNode) -> Premium? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let name = map.required("name").flatMap { context.text($0) }
        let from = map.optional("from_year").flatMap { context.integer($0) } ?? 1
        let to = map.optional("to_year").flatMap { context.integer($0) }
        let value = map.required("value").flatMap { figures.figure($0, expected: [.none]) }
        guard let id, let name, let value else { return nil }
        return Premium(id: id, name: name, fraction: value.value, fromYear: from, toYear: to, provenance: value.figure.provenance)
    }

    private func labourNeed(_ node: ConfigNode, _ scaled: ScaledFigures) -> LabourNeed? {
        let items: [ConfigNode] = if case let .sequence(list) = node.kind { list } else { [node] }
        var need = LabourNeed(fixedDays: 0, perScaleDays: 0, provenance: Provenance(sources: [], estimate: nil, note: nil, validUntil: nil, location: node.location))
        var first: Provenance?
        var provenances: [Provenance] = []
        for item in items {
            guard let amount = scaled.amount(item, per: [.base(.time)], numerator: .base(.labour)) else { return nil }
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
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let description = map.optional("description").flatMap { context.string($0) }
        let household = map.required("household").flatMap { HouseholdFileDecoder(context: context).input($0, id: nil) }
        var verdict: Verdict?
        var fired: [String] = []
        var ranges: [ExpectedRange] = []
        if let expectNode = map.required("expect"), let expect = context.mapping(expectNode) {
            for (key, value) in expect.entries {
                switch key.scalar {
                case "verdict":
                    verdict = context.choice(value, as: Verdict.self)
                case "rules":
                    fired = context.sequence(value)?.compactMap { context.identifier($0) } ?? []
                case let field? where ExpectedRange.fields.contains(field):
                    if let r = range(value, field) { ranges.append(r) }
                default:
                    let text = key.scalar ?? ""
                    context.error("field.unknown", .exampleUnknownExpectation, text,
                                  suggesting: Spelling.closest(to: text, among: ExpectedRange.fields + ["verdict", "rules"]), at: key.location)
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
            guard items.count == 2, let lo = context.number(items[0]), let hi = context.number(items[1]), lo <= hi else {
                context.error("type.mismatch", .exampleRange, node.path, at: node.location)
                return nil
            }
            return ExpectedRange(field: field, minimum: lo, maximum: hi, location: node.location)
        }
        guard let v = context.number(node) else { return nil }
        return ExpectedRange(field: field, minimum: v, maximum: v, location: node.location)
    }
}

/// Figures of a model in per-scale terms: a figure per area becomes per m² (area models) or per unit
/// (unit models, through the unit's area); a figure per unit in an area model is refused.
struct ScaledFigures {
    let figures: FigureDecoder
    let scale: ScaleSpec

    /// A fixed amount or an amount per scale, of `numerator` (money by default) per `per` (e.g. per year).
    func amount(_ node: ConfigNode, per: [Dimension], numerator: Dimension = .base(.money)) -> (fixed: Double, perScale: Double, provenance: Provenance)? {
        let base = per.reduce(numerator) { $0 / $1 }
        let expected = [base, base / .base(.area), base / .base(.unit)]
        guard let f = figures.figure(node, expected: expected) else { return nil }
        guard let perScale = perScale(f, node, base: base) else { return nil }
        return f.dimension == base ? (f.value, 0, f.figure.provenance) : (0, perScale, f.figure.provenance)
    }

    /// A rate per scale per year (a yield).
    func rate(_ node: ConfigNode, of product: Dimension) -> Figure? {
        let base = product / .base(.time)
        guard var f = figures.figure(node, expected: [base / .base(.area), base / .base(.unit)]) else { return nil }
        guard let value = perScale(f, node, base: base) else { return nil }
        f.figure.value = value
        return f.figure
    }

    private func perScale(_ f: (value: Double, dimension: Dimension, figure: Figure), _ node: ConfigNode, base: Dimension) -> Double? {
        let perArea = base / .base(.area), perUnitDimension = base / .base(.unit)
        switch scale.kind {
        case _ where f.dimension == base: return f.value
        case .area where f.dimension == perArea: return f.value
        case let .units(_, perUnit) where f.dimension == perArea: return f.value * perUnit
        case .units where f.dimension == perUnitDimension: return f.value
        default:
            figures.context.error("unit.mismatch", .unitPerUnitInArea, node.path, at: f.figure.provenance.location)
            return nil
        }
    }
}
