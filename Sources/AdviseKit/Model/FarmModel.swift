/// One livelihood model of the rule set (organic coconut, goat raising, …), entirely from its YAML file.
public struct FarmModel: Sendable {
    /// Stable id, such as `organic-coconut`.
    public var id: String
    /// Display name.
    public var name: LocalizedText
    /// One or two sentences on what the model is.
    public var summary: LocalizedText
    /// How the model scales, and its limits.
    public var scale: ScaleSpec
    /// Establishment investment, itemised.
    public var investment: [CostItem]
    /// Yearly operating costs, itemised.
    public var operatingCosts: [OperatingCost]
    /// What the model sells.
    public var outputs: [Output]
    /// Family labour the model needs.
    public var labour: LabourNeed
    /// Productive life: the investment is made again when it ends inside the horizon, and the life left at
    /// the horizon is valued (``UnitEconomics``).
    public var lifeYears: Figure?
    /// A conversion the engine may recommend, or the economics of a current land use (`role: baseline`)
    /// that conversions are measured against.
    public var role: Role = .conversion
    /// Suitability rules, evaluated in order.
    public var rules: [SuitabilityRule]
    /// Worked household examples the test suite runs.
    public var examples: [WorkedExample]
    /// Where the model is declared.
    public var location: SourceLocation
}

/// What a model file describes.
public enum Role: String, Sendable, CaseIterable {
    /// A livelihood model a household can convert to.
    case conversion
    /// What a current land use earns if the household keeps it (`current_use` levels name it).
    case baseline
    /// A way out of poverty through work away from the farm (work abroad, a trade): it takes workers, not
    /// land, and may stand beside farm models in a plan; alone it is financed by the programmes for it.
    case pathway
}

/// How a model scales: by area in m², or by whole units (a goat unit, a greenhouse module) that each
/// take a stated area of land.
public struct ScaleSpec: Sendable {
    /// By area or by unit.
    public enum Kind: Sendable {
        case area
        case units(name: LocalizedText, areaM2PerUnit: Double)
    }

    public var kind: Kind
    /// Smallest scale (m² or units).
    public var minimum: Double
    /// Largest scale (m² or units).
    public var maximum: Double
    /// Scales are chosen in multiples of this step above the minimum.
    public var step: Double
    /// The scale a household new to the model starts at (the most it is planned at until it has practised
    /// the model: `--experience`), for models that take skill; nil: any household may start at the maximum.
    public var starter: Double? = nil
    /// How a starter grows to a larger scale, in words (shown when the starter limits the scale).
    public var growth: LocalizedText? = nil
    /// Working members one scale unit takes away from the household (work away from the farm); nil for
    /// farm models, whose labour is counted in person-days.
    public var workersPerUnit: Double? = nil

    /// Land the scale takes, in m².
    public func areaM2(_ scale: Double) -> Double {
        switch kind {
        case .area: scale
        case let .units(_, perUnit): scale * perUnit
        }
    }

    /// True for unit-scaled models.
    public var isUnits: Bool {
        if case .units = kind { return true }
        return false
    }
}

/// An investment item: a fixed part plus a part per scale unit (per m² or per unit), in VND.
public struct CostItem: Sendable {
    public var id: String
    public var name: LocalizedText
    /// VND regardless of scale.
    public var fixed: Double
    /// VND per m² (area models) or per unit (unit models).
    public var perScale: Double
    /// Included only when this holds for the household (e.g. new planting on bare land).
    public var when: Condition?
    public var provenance: Provenance
    /// Years before it is bought again, when not the model's life (a net replaced every 3 years; does
    /// replaced from the herd's own doelings, never bought again).
    public var lifeYears: Int? = nil

    /// The item's cost at a scale.
    public func cost(at scale: Double) -> Double { fixed + perScale * scale }
}

/// A yearly operating cost: fixed, per scale unit, or a share of the revenue, in chosen years.
public struct OperatingCost: Sendable {
    public var id: String
    public var name: LocalizedText
    /// VND per year regardless of scale.
    public var fixedPerYear: Double
    /// VND per year per m² or per unit.
    public var perScalePerYear: Double
    /// Fraction of revenue (of one output, or of all).
    public var shareOfRevenue: Double
    /// The output whose revenue the share applies to; nil for all outputs.
    public var output: String?
    /// First year it is paid (1-based).
    public var fromYear: Int
    /// Last year it is paid, if it stops.
    public var toYear: Int?
    /// Paid only every N years (counted from `fromYear`), for replacements such as greenhouse film.
    public var everyYears: Int?
    /// Included only when this holds for the household.
    public var when: Condition?
    public var provenance: Provenance

    /// True when the cost falls in year `year` (1-based).
    public func applies(inYear year: Int) -> Bool {
        guard year >= fromYear, toYear.map({ year <= $0 }) ?? true else { return false }
        guard let every = everyYears else { return true }
        return (year - fromYear) % every == 0
    }
}

/// A product the model sells: yield at maturity per scale unit, the ramp-up by year, and its price band.
public struct Output: Sendable {
    public var id: String
    public var name: LocalizedText
    /// Product per year per m² or per unit, at full yield (nuts or kg).
    public var yieldPerScale: Figure
    /// The product unit for display (`nut`, `kg`).
    public var productUnit: String
    /// Fraction of the mature yield in year 1, 2, …; the last value holds for later years.
    public var curve: [Double]
    /// VND per product unit.
    public var price: PriceBand
    /// Price premiums (organic, VietGAP) in the years they apply.
    public var premiums: [Premium]
    /// The market (``Market``) whose price swings this product follows; nil for a steady price.
    public var market: String? = nil

    /// The yield fraction in year `year` (1-based) of a curve.
    public static func fraction(_ curve: [Double], year: Int) -> Double {
        guard let last = curve.last else { return 0 }
        return year - 1 < curve.count ? curve[year - 1] : last
    }
}

/// A price premium over the market price.
public struct Premium: Sendable {
    public var id: String
    public var name: LocalizedText
    /// Fraction added to the price (0.15 for +15 %).
    public var fraction: Double
    public var fromYear: Int
    public var toYear: Int?
    public var provenance: Provenance

    /// True when it applies in year `year`.
    public func applies(inYear year: Int) -> Bool { year >= fromYear && (toYear.map { year <= $0 } ?? true) }
}

/// Family labour a model takes, in person-days per year.
public struct LabourNeed: Sendable {
    public var fixedDays: Double
    public var perScaleDays: Double
    public var provenance: Provenance

    /// Person-days per year at a scale.
    public func days(at scale: Double) -> Double { fixedDays + perScaleDays * scale }
}
