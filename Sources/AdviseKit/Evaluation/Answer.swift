/// What every answer carries — an option (one model at its scale) or a whole-farm plan (several models side by side
/// or intercropped): its verdict, its money (one ``Projection``), its odds and its models. An option is a plan of
/// one part: what shows an answer's figures takes an `Answer`, and reads them all from its projection.
public protocol Answer: Sendable {
    var verdict: Verdict { get }
    /// The money: every figure an output shows.
    var projection: Projection { get }
    /// The odds, when simulated.
    var risk: RiskProfile? { get }
    /// The models, in order.
    var modelIDs: [String] { get }
    /// Land used, m².
    var landM2: Double { get }
    /// Units, for an option of a model that scales by units; nil for a plan (its components have their own scales).
    var units: Double? { get }
    /// The answer in words: the model's name, or a plan's models (an intercrop's joined by `+`, parts by `·`).
    func name(_ language: Language) -> String
}

extension Answer {
    /// The prices inside their sourced range that would undo the answer's gain, nearest first; none for an answer
    /// that is unsuitable (``TippingPoint``).
    public var tippingPoints: [TippingPoint] { verdict == .unsuitable ? [] : projection.tippingPoints }

    /// Yearly income at maturity at a price scenario, after expected losses and hired labour.
    public func income(_ scenario: PriceScenario) -> Double { projection.income(scenario) }

    /// Prices 30 % lower or higher, and a bad year `k`.
    public func sensitivity(badYear: Int, discountRate: Double) -> Sensitivity {
        projection.sensitivity(badYear: badYear, discountRate: discountRate)
    }
}

extension ModelAdvice: Answer {
    public var modelIDs: [String] { [model.id] }
    public var landM2: Double { areaM2 }
    public func name(_ language: Language) -> String { model.name(language) }
}

extension Plan: Answer {
    public var units: Double? { nil }
    public func name(_ language: Language) -> String {
        components.map { $0.models.map { $0.name(language) }.joined(separator: " + ") }.joined(separator: " · ")
    }
}
