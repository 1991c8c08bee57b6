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

    public init(horizon: Int, discountRate: Double, wage: Double = 0, familyLabourShare: Double = 0) {
        self.horizon = horizon
        self.discountRate = discountRate
        self.wage = wage
        self.familyLabourShare = familyLabourShare
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
