/// Evaluates a household against every model of a rule set. Pure: values in, values out, no I/O.
public struct Evaluator: Sendable {
    /// The rule set evaluated against.
    public let ruleSet: RuleSet
    /// Each level fact's level ids and their positions on the scale.
    private let levelIndex: [[String: Double]]
    /// Loan programmes by loan category.
    private let programmes: [String: LoanProgramme]
    /// The models laid out for the hot loop.
    private let compiled: [ModelProgram]
    /// Settings the hot loop reads, as plain numbers (copying the settings per household would cost more
    /// than the evaluation).
    private let horizon: Int, discountRate: Double, workdays: Double, wage: Double, povertyLineMonth: Double

    /// Creates an evaluator.
    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        let scales = ruleSet.settings.scales
        levelIndex = HouseholdFact.allCases.map { fact in
            let levels = fact.scale.flatMap { scales[$0]?.levels } ?? []
            return Dictionary(levels.enumerated().map { ($0.element.id, Double($0.offset)) }, uniquingKeysWith: { a, _ in a })
        }
        var programmes: [String: LoanProgramme] = [:]
        for p in ruleSet.settings.loanProgrammes.reversed() { for c in p.categories { programmes[c] = p } }
        self.programmes = programmes
        compiled = ruleSet.models.map(ModelProgram.init)
        let settings = ruleSet.settings
        horizon = settings.horizonYears
        discountRate = settings.discountRate.value
        workdays = settings.workdaysPerWorker.value
        wage = settings.hiredLabourWage.value
        povertyLineMonth = settings.povertyLine.value / 12
    }

    /// Every model for the household, ranked, with reasons (and the rule trace when asked for).
    /// - Complexity: O(models × (rules + scenarios × horizon)).
    /// - Parameters:
    ///   - plans: also search for the best whole-farm plan (combinations of models).
    ///   - changes: for every unsuitable option, find what would have to change (``whatWouldChange(_:for:)``).
    public func advise(_ household: Household, rankBy: RankBy = .riskAdjustedNPV, trace: Bool = false, plans: Bool = false,
                       planOptions: PlanOptions = PlanOptions(), changes: Bool = false, cache: EvaluationCache? = nil) -> Advice {
        let settings = ruleSet.settings
        let context = context(household)
        let candidates = ruleSet.models.indices.map { candidate($0, context, cache: cache) }
        var options = rank(candidates, by: rankBy, context).map { advice($0, context, trace: trace) }
        if changes {
            for i in options.indices where options[i].verdict != .recommended {
                options[i].whatWouldChange = whatWouldChange(options[i].model, for: household)
            }
        }
        return Advice(ruleset: settings.ruleset, overrides: ruleSet.overrides, household: household, rankBy: rankBy,
                      horizon: settings.horizonYears, discountRate: settings.discountRate.value,
                      povertyLineMonth: settings.povertyLine.value / 12, options: options,
                      plan: plans ? plan(candidates, context, planOptions) : nil, planSearched: plans)
    }

    /// The best whole-farm plan for a household, or nil when nothing pays.
    public func plan(_ household: Household, options: PlanOptions = PlanOptions()) -> Plan? {
        let context = context(household)
        return plan(ruleSet.models.indices.map { candidate($0, context, cache: nil) }, context, options)
    }

    private func plan(_ candidates: [Candidate], _ context: HouseholdContext, _ options: PlanOptions) -> Plan? {
        let economics = candidates.map(\.economics)
        var money = context.money
        if let cap = options.maxLoanVND { money.loanCeiling = min(money.loanCeiling, cap) }
        var planner = Planner(models: candidates.map(\.model), economics: economics, usable: candidates.map { !$0.shared.outcome.blocked },
                              combinations: ruleSet.combinations, money: money, landM2: context.household.landM2,
                              annuity: economics.first?.annuity ?? 0)
        planner.constraints.firstIncomeYear = options.firstIncomeWithinMonths.map { max(1, ($0 + 11) / 12) }
        if let year = options.abovePovertyByYear {
            planner.constraints.povertyYear = year
            planner.constraints.neededCash = context.household.members * povertyLineMonth * 12
        }
        guard let (items, xs, value) = planner.best() else { return nil }
        var components: [Plan.Component] = []
        var parts: [(UnitEconomics, Double)] = []
        var hasMitigation = false
        for (item, x) in zip(items, xs) {
            let scales = item.shares.map { $0 * x }
            components.append(Plan.Component(models: item.models.map { candidates[$0].model }, scales: scales, intercrop: item.intercrop,
                                             landM2: item.landPerX * x, investments: zip(item.models, scales).map { economics[$0].investment(at: $1) }))
            parts += zip(item.models, scales).map { (economics[$0], $1) }
            hasMitigation = hasMitigation || item.models.contains { !candidates[$0].shared.outcome.mitigations.isEmpty }
        }
        let horizon = self.horizon
        let investment = parts.reduce(0) { $0 + $1.0.investment(at: $1.1) }
        let labour = parts.reduce(0) { $0 + $1.0.labour(at: $1.1) }
        let hiredDays = max(0, labour - context.money.familyDays)
        let hired = hiredDays * context.money.wage
        func sum(_ f: (UnitEconomics, Double) -> [Double]) -> [Double] {
            parts.reduce(into: [Double](repeating: 0, count: horizon + 1)) { acc, part in
                for (t, v) in f(part.0, part.1).enumerated() { acc[t] += v }
            }
        }
        let (gap, loan, programme) = Projection.financing(investment: investment, context.resources, ceiling: options.maxLoanVND)
        let payments = loan?.payments(horizon: horizon) ?? []
        func household(_ project: [Double]) -> [Double] {
            project.enumerated().map { t, v in
                t == 0 ? v + (loan?.amount ?? 0) : v - hired - (payments.isEmpty ? 0 : payments[t - 1].interest + payments[t - 1].principal)
            }
        }
        let base = sum { $0.householdFlow(at: $1, hiredCost: 0, loan: nil, scenario: .base, riskAdjusted: false) }
        let risk = sum { $0.householdFlow(at: $1, hiredCost: 0, loan: nil, scenario: .base, riskAdjusted: true) }
        let cashFlow = household(base), riskFlow = household(risk)
        // The loan is serviceable when, over its term, the plan earns its instalments.
        let term = min(loan?.years ?? 0, horizon)
        let earned = (0..<term).reduce(0) { $0 + risk[$1 + 1] - hired }
        let owed = (0..<term).reduce(0) { $0 + payments[$1].interest + payments[$1].principal }
        let serviceable = loan == nil || earned >= owed
        let shortfall = loan == nil ? [] : (1...max(1, term)).filter { term > 0 && riskFlow[$0] < 0 }
        var notes = components.compactMap { $0.intercrop?.message }
        let ids = Set(components.flatMap { $0.models.map(\.id) })
        notes += ruleSet.combinations.separate.filter { $0.models.allSatisfy(ids.contains) }.map(\.message)
        let verdict: Verdict = !serviceable ? .unsuitable : (hasMitigation || loan != nil ? .conditional : .recommended)
        return Plan(
            components: components, investment: investment, capitalGap: gap, loan: loan, programme: programme,
            annualNetIncome: parts.reduce(0) { $0 + $1.0.annualNetIncome(at: $1.1, hiredCost: 0) } - hired,
            riskAdjustedIncome: parts.reduce(0) { $0 + $1.0.riskAdjustedIncome(at: $1.1, hiredCost: 0) } - hired,
            npv: parts.reduce(0) { $0 + $1.0.npv(at: $1.1, hiredCost: 0, riskAdjusted: false) } - hired * (economics.first?.annuity ?? 0),
            riskAdjustedNPV: value, firstIncomeYear: parts.compactMap { $0.0.firstRevenueYear }.min(),
            cashFlow: cashFlow, riskAdjustedCashFlow: riskFlow, household: CashFlowMetrics(riskFlow, discountRate: discountRate),
            landM2: components.reduce(0) { $0 + $1.landM2 }, labourDays: labour, hiredDays: hiredDays, verdict: verdict,
            loanShortfallYears: shortfall, loanServiceable: serviceable, notes: notes, parts: parts, hiredCost: hired)
    }

    /// The figures of the best option only — what a batch needs — from the closed forms, without reasons
    /// or itemisation. Returns the first-ranked option even when every model is unsuitable.
    public func bestOption(_ household: Household, rankBy: RankBy = .riskAdjustedNPV, cache: EvaluationCache? = nil) -> OptionSummary? {
        let context = context(household)
        var best: (candidate: Candidate, key: Double)?
        for index in compiled.indices {
            let c = candidate(index, context, cache: cache)
            let k = rankKey(c, rankBy, context)
            if let b = best, !Self.precedes(c, k, b.candidate, b.key) { continue }
            best = (c, k)
        }
        return best.map { summary($0.candidate, context) }
    }

    private func summary(_ c: Candidate, _ context: HouseholdContext) -> OptionSummary {
        let e = c.economics, h = context.household
        var resources = context.resources
        if case .capital = c.limit { resources.capital = nil }
        let (_, loan, programme) = Projection.financing(investment: e.investment(at: c.scale), resources)
        let hired = Projection.hiredDays(e, c.scale, familyDays: resources.familyDays) * resources.wage
        let flow = e.householdFlow(at: c.scale, hiredCost: hired, loan: loan, scenario: .base, riskAdjusted: true)
        let income = e.riskAdjustedIncome(at: c.scale, hiredCost: hired)
        let perMonth = income / max(1, h.members) / 12
        let grid = c.program.grid
        return OptionSummary(
            model: c.program.model.id, verdict: c.verdict, areaM2: c.scale * grid.areaPerScale, units: grid.isUnits ? c.scale : nil,
            investment: e.investment(at: c.scale), programme: programme?.id, loan: loan?.amount,
            annualNetIncome: e.annualNetIncome(at: c.scale, hiredCost: hired), riskAdjustedIncome: income,
            npv: c.npv, riskAdjustedNPV: c.riskNPV, paybackYear: CashFlowMetrics(flow, discountRate: discountRate).paybackYear,
            firstIncomeYear: e.firstRevenueYear, incomePerMemberMonth: perMonth, abovePovertyLine: perMonth >= povertyLineMonth)
    }

    /// One model for the household.
    public func evaluate(_ model: FarmModel, for household: Household, trace: Bool = false) -> ModelAdvice {
        let context = context(household)
        return advice(candidate(ModelProgram(model), index: nil, context, cache: nil), context, trace: trace)
    }

    /// What every model's evaluation of one household shares.
    struct HouseholdContext {
        let household: Household
        let facts: DenseFacts
        let resources: Projection.Resources
        let money: ScaleSearch.Money
        /// True when the household's category has a loan programme.
        var canBorrow: Bool { money.loanCeiling > 0 || resources.programme != nil }
    }

    private func context(_ h: Household) -> HouseholdContext {
        var values = [Double](repeating: 0, count: HouseholdFact.allCases.count)
        var known: UInt8 = 0
        for fact in HouseholdFact.allCases {
            let v = fact.scale == nil ? h.number(fact) : h.level(fact).flatMap { levelIndex[fact.rawValue][$0] }
            values[fact.rawValue] = v ?? 0
            if v != nil { known |= 1 << UInt8(fact.rawValue) }
        }
        let resources = Projection.Resources(capital: h.capitalVND, programme: programmes[h.loanCategory], familyDays: h.labour * workdays, wage: wage)
        return HouseholdContext(household: h, facts: DenseFacts(values: values, known: known), resources: resources, money: ScaleSearch.Money(resources))
    }

    /// A model evaluated as far as ranking needs.
    struct Candidate {
        var program: ModelProgram
        var model: FarmModel { program.model }
        var key: RuleOutcome.Key
        var shared: OutcomeEconomics
        var limit: ScaleSearch.Limit
        var scale: Double
        var verdict: Verdict
        var riskNPV: Double
        var npv: Double
        var income: Double
        var economics: UnitEconomics { shared.economics }
    }

    private func candidate(_ index: Int, _ context: HouseholdContext, cache: EvaluationCache?) -> Candidate {
        candidate(compiled[index], index: index, context, cache: cache)
    }

    private func candidate(_ program: ModelProgram, index: Int?, _ context: HouseholdContext, cache: EvaluationCache?) -> Candidate {
        let key = RuleOutcome.key(program, context.facts)
        let (horizon, discountRate) = (self.horizon, self.discountRate)
        let make = { OutcomeEconomics(program.model, key: key, horizon: horizon, discountRate: discountRate) }
        let shared: OutcomeEconomics
        if let cache, let index {
            shared = cache.lookup(model: index, key: key, make: make)
        } else {
            shared = make()
        }
        let economics = shared.economics
        let search = ScaleSearch(grid: program.grid, economics: economics, money: context.money, landM2: context.household.landM2)
        let limit = search.limit()
        var scale = program.grid.minimum
        if case let .fits(upper) = limit { scale = search.best(upper: upper) }
        let hired = Projection.hiredDays(economics, scale, familyDays: context.money.familyDays) * context.money.wage
        let riskNPV = economics.npv(at: scale, hiredCost: hired, riskAdjusted: true)
        let verdict: Verdict
        if shared.outcome.blocked || !limit.fits || riskNPV <= 0 {
            verdict = .unsuitable
        } else {
            let needsLoan = context.money.capital.map { economics.investment(at: scale) - $0 > 0.5 && context.canBorrow } ?? false
            verdict = shared.outcome.mitigations.isEmpty && !needsLoan ? .recommended : .conditional
        }
        return Candidate(program: program, key: key, shared: shared, limit: limit, scale: scale, verdict: verdict, riskNPV: riskNPV,
                         npv: economics.npv(at: scale, hiredCost: hired, riskAdjusted: false),
                         income: economics.riskAdjustedIncome(at: scale, hiredCost: hired))
    }

    /// Orders candidates: suitable before unsuitable, then by the metric, then by risk-adjusted NPV, then
    /// by model id, so output is stable.
    private func rank(_ candidates: [Candidate], by rankBy: RankBy, _ context: HouseholdContext) -> [Candidate] {
        let keys = candidates.map { rankKey($0, rankBy, context) }
        return candidates.indices.sorted { Self.precedes(candidates[$0], keys[$0], candidates[$1], keys[$1]) }.map { candidates[$0] }
    }

    /// The ranking metric, smaller first.
    private func rankKey(_ c: Candidate, _ rankBy: RankBy, _ context: HouseholdContext) -> Double {
        switch rankBy {
        case .riskAdjustedNPV: return -c.riskNPV
        case .income: return -c.income
        case .npv: return -c.npv
        case .payback:
            let payback = Projection(economics: c.economics, scale: c.scale, resources: context.resources).household.paybackYear
            return Double(payback ?? 1_000)
        case .firstIncome: return Double(c.economics.firstRevenueYear ?? 1_000)
        }
    }

    /// True when `a` ranks before `b`.
    private static func precedes(_ a: Candidate, _ ka: Double, _ b: Candidate, _ kb: Double) -> Bool {
        let ua = a.verdict == .unsuitable, ub = b.verdict == .unsuitable
        if ua != ub { return !ua }
        if ka != kb { return ka < kb }
        if a.riskNPV != b.riskNPV { return a.riskNPV > b.riskNPV }
        return a.model.id < b.model.id
    }

    /// The full answer for a candidate: projection, reasons, figures per member and per labour day.
    private func advice(_ c: Candidate, _ context: HouseholdContext, trace: Bool) -> ModelAdvice {
        let model = c.model, household = context.household
        var reasons = RulePass.reasons(model, c.key, household)
        var resources = context.resources
        switch c.limit {
        case .fits: break
        case let .land(need):
            reasons.append(Reason(rule: "scale.land", effect: "unsuitable", detail: .landTooSmall(needM2: need, haveM2: household.landM2),
                                  observed: RulePass.observations([.landM2], household)))
        case let .capital(need, ceiling):
            reasons.append(Reason(rule: "scale.capital", effect: "unsuitable",
                                  detail: .capitalShort(needVND: need, haveVND: household.capitalVND ?? 0, loanCeilingVND: ceiling),
                                  observed: RulePass.observations([.capitalVND], household)))
            resources.capital = nil
        }
        let projection = Projection(economics: c.economics, scale: c.scale, resources: resources)
        if let loan = projection.loan, let programme = projection.programme {
            reasons.append(Reason(rule: "loan.needed", effect: "info", detail: .loanNeeded(amountVND: loan.amount, programme: programme.name), observed: []))
        }
        if household.capitalVND == nil {
            reasons.append(Reason(rule: "capital.unknown", effect: "info", detail: .capitalUnknown(needVND: projection.investment), observed: []))
        }
        if projection.hiredDays > 0.5 {
            reasons.append(Reason(rule: "labour.hired", effect: "warning", detail: .hiredLabour(days: projection.hiredDays, costVND: projection.hiredDays * resources.wage),
                                  observed: RulePass.observations([.labour], household)))
        }
        if !c.shared.outcome.blocked, c.limit.fits, projection.riskAdjustedNPV <= 0 {
            reasons.append(Reason(rule: "economics.npv", effect: "unsuitable", detail: .doesNotPay(npvVND: projection.riskAdjustedNPV, horizon: horizon), observed: []))
        }
        let perMonth = projection.riskAdjustedIncome / max(1, household.members) / 12
        var trials: [ScaleTrial] = []
        if trace, case let .fits(upper) = c.limit {
            trials = ScaleSearch(grid: c.program.grid, economics: c.economics, money: context.money, landM2: household.landM2).trials(upper: upper)
        }
        return ModelAdvice(
            model: model, verdict: c.verdict, scale: c.scale, areaM2: model.scale.areaM2(c.scale),
            units: model.scale.isUnits ? c.scale : nil, projection: projection, reasons: reasons,
            trace: trace ? RulePass.trace(model, context.facts, household) : [], trials: trials,
            incomePerMemberMonth: perMonth, abovePovertyLine: perMonth >= povertyLineMonth,
            incomePerLabourDay: projection.labourDays > 0 ? projection.riskAdjustedIncome / projection.labourDays : nil,
            economics: c.economics, hiredCost: projection.hiredDays * resources.wage)
    }
}

extension ScaleSearch.Limit {
    /// True when the model fits at some scale.
    var fits: Bool {
        if case .fits = self { return true }
        return false
    }
}
