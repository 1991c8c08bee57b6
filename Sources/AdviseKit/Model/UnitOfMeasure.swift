import Foundation

/// A unit written in a rule file, such as `MVND/ha/year` or `VND/chục`, parsed to a factor and a dimension.
///
/// `value × factor` is the value in base units (see ``Dimension``).
public struct UnitOfMeasure: Hashable, Sendable {
    /// What one of this unit is in base units.
    public var factor: Double
    /// Its physical kind.
    public var dimension: Dimension

    /// The atoms a unit is written with, and what each is worth in base units. `công` is filled in from the
    /// regional settings.
    static func atoms(congM2: Double) -> [String: UnitOfMeasure] {
        func u(_ f: Double, _ b: Dimension.Base?) -> UnitOfMeasure { UnitOfMeasure(factor: f, dimension: b.map(Dimension.base) ?? .none) }
        return [
            "VND": u(1, .money), "đ": u(1, .money), "₫": u(1, .money), "kVND": u(1e3, .money), "MVND": u(1e6, .money),
            "m2": u(1, .area), "m²": u(1, .area), "ha": u(10_000, .area), "cong": u(congM2, .area), "công": u(congM2, .area),
            "year": u(1, .time), "yr": u(1, .time), "month": u(1.0 / 12, .time), "week": u(7.0 / 365, .time),
            "kg": u(1, .mass), "t": u(1000, .mass),
            "nut": u(1, .nut), "chuc": u(12, .nut), "chục": u(12, .nut), "thien": u(1200, .nut), "thiên": u(1200, .nut),
            "person-day": u(1, .labour), "person": u(1, .person),
            "unit": u(1, .unit),
            "%": u(0.01, nil), "fraction": u(1, nil), "1": u(1, nil),
        ]
    }

    /// Parses `atom[/atom…]`, e.g. `MVND/ha/year` or `%/year`.
    /// - Returns: nil when an atom is unknown or the text is empty.
    public static func parse(_ text: String, congM2: Double) -> UnitOfMeasure? {
        let table = atoms(congM2: congM2)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !first.isEmpty else { return nil }
        guard var result = table[first] else { return nil }
        for part in parts.dropFirst() {
            guard let atom = table[part] else { return nil }
            result = UnitOfMeasure(factor: result.factor / atom.factor, dimension: result.dimension / atom.dimension)
        }
        return result
    }

    /// The atoms a rule author may use, for messages.
    static let spelledAtoms = "VND, kVND, MVND, m2, ha, công, year, month, kg, t, nut, chục, thiên, person-day, person, unit, %"
}
