/// Where a figure comes from: one or more source ids, or an estimate with its reasoning.
public struct Provenance: Sendable, Hashable {
    /// Ids in the rule set's sources list.
    public var sources: [String]
    /// The reasoning behind an estimate, when no source states the figure.
    public var estimate: String?
    /// A free note, such as the arithmetic behind a derived figure.
    public var note: String?
    /// The date after which the figure should be re-checked (`YYYY-MM-DD`).
    public var validUntil: String?
    /// Where the figure is written.
    public var location: SourceLocation
    /// The figure's path in its file (`outputs.meat-goats.price`), as diagnostics name it.
    public var path = ""
    /// The figure as the author wrote it (`7.5 MVND/ha`, `24000–60000–108000 VND/chục`), for the reference docs.
    public var written: String?

    /// Creates a provenance record.
    public init(sources: [String], estimate: String?, note: String?, validUntil: String?, location: SourceLocation) {
        self.sources = sources
        self.estimate = estimate
        self.note = note
        self.validUntil = validUntil
        self.location = location
    }

    /// The same provenance, remembering how the figure was written.
    func writing(_ text: String) -> Provenance {
        var copy = self
        copy.written = text
        return copy
    }
}

/// A number from a rule file, converted to base units, with its provenance.
public struct Figure: Sendable, Hashable {
    /// The value in base units (VND, m², year, kg, nut, person-day, person, scale unit).
    public var value: Double
    /// The unit as written, e.g. `MVND/ha`.
    public var unit: String
    /// Its source or estimate.
    public var provenance: Provenance
    /// Its sourced range in base units (`low` and `high` written beside `value`), when it has one: where a
    /// tipping point (``TippingPoint``) looks for the value that turns a gain to zero.
    public var range: ClosedRange<Double>?
    /// Base units per one of `unit`: the figure as written is the stored one divided by it.
    public var unitFactor: Double

    /// Creates a figure.
    public init(value: Double, unit: String, provenance: Provenance, range: ClosedRange<Double>? = nil, unitFactor: Double = 1) {
        self.value = value
        self.unit = unit
        self.provenance = provenance
        self.range = range
        self.unitFactor = unitFactor
    }
}

/// A price with a low / base / high band, in VND per product unit.
public struct PriceBand: Sendable, Hashable {
    public var low: Double
    public var base: Double
    public var high: Double
    public var unit: String
    public var provenance: Provenance
    /// VND per product unit in one of `unit` (12 for `VND/chục` over nuts): a price as written is the stored
    /// price divided by it.
    public var unitFactor: Double = 1

    /// The price in one scenario.
    public func price(_ scenario: PriceScenario) -> Double {
        switch scenario {
        case .low: low
        case .base: base
        case .high: high
        }
    }
}

/// The price scenarios every cash flow is computed at.
public enum PriceScenario: String, Sendable, CaseIterable {
    case low, base, high
}
