/// Sweeps the household profiles declared in the regional settings (coverage land × capital, and every
/// level of the flood, salinity, current-use and loan-category scales) and reports where the rule set
/// leaves households without an answer, which rules never fire, and which models are never the best.
public struct CoverageReport: Sendable {
    /// A profile where no model is recommended or conditional.
    public struct Gap: Sendable {
        public var household: Household
        /// True when every model has a reason that holds it back.
        public var explained: Bool
        /// The models with no blocking reason (empty when explained).
        public var unexplainedModels: [String]
    }

    public var profiles: Int
    /// Profiles with at least one model recommended or conditional.
    public var answered: Int
    public var gaps: [Gap]
    /// Rule ids per model that fired for no profile.
    public var silentRules: [(model: String, rule: String, location: SourceLocation)]
    /// How often each model was the best option.
    public var bestCounts: [String: Int]
    /// With plans: how often each model is part of the recommendation (the recommended plan).
    public var recommendedCounts: [String: Int] = [:]
    /// With plans: profiles told to keep their current use, and profiles given no recommendation at all.
    public var keepCount = 0, noneCount = 0
    /// Why each model was held back: for each model, how many profiles each unsuitable reason (rule id)
    /// stopped it in.
    public var heldBack: [String: [String: Int]] = [:]
    /// The figures that flip the most households: for each model, in how many profiles each price inside its
    /// range would undo the gain of the model's option (``TippingPoint``), by the figure's path.
    public var tipping: [String: [String: Int]] = [:]
    /// With plans: in how many profiles each price would undo the gain of the recommended plan; and how many
    /// recommended plans hang on at least one.
    public var planTipping: [String: Int] = [:]
    public var plansTipping = 0
    /// True when plans were searched.
    public var withPlans: Bool

    /// Gaps no reason explains.
    public var unexplainedGaps: [Gap] { gaps.filter { !$0.explained } }

    /// Runs the sweep.
    /// - Parameter plans: also find each profile's recommendation (the best plan), as `advise` gives it.
    /// - Complexity: O(profiles × models × (rules + scale candidates × horizon)), and the planner per
    ///   profile with plans.
    public init(ruleSet: RuleSet, plans: Bool = false) {
        withPlans = plans
        let s = ruleSet.settings
        let evaluator = Evaluator(ruleSet: ruleSet)
        // Households with the same rule outcome share a model's economics (and its odds' deviations).
        let cache = EvaluationCache()
        func levels(_ scale: String) -> [String] { s.scales[scale]?.levels.map(\.id) ?? [] }
        var profiles = 0, answered = 0
        var gaps: [Gap] = []
        var fired: Set<String> = []
        var best: [String: Int] = Dictionary(uniqueKeysWithValues: ruleSet.models.map { ($0.id, 0) })
        // Workers, members and other income are the rule set's defaults, as for a household that did not say
        // (so no member is planned away from its land).
        let labour = Double(s.defaults[.labour] ?? "2") ?? 2, members = Double(s.defaults[.members] ?? "4") ?? 4
        for land in s.coverage.landM2 {
            for capital in s.coverage.capitalVND {
                for flood in levels("flood") {
                    for salinity in levels("salinity") {
                        for use in levels("current_use") {
                            for category in levels("loan_category") {
                                let h = Household(landM2: land, capitalVND: capital, flood: flood, salinity: salinity, labour: labour,
                                                  members: members, currentUse: use, loanCategory: category,
                                                  assumed: [.labour, .members, .otherIncomeVND])
                                let advice = evaluator.advise(h, plans: plans, cache: cache)
                                profiles += 1
                                for o in advice.options {
                                    for r in o.reasons {
                                        fired.insert(o.model.id + "/" + r.rule)
                                        if r.effect == "unsuitable" { heldBack[o.model.id, default: [:]][r.rule, default: 0] += 1 }
                                    }
                                    for point in o.tippingPoints { tipping[o.model.id, default: [:]][point.figure, default: 0] += 1 }
                                }
                                if plans {
                                    if let plan = advice.recommendedPlan {
                                        for id in Set(plan.modelIDs) { recommendedCounts[id, default: 0] += 1 }
                                        let points = plan.tippingPoints
                                        for point in points { planTipping[point.figure, default: 0] += 1 }
                                        if !points.isEmpty { plansTipping += 1 }
                                    } else if advice.recommendation == nil {
                                        if advice.baseline != nil { keepCount += 1 } else { noneCount += 1 }
                                    }
                                }
                                if let top = advice.best {
                                    answered += 1
                                    best[top.model.id, default: 0] += 1
                                } else {
                                    let open = advice.options.filter { !$0.reasons.contains { $0.effect == "unsuitable" } }.map(\.model.id)
                                    gaps.append(Gap(household: h, explained: open.isEmpty, unexplainedModels: open))
                                }
                            }
                        }
                    }
                }
            }
        }
        self.profiles = profiles
        self.answered = answered
        self.gaps = gaps
        self.bestCounts = best
        silentRules = ruleSet.models.flatMap { m in
            m.rules.filter { !fired.contains(m.id + "/" + $0.id) }.map { (m.id, $0.id, $0.location) }
        }
    }

    /// Models that were never the best option.
    public var neverBest: [String] { bestCounts.filter { $0.value == 0 }.map(\.key).sorted() }
}
