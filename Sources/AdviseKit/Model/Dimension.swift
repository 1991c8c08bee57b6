/// The physical kind of a quantity, as exponents of base dimensions: `VND/ha/year` is money¹·area⁻¹·time⁻¹.
///
/// The loader converts every figure to base units (VND, m², year, kg, nut, person-day, person, scale unit)
/// and refuses a figure whose dimension does not fit its field.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// The base dimensions, with the base unit each is stored in.
    public enum Base: Int, CaseIterable, Sendable {
        case money, area, time, mass, nut, labour, person, unit

        /// The base unit's symbol.
        public var symbol: String {
            switch self {
            case .money: "VND"
            case .area: "m2"
            case .time: "year"
            case .mass: "kg"
            case .nut: "nut"
            case .labour: "person-day"
            case .person: "person"
            case .unit: "unit"
            }
        }
    }

    private var exponents: [Int8]

    /// A dimensionless quantity (a fraction or a count).
    public static let none = Dimension(exponents: Array(repeating: 0, count: Base.allCases.count))

    /// The dimension of one base unit.
    public static func base(_ base: Base) -> Dimension {
        var d = Dimension.none
        d.exponents[base.rawValue] = 1
        return d
    }

    /// The exponent of one base dimension.
    public subscript(_ base: Base) -> Int8 { exponents[base.rawValue] }

    /// Product of two dimensions.
    public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(exponents: zip(lhs.exponents, rhs.exponents).map { $0 + $1 })
    }

    /// Quotient of two dimensions.
    public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(exponents: zip(lhs.exponents, rhs.exponents).map { $0 - $1 })
    }

    /// Written in base units, e.g. `VND/m2/year`.
    public var description: String {
        let up = Base.allCases.filter { self[$0] > 0 }.map { power($0.symbol, self[$0]) }
        // Denominators read naturally with time last: VND/m2/year, nut/unit/year.
        let down = (Base.allCases.filter { $0 != .time } + [.time]).filter { self[$0] < 0 }.map { power($0.symbol, -self[$0]) }
        let numerator = up.isEmpty ? "1" : up.joined(separator: "·")
        return ([numerator] + down).joined(separator: "/")
    }

    private func power(_ symbol: String, _ n: Int8) -> String { n == 1 ? symbol : "\(symbol)^\(n)" }
}
