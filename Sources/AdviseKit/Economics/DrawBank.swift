/// The draws of the odds for a whole rule set: for each draw, a price path of every market and a uniform
/// number for every hazard name in every year, from one seed. Drawn once and shared by every household,
/// option and plan (common random numbers): a model's odds depend on the model and the household, never
/// on which other models were simulated beside it, and a server draws them once, not at every request.
///
/// Layout: price factor of market m in year t + 1 of draw d at `prices[(d * markets + m) * years + t]`;
/// hazard h likewise in `hazardDraws`.
public final class DrawBank: Sendable {
    public let options: RiskSimulation.Options
    /// Market ids, in the order of ``MarketModel/ids``.
    public let markets: [String]
    /// Hazard names, in the rule set's order.
    public let hazards: [String]
    /// Years drawn.
    public let years: Int
    let prices: [Double]
    let hazardDraws: [Double]

    /// Draws the paths: per draw, every market's path for `years` years, then every hazard's years.
    /// - Complexity: O(draws × years × (markets² + hazards)); memory O(draws × years × (markets + hazards)).
    public init(options: RiskSimulation.Options, markets model: MarketModel, hazards: [String], years: Int) {
        self.options = options
        markets = model.ids
        self.hazards = hazards
        self.years = years
        let n = max(0, options.draws), m = model.ids.count, h = hazards.count
        let all = [Int](repeating: years, count: m), shocks = model.shockYears(all)
        var random = RandomSource(seed: options.seed)
        var prices = [Double](repeating: 1, count: n * m * years), draws = [Double](repeating: 1, count: n * h * years)
        var path = [Double](repeating: 1, count: m * years), scratch = [Double](repeating: 0, count: 2 * m)
        for d in 0..<n {
            model.path(years: all, shocks: shocks, stride: years, random: &random, into: &path, scratch: &scratch)
            prices.replaceSubrange(d * m * years..<(d + 1) * m * years, with: path)
            for i in 0..<h * years { draws[d * h * years + i] = random.uniform() }
        }
        self.prices = prices
        hazardDraws = draws
    }

    /// The hazard names of a rule set's models and baselines, in order of first appearance.
    public static func hazards(of models: [FarmModel]) -> [String] {
        var names: [String] = []
        for model in models {
            for rule in model.rules {
                if case let .risk(risk) = rule.effect, !names.contains(risk.hazard) { names.append(risk.hazard) }
            }
        }
        return names
    }
}
