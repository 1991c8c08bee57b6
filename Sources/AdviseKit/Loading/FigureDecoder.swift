/// Reads figures (`{value, unit, source | estimate, note, valid_until}`) and checks their units.
struct FigureDecoder {
    let context: DecodeContext
    let congM2: Double

    /// A figure whose unit must have one of the `expected` dimensions.
    /// - Returns: the value in base units, the dimension it matched, and its provenance.
    func figure(_ node: ConfigNode, expected: [Dimension], valueKey: String = "value") -> (value: Double, dimension: Dimension, figure: Figure)? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        return figure(in: map, expected: expected, valueKey: valueKey)
    }

    /// A figure observed on a date, `{value, unit, date: YYYY-MM-DD, source}` (a market's current price).
    func dated(_ node: ConfigNode, expected: [Dimension]) -> (value: Double, dimension: Dimension, figure: Figure, date: String)? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let date = map.required("date").flatMap { context.date($0) }
        guard let figure = figure(in: map, expected: expected), let date else { return nil }
        return (figure.value, figure.dimension, figure.figure, date)
    }

    /// A figure from the keys of a mapping being read (the caller finishes it). It may give its sourced range,
    /// `low` and `high` beside the value (both or neither, `0 ≤ low ≤ value ≤ high`, in its unit).
    private func figure(in map: MappingReader, expected: [Dimension], valueKey: String = "value") -> (value: Double, dimension: Dimension, figure: Figure)? {
        let provenance = self.provenance(map)
        var bounds = (map.optional("low"), map.optional("high"))
        if (bounds.0 == nil) != (bounds.1 == nil) {
            // Half a range: name the missing half.
            if bounds.0 == nil { bounds.0 = map.required("low") } else { bounds.1 = map.required("high") }
            return nil
        }
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode) else {
            _ = map.optional(valueKey)
            return nil
        }
        guard let valueNode = map.required(valueKey), let raw = context.number(valueNode) else { return nil }
        guard let unit = resolve(unitText, at: unitNode, expected: expected), let provenance else { return nil }
        let value = raw * unit.factor
        var figure = Figure(value: value, unit: unitText, provenance: provenance.writing("\(Self.plain(raw)) \(unitText)"), unitFactor: unit.factor)
        if let lowNode = bounds.0, let highNode = bounds.1 {
            guard let low = context.number(lowNode), let high = context.number(highNode) else { return nil }
            guard low >= 0, low <= raw, raw <= high else {
                context.error("figure.band", .figureBand, map.node.path, Self.plain(low), Self.plain(raw), Self.plain(high), at: map.node.location)
                return nil
            }
            figure.range = low * unit.factor...high * unit.factor
            figure.provenance = provenance.writing("\(Self.plain(low)) / \(Self.plain(raw)) / \(Self.plain(high)) \(unitText)")
        }
        return (value, unit.dimension, figure)
    }

    /// A price band `{low, base, high, unit, source}` in VND per `product`.
    func priceBand(_ node: ConfigNode, product: Dimension) -> PriceBand? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let provenance = self.provenance(map)
        let expected = Dimension.base(.money) / product
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode),
              let unit = resolve(unitText, at: unitNode, expected: [expected]) else {
            _ = (map.optional("low"), map.optional("base"), map.optional("high"))
            return nil
        }
        let values = ["low", "base", "high"].map { key in map.required(key).flatMap { context.number($0) } }
        guard let low = values[0], let base = values[1], let high = values[2], let provenance else { return nil }
        guard low >= 0, low <= base, base <= high else {
            context.error("figure.band", .figureBand, node.path, Self.plain(low), Self.plain(base), Self.plain(high), at: node.location)
            return nil
        }
        return PriceBand(low: low * unit.factor, base: base * unit.factor, high: high * unit.factor, unit: unitText,
                         provenance: provenance.writing("\(Self.plain(low)) / \(Self.plain(base)) / \(Self.plain(high)) \(unitText)"),
                         unitFactor: unit.factor)
    }

    /// A list of fractions `{values: [...], unit: fraction, source}` such as a yield ramp-up.
    func fractions(_ node: ConfigNode) -> (values: [Double], provenance: Provenance)? {
        values(node, expected: .none, range: 0...1, rangeText: .figureFraction)
    }

    /// A list of numbers in one unit, `{values: [...], unit: …, source}`, converted to base units.
    func values(_ node: ConfigNode, expected: Dimension, range: ClosedRange<Double> = 0...1e15,
                rangeText: Catalogue.Key = .figureAtLeastZero) -> (values: [Double], provenance: Provenance)? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let provenance = self.provenance(map)
        guard let unitNode = map.required("unit"), let unitText = context.string(unitNode),
              let unit = resolve(unitText, at: unitNode, expected: [expected]) else {
            _ = map.optional("values")
            return nil
        }
        guard let listNode = map.required("values"), let items = context.sequence(listNode) else { return nil }
        var values: [Double] = []
        for item in items {
            guard let v = context.number(item) else { return nil }
            guard range.contains(v * unit.factor) else {
                let name = item.path, found = Self.plain(v)
                context.error("figure.range", LocalizedText { Catalogue.format(.figureValueRange, $0, name, Catalogue.text(rangeText, $0), found) }, at: item.location)
                return nil
            }
            values.append(v * unit.factor)
        }
        guard !values.isEmpty else {
            context.error("field.missing", .figureNoValues, listNode.path, at: listNode.location)
            return nil
        }
        guard let provenance else { return nil }
        let written = items.compactMap(\.scalar).joined(separator: ", ")
        return (values, provenance.writing("[\(written)] \(unitText)"))
    }

    /// Reads `source`, `estimate`, `note` and `valid_until`; a figure needs a source or an estimate.
    func provenance(_ map: MappingReader) -> Provenance? {
        let sources = map.optional("source").map(context.sources) ?? []
        let estimate = map.optional("estimate").flatMap { context.string($0) }
        let note = map.optional("note").flatMap { context.string($0) }
        let validUntil = map.optional("valid_until").flatMap { context.date($0) }
        // Who confirmed a change past the calibration's cap (read by the override's check, ``OverrideApplier``).
        _ = map.optional("confirmed_by").flatMap { context.string($0) }
        guard !sources.isEmpty || estimate != nil else {
            context.error("figure.provenance", .figureProvenance, map.node.path, at: map.node.location)
            return nil
        }
        var provenance = Provenance(sources: sources, estimate: estimate, note: note, validUntil: validUntil, location: map.node.location)
        provenance.path = map.node.path
        return provenance
    }

    /// The unit written at `node` (a figure's `unit`), when it has one of the `expected` dimensions.
    private func resolve(_ text: String, at node: ConfigNode, expected: [Dimension]) -> UnitOfMeasure? {
        guard let unit = UnitOfMeasure.parse(text, congM2: congM2) else {
            context.error("unit.unknown", .unitUnknown, text, node.path, UnitOfMeasure.spelledAtoms, at: node.textLocation)
            return nil
        }
        guard expected.contains(unit.dimension) else {
            let wanted = expected.map(\.description).joined(separator: " | ")
            context.error("unit.mismatch", .unitMismatch, node.path, text, unit.dimension.description, wanted, at: node.textLocation)
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
