/// A loan repaid in equal yearly principal instalments with interest on the outstanding balance — the way
/// the social-policy bank's household loans are repaid (principal in instalments, interest on what is owed).
public struct LoanSchedule: Sendable, Equatable {
    /// Amount borrowed in year 0, VND.
    public var amount: Double
    /// Yearly interest rate, a fraction.
    public var rate: Double
    /// Term in months.
    public var termMonths: Int

    /// Years over which principal is repaid (a part year counts as a year).
    public var years: Int { max(1, (termMonths + 11) / 12) }

    /// Interest and principal paid in each year 1…`horizon`; what is still owed at the horizon is repaid then.
    /// - Complexity: O(horizon).
    public func payments(horizon: Int) -> [(interest: Double, principal: Double)] {
        var balance = amount
        let instalment = amount / Double(years)
        return (1...max(1, horizon)).map { year in
            let interest = balance * rate
            let principal = year == horizon ? balance : min(balance, year <= years ? instalment : 0)
            balance -= principal
            return (interest, principal)
        }
    }

    /// Total interest over the life of the loan within the horizon.
    public func totalInterest(horizon: Int) -> Double { payments(horizon: horizon).reduce(0) { $0 + $1.interest } }
}
