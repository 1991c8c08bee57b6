/// A livelihood grant (the national target programme's support for poor and near-poor households, a
/// province's own): money the household does not repay, which lowers what it must find for the investment.
/// A class, immutable once loaded, shared by the households it is open to.
public final class SupportGrant: Sendable {
    public let id: String
    public let name: LocalizedText
    /// The most it gives a household, VND.
    public let amount: Figure
    public let eligibility: Eligibility
    public var provenance: Provenance { amount.provenance }

    public init(id: String, name: LocalizedText, amount: Figure, eligibility: Eligibility) {
        self.id = id
        self.name = name
        self.amount = amount
        self.eligibility = eligibility
    }

    /// What it gives towards an investment: its amount, at most the investment.
    public func amount(towards investment: Double) -> Double { min(amount.value, max(0, investment)) }
}
