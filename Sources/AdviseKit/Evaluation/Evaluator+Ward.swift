extension Evaluator {
    /// A household's best plan as the ward plans with it: the plan, its odds, and its income by year.
    public struct PlannedHousehold: Sendable {
        public var plan: Plan?
        /// The household's income a year (VND) in years 1…`years`: its income beside the converted land (other
        /// income, the current use on the land the plan leaves) plus the plan's risk-adjusted net income that
        /// year (nothing before its first harvest); without a plan, what it earns now.
        public var incomeByYear: [Double]
        /// The chance that the income per member stays under the poverty line at the plan's maturity (from the
        /// odds; without odds or a plan, 0 or 1 by the expected income).
        public var pBelowPovertyLine: Double
    }

    /// What a household earns now a year: its other income and its current use on all its land.
    public func currentIncome(_ household: Household, cache: EvaluationCache? = nil) -> Double {
        household.besideFarm(keepingPerM2: context(household, cache: cache).baseline?.keepingIncome ?? 0, convertedM2: 0)
    }

    /// The best plan for a household within `options` (its figures and verdict, without notes), with the odds of
    /// the plan alone (the draws and the models' deviations are shared through `cache`), and its income by year
    /// for `years` years.
    public func planned(_ household: Household, options: PlanOptions, odds: RiskSimulation.Options?, years: Int,
                        cache: EvaluationCache) -> PlannedHousehold {
        let context = context(household, cache: cache)
        let keeping = context.baseline?.keepingIncome ?? 0
        let now = household.besideFarm(keepingPerM2: keeping, convertedM2: 0)
        let candidates = ruleSet.models.indices.map { candidate($0, context, cache: cache, repaid: false) }
        let line = { (year: Int) in context.povertyLineMonth(inYear: year) }
        guard var plan = plan(candidates, context, options, notes: false), plan.verdict != .unsuitable else {
            let below = household.incomePerMember(now) < line(year + 1) ? 1.0 : 0.0
            return PlannedHousehold(plan: nil, incomeByYear: Array(repeating: now, count: years), pBelowPovertyLine: below)
        }
        let p = plan.projection
        let beside = household.besideFarm(keepingPerM2: keeping, convertedM2: plan.landM2)
        let hired = p.labour.hiredCost
        let income = (1...max(1, years)).map { t in
            beside + p.parts.reduce(0) { $0 + $1.economics.riskAdjustedIncome(inYear: t, at: $1.scale) } - hired
        }
        var below: Double
        if let odds {
            plan.risk = simulation(odds, economics: p.parts.map(\.economics), baseline: context.baseline).profile(p, context, landM2: plan.landM2)
            below = plan.risk?.pBelowPovertyLine ?? 0
        } else {
            let mature = min(years, p.parts.map(\.economics.matureYear).max() ?? 1)
            below = household.incomePerMember(income[max(0, mature - 1)]) < line(year + mature) ? 1 : 0
        }
        return PlannedHousehold(plan: plan, incomeByYear: income, pBelowPovertyLine: below)
    }
}
