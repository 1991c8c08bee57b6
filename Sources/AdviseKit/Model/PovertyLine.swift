/// A national poverty line in force over a period: income per person per month for urban and rural
/// areas. Which applies to the ward is the settings' ``AreaType``.
public struct PovertyLine: Sendable {
    /// First and last day in force (`YYYY-MM-DD`); nil `to` while no end is set.
    public var from: String
    public var to: String?
    /// VND per person per year (the figure is written per month).
    public var urban: Figure
    public var rural: Figure

    /// The line for an area type, VND per person per year.
    public func figure(_ area: AreaType) -> Figure { area == .urban ? urban : rural }

    /// The calendar years it starts and ends in.
    public var firstYear: Int { Int(from.prefix(4)) ?? Int.min }
    public var lastYear: Int { to.flatMap { Int($0.prefix(4)) } ?? Int.max }

    /// True when the line is in force during some of calendar year `year`.
    public func covers(_ year: Int) -> Bool { firstYear <= year && year <= lastYear }
}

/// Whether the ward counts as urban or rural for the poverty line and for rural credit (Decree 156/2025
/// lends to rural areas — communes, not wards).
public enum AreaType: String, Sendable, CaseIterable {
    case urban, rural
}
