/// Reads figures (`{value, unit, source | estimate, note, valid_until}`) and checks their units.
struct FigureDecoder {
    let context: DecodeContext
    let congM2: Double

    /// A figure whose unit must have one of the `expected` dimensions.
    /// - Returns: the value in base units, the dimension it matched, and its provenance.
    func figure(_ node: ConfigNode, _ what: String, expected: [Dimension], valueKey: String = "value") -> (value: Double, dimension: Dimension, figure: Figure)? {
        guard let map = context.mapping(node, what) else { return nil }
        defer { map.finish() }
        let provenance = self.provenance(map, what)
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode, "the unit of \(what)") else {
            _ = map.optional(valueKey)
            return nil
        }
        guard let valueNode = map.required(valueKey), let raw = context.number(valueNode, what) else { return nil }
        guard let unit = resolve(unitText, at: unitNode.textLocation, what, expected: expected), let provenance else { return nil }
        let value = raw * unit.factor
        return (value, unit.dimension, Figure(value: value, unit: unitText, provenance: provenance.writing("\(Self.plain(raw)) \(unitText)")))
    }

    /// A price band `{low, base, high, unit, source}` in VND per `product`.
    func priceBand(_ node: ConfigNode, _ what: String, product: Dimension) -> PriceBand? {
        guard let map = context.mapping(node, what) else { return nil }
        defer { map.finish() }
        let provenance = self.provenance(map, what)
        let expected = Dimension.base(.money) / product
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode, "the unit of \(what)"),
              let unit = resolve(unitText, at: unitNode.textLocation, what, expected: [expected]) else {
            _ = (map.optional("low"), map.optional("base"), map.optional("high"))
            return nil
        }
        let values = ["low", "base", "high"].map { key in map.required(key).flatMap { context.number($0, "the \(key) \(what)") } }
        guard let low = values[0], let base = values[1], let high = values[2], let provenance else { return nil }
        guard low >= 0, low <= base, base <= high else {
            context.error("figure.band", "\(what) must satisfy 0 ≤ low ≤ base ≤ high (found \(low), \(base), \(high))", at: node.location)
            return nil
        }
        return PriceBand(low: low * unit.factor, base: base * unit.factor, high: high * unit.factor, unit: unitText,
                         provenance: provenance.writing("\(Self.plain(low)) / \(Self.plain(base)) / \(Self.plain(high)) \(unitText)"))
    }

    /// A list of fractions `{values: [...], unit: fraction, source}` such as a yield ramp-up.
    func fractions(_ node: ConfigNode, _ what: String) -> (values: [Double], provenance: Provenance)? {
        values(node, what, expected: .none, range: 0...1, rangeText: "a fraction from 0 to 1 (0 % to 100 %)")
    }

    /// A list of numbers in one unit, `{values: [...], unit: …, source}`, converted to base units.
    func values(_ node: ConfigNode, _ what: String, expected: Dimension, range: ClosedRange<Double> = 0...1e15,
                rangeText: String = "at least 0") -> (values: [Double], provenance: Provenance)? {
        guard let map = context.mapping(node, what) else { return nil }
        defer { map.finish() }
        let provenance = self.provenance(map, what)
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode, "the unit of \(what)"),
              let unit = resolve(unitText, at: unitNode.textLocation, what, expected: [expected]) else {
            _ = map.optional("values")
            return nil
        }
        guard let listNode = map.required("values"), let items = context.sequence(listNode, what) else { return nil }
        var values: [Double] = []
        for item in items {
            guard let v = context.number(item, "a value of \(what)") else { return nil }
            guard range.contains(v * unit.factor) else {
                context.error("figure.range", "a value of \(what) must be \(rangeText), found \(v)", at: item.location)
                return nil
            }
            values.append(v * unit.factor)
        }
        guard !values.isEmpty else {
            context.error("field.missing", "\(what) needs at least one value", at: listNode.location)
            return nil
        }
        guard let provenance else { return nil }
        let written = items.compactMap(\.scalar).joined(separator: ", ")
        return (values, provenance.writing("[\(written)] \(unitText)"))
    }

    /// Reads `source`, `estimate`, `note` and `valid_until`; a figure needs a source or an estimate.
    func provenance(_ map: MappingReader, _ what: String) -> Provenance? {
        let sources = map.optional("source").map(context.sources) ?? []
        let estimate = map.optional("estimate").flatMap { context.string($0, "the estimate note of \(what)") }
        let note = map.optional("note").flatMap { context.string($0, "the note of \(what)") }
        let validUntil = map.optional("valid_until").flatMap { context.date($0, "valid_until") }
        guard !sources.isEmpty || estimate != nil else {
            context.error("figure.provenance", "\(what) needs a 'source' (an id from the sources list) or an 'estimate' with its reasoning", at: map.node.location)
            return nil
        }
        return Provenance(sources: sources, estimate: estimate, note: note, validUntil: validUntil, location: map.node.location)
    }

    private func resolve(_ text: String, at location: SourceLocation, _ what: String, expected: [Dimension]) -> UnitOfMeasure? {
        guard let unit = UnitOfMeasure.parse(text, congM2: congM2) else {
            context.error("unit.unknown", "unknown unit '\(text)' for \(what); units are built from \(UnitOfMeasure.spelledAtoms) joined by '/'", at: location)
            return nil
        }
        guard expected.contains(unit.dimension) else {
            let wanted = expected.map(\.description).joined(separator: " or ")
            context.error("unit.mismatch", "\(what) is in '\(text)' (\(unit.dimension)), which does not fit; expected \(wanted)", at: location)
            return nil
        }
        return unit
    }

    /// A number as an author writes it: `7.5`, `18000`.
    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
