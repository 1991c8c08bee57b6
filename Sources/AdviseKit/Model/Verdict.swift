/// The answer for one model and one household.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    /// Fits as it is.
    case recommended
    /// Fits on conditions: a mitigation to pay for or a loan to take.
    case conditional
    /// Does not fit.
    case unsuitable

    private var rank: Int {
        switch self {
        case .recommended: 0
        case .conditional: 1
        case .unsuitable: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
