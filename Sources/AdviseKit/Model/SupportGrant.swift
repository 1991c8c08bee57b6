/// A livelihood grant (the national target programme's support for poor and near-poor households, a
/// province's own): money the household does not repay, which lowers what it must find for the investment.
public struct SupportGrant: Sendable {
    public var id: String
    public var name: LocalizedText
    /// The most it gives a household, VND.
    public var amount: Figure
    public var eligibility: Eligibility
    public var provenance: Provenance { amount.provenance }

    /// What it gives towards an investment: its amount, at most the investment.
    public func amount(towards investment: Double) -> Double { min(amount.value, max(0, investment)) }
}
