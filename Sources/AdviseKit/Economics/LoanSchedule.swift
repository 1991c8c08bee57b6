/// A loan repaid in equal yearly principal instalments with interest on the outstanding balance — the way
/// the social-policy bank's household loans are repaid (principal in instalments, interest on what is owed) —
/// after a grace, if any, in which nothing is paid and the interest is added to what is owed (a bank's loan for a
/// perennial crop's establishment: Circular 25/2018/TT-NHNN).
public struct LoanSchedule: Sendable, Equatable {
    /// Amount borrowed in year 0, VND.
    public var amount: Double
    /// Yearly interest rate, a fraction.
    public var rate: Double
    /// Term in months, the grace included.
    public var termMonths: Int
    /// Years at the start in which nothing is paid.
    public var graceYears = 0

    public init(amount: Double, rate: Double, termMonths: Int, graceYears: Int = 0) {
        self.amount = amount
        self.rate = rate
        self.termMonths = termMonths
        self.graceYears = graceYears
    }

    /// Years of the term (a part year counts as a year).
    public var years: Int { max(1, (termMonths + 11) / 12) }

    /// Interest and principal paid in each year 1…`horizon`; what is still owed at the horizon is repaid then.
    /// During the grace nothing is paid (0, 0) and the year's interest is added to what is owed, which is repaid in
    /// equal instalments over the rest of the term (the interest so owed counted in them as principal).
    /// - Complexity: O(horizon).
    public func payments(horizon: Int) -> [(interest: Double, principal: Double)] {
        var balance = amount
        let grace = min(graceYears, years - 1)
        var instalment = amount / Double(years)
        return (1...max(1, horizon)).map { year in
            let interest = balance * rate
            if year <= grace && year < horizon {
                balance += interest
                if year == grace { instalment = balance / Double(years - grace) }
                return (0, 0)
            }
            let principal = year == horizon ? balance : min(balance, year <= years ? instalment : 0)
            balance -= principal
            return (interest, principal)
        }
    }

    /// Total interest over the life of the loan within the horizon: all that is paid beyond the amount borrowed.
    public func totalInterest(horizon: Int) -> Double { payments(horizon: horizon).reduce(0) { $0 + $1.interest + $1.principal } - amount }
}
