import Foundation

/// What the odds reuse across households, shared by an ``Evaluator`` and its copies (thread-safe): the
/// rule set's ``DrawBank`` for each simulation asked (by draws and seed), and each model's deviations over
/// it, by its economics — households with the same rule outcome share one ``UnitEconomics`` through an
/// ``EvaluationCache``, so a server or a batch simulates a model once per outcome, not once per household.
final class OddsCache: @unchecked Sendable {
    private let lock = NSLock()
    private let markets: MarketModel
    private let hazards: [String]
    private let years: Int
    private var banks: [RiskSimulation.Options: DrawBank] = [:]
    /// Deviations by economics (the entry holds the economics, so its identity cannot be reused while kept).
    private var deviations: [Key: (economics: UnitEconomics, deviation: RiskSimulation.Deviation)] = [:]
    /// Deviations kept at most (each about draws × (horizon + 1) numbers: 1,000 draws, ~90 kB); emptied when full.
    static let capacity = 512

    private struct Key: Hashable {
        var economics: ObjectIdentifier
        var options: RiskSimulation.Options
        var cumulative: Bool
    }

    init(markets: MarketModel, hazards: [String], years: Int) {
        self.markets = markets
        self.hazards = hazards
        self.years = years
    }

    /// The bank for a simulation, drawn on first use (outside the lock: two threads may both draw it once).
    func bank(_ options: RiskSimulation.Options) -> DrawBank {
        if let bank = lock.withLock({ banks[options] }) { return bank }
        let bank = DrawBank(options: options, markets: markets, hazards: hazards, years: years)
        return lock.withLock {
            if banks.count >= 4 { banks.removeAll() }
            if let drawn = banks[options] { return drawn }
            banks[options] = bank
            return bank
        }
    }

    /// A model's deviations over `bank`, computed on first use.
    func deviation(_ e: UnitEconomics, cumulative: Bool, bank: DrawBank) -> RiskSimulation.Deviation {
        let key = Key(economics: ObjectIdentifier(e), options: bank.options, cumulative: cumulative)
        if let kept = lock.withLock({ deviations[key] }), kept.economics === e { return kept.deviation }
        let deviation = RiskSimulation.deviation(of: e, cumulative: cumulative, bank: bank)
        lock.withLock {
            if deviations.count >= Self.capacity { deviations.removeAll() }
            deviations[key] = (e, deviation)
        }
        return deviation
    }
}
