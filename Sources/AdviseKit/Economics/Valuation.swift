import Foundation

/// How the rule set values money and time: the appraisal horizon, the discount rate, and what a day of
/// labour is worth — hired at the regional wage, or given by the family at a share of it.
public struct Valuation: Sendable, Equatable {
    /// Years of cash flow after the investment year that the household plans over.
    public var horizon: Int
    /// Yearly discount rate, a fraction.
    public var discountRate: Double
    /// VND per hired person-day.
    public var wage: Double
    /// The share of the wage a family person-day is valued at (0 = family labour is free).
    public var familyLabourShare: Double
    /// The expected prices by year, from the markets' observed prices (flat: every price at its long-run level).
    public var outlook: PriceOutlook

    public init(horizon: Int, discountRate: Double, wage: Double = 0, familyLabourShare: Double = 0, outlook: PriceOutlook = PriceOutlook()) {
        self.horizon = horizon
        self.discountRate = discountRate
        self.wage = wage
        self.familyLabourShare = familyLabourShare
        self.outlook = outlook
    }

    /// VND a family person-day is valued at.
    public var familyDayValue: Double { wage * familyLabourShare }

    /// The yearly cost of `days` person-days of labour for a family that gives `familyDays`: the days it
    /// lacks are hired at the wage (cash), the days it gives are valued at the family rate (not cash).
    /// Convex and piecewise linear in `days`, with its kink at `familyDays`.
    public func labour(_ days: Double, familyDays: Double) -> LabourCost {
        let hired = max(0, days - familyDays)
        return LabourCost(days: days, hiredDays: hired, hiredCost: hired * wage, familyValue: (days - hired) * familyDayValue)
    }

    /// Σ of the discount factors of years `from + 1 … to` (indices `from..<to`, year t + 1 discounted by (1 + r)^(t+1)).
    public func discountSum(from: Int, to: Int) -> Double {
        guard to > from else { return 0 }
        let q = 1 / (1 + discountRate)
        guard discountRate != 0 else { return Double(to - from) }
        return pow(q, Double(from + 1)) * (1 - pow(q, Double(to - from))) / (1 - q)
    }

    /// What the days hired after the horizon cost beyond the family rate: a model's residual value (the life it has
    /// left after the horizon, to its `extent`) charges all its days at the family rate, while the days the family
    /// lacks are hired at the wage in every year. Each year after the horizon the days of the models still alive
    /// (`days` a year, until `extent`) are compared with the family's; the hired ones pay the wage less the family rate.
    /// Convex and piecewise linear in each model's days.
    public func residualHiredCharge<Parts: Collection>(_ parts: Parts, familyDays: Double) -> Double where Parts.Element == (extent: Int, days: Double) {
        let premium = wage - familyDayValue
        guard premium > 0 else { return 0 }
        // The stretches after the horizon end at each model's extent, nearest first; found without an array, since
        // the scale search and the planner ask this for every scale they try.
        var from = horizon, total = 0.0
        while let end = parts.lazy.map(\.extent).filter({ $0 > from }).min() {
            // Alive in every year of from..<end: the parts valued at least to `end`.
            var days = 0.0
            for part in parts where part.extent >= end { days += part.days }
            total += max(0, days - familyDays) * discountSum(from: from, to: end)
            from = end
        }
        return premium * total
    }
}

/// The labour a model or plan takes in a year and what it costs.
public struct LabourCost: Sendable, Equatable {
    /// Person-days a year.
    public var days: Double
    /// Of which hired because the family lacks them.
    public var hiredDays: Double
    /// VND a year paid for hired days (cash).
    public var hiredCost: Double
    /// VND a year the family's own days are valued at (not cash; counted in the ranking value).
    public var familyValue: Double
    /// Hired cost and family value together: what the ranking value charges a year.
    public var valued: Double { hiredCost + familyValue }
    /// Family days given.
    public var familyDays: Double { days - hiredDays }
}
