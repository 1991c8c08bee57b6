/// The expected share of a year's revenue that a model's hazards take, year by year — exactly as the odds
/// draw it (``RiskSimulation``), so that the risk-adjusted figures are the mean of the draws.
///
/// In the odds, each hazard name has one uniform number a year; a risk of likelihood p strikes in the years
/// where it is below p (so risks of one name are nested: a worse flood only strikes when a milder one does),
/// and a strike takes `loss` of the revenue in that year and the `lasts − 1` years after. The losses of a
/// year add up, and a year never loses more than its revenue. The expectation of that capped sum is found
/// here by convolution: the hazards' years are independent, and within one hazard and year the nested
/// risks give a small discrete distribution.
public struct HazardExpectation: Sendable, Equatable {
    /// Expected share of revenue lost in year t + 1 (t = 0…years − 1), at most 1.
    public let lossShare: [Double]
    /// Expected replanting cost per scale unit in year t + 1.
    public let replant: [Double]

    /// The expectation of `risks` over years 1…`years`.
    /// - Complexity: O(years × Σ lasts × support), the support of a year's capped loss (a few values).
    public init(risks: [Risk], years: Int) {
        var lossShare = [Double](repeating: 0, count: years), replant = lossShare
        let hazards = risks.reduce(into: [String]()) { if !$0.contains($1.hazard) { $0.append($1.hazard) } }
        for t in 0..<years {
            let year = t + 1
            for r in risks where r.strikes(inYear: year) { replant[t] += r.likelihood * r.replantPerScale }
            // The year's loss: a sum of independent parts, one per hazard and year of a strike that reaches it.
            var distribution: [Double: Double] = [0: 1]
            for hazard in hazards {
                let own = risks.filter { $0.hazard == hazard }
                let first = own.map { max($0.fromYear, year - $0.lasts + 1) }.min() ?? year
                for strike in stride(from: max(1, first), through: year, by: 1) {
                    // The risks of this hazard whose strike in `strike` still costs in `year`, by likelihood.
                    let reaching = own.filter { $0.strikes(inYear: strike) && strike + $0.lasts > year }
                        .sorted { $0.likelihood < $1.likelihood }
                    guard !reaching.isEmpty else { continue }
                    // u below the i-th smallest likelihood: risks i… strike.
                    var part: [(value: Double, probability: Double)] = []
                    var below = 0.0
                    for (i, r) in reaching.enumerated() {
                        let p = min(1, max(0, r.likelihood)) - below
                        if p > 0 { part.append((reaching[i...].reduce(0) { $0 + $1.loss }, p)) }
                        below = max(below, min(1, r.likelihood))
                    }
                    if below < 1 { part.append((0, 1 - below)) }
                    var next: [Double: Double] = [:]
                    for (value, probability) in distribution {
                        for (v, p) in part { next[min(1, value + v), default: 0] += probability * p }
                    }
                    distribution = next
                }
            }
            lossShare[t] = distribution.reduce(0) { $0 + $1.key * $1.value }
        }
        self.lossShare = lossShare
        self.replant = replant
    }
}
