/// Evaluates a household against every model of a rule set. Pure: values in, values out, no I/O.
public struct Evaluator: Sendable {
    /// The rule set evaluated against.
    public let ruleSet: RuleSet
    /// Each level fact's level ids and their positions on the scale.
    private let levelIndex: [[String: Double]]
    /// The models laid out for the hot loop.
    let compiled: [ModelProgram]
    /// The baseline model of each current-use level (by its position on the scale), laid out the same way.
    let baselines: [ModelProgram?]
    /// Settings the hot loop reads, as plain numbers (copying the settings per household would cost more
    /// than the evaluation).
    private let horizon: Int, discountRate: Double, workdays: Double
    /// The calendar year of year 0 (the investment), for the poverty line in force in the year compared.
    public let year: Int
    /// The poverty line (VND a person a month) in force in year 0, 1, … of the valuation period.
    private let povertyLines: [Double]
    /// How money, time and labour are valued, and the prices expected from ``year`` on.
    public let valuation: Valuation
    /// What a household must carry before a loan is recommended, when the rule set says.
    private let repayment: Repayment?
    /// The odds' draws and each model's deviations over them, shared by every household (and every copy).
    private let odds: OddsCache
    /// The facts that decide a batch answer: every fact but those no condition of the rule set reads and
    /// that only divide the income (members, other income), which ``answer(_:rankBy:plans:cache:)`` applies
    /// afresh to a remembered answer — unless the rule set constrains loans by what a household can carry
    /// (``Repayment``), which reads both.
    let deciding: FactMask
    /// The facts that decide an answer when the household lives on nothing but what the plan brings (no other
    /// income, a current use with no baseline): then what it keeps to live on is nothing, and members and other
    /// income only divide the income again, as without the repayment constraint.
    let decidingWithoutLiving: FactMask

    /// Creates an evaluator.
    /// - Parameter year: the calendar year of year 0 (the year of "today"); by default the year the rule
    ///   set takes effect.
    public init(ruleSet: RuleSet, year: Int? = nil) {
        let start = year ?? Int(ruleSet.settings.ruleset.effective.prefix(4)) ?? 2026
        self.year = start
        povertyLines = (0...UnitEconomics.maxYears).map { ruleSet.settings.povertyLineMonth(inYear: start + $0) }
        self.ruleSet = ruleSet
        let scales = ruleSet.settings.scales
        levelIndex = HouseholdFact.allCases.map { fact in
            let levels = fact.scale.flatMap { scales[$0]?.levels } ?? []
            return Dictionary(levels.enumerated().map { ($0.element.id, Double($0.offset)) }, uniquingKeysWith: { a, _ in a })
        }
        compiled = ruleSet.models.map(ModelProgram.init)
        baselines = (scales["current_use"]?.levels ?? []).map { level in ruleSet.baseline(forCurrentUse: level.id).map(ModelProgram.init) }
        let settings = ruleSet.settings
        horizon = settings.horizonYears
        discountRate = settings.discountRate.value
        workdays = settings.workdaysPerWorker.value
        valuation = settings.valuation(startYear: start)
        repayment = settings.repayment
        let markets = MarketModel(markets: settings.markets, correlations: settings.marketCorrelations, startYear: start)
            ?? MarketModel(markets: settings.markets, correlations: [], startYear: start)!
        let models = ruleSet.models + (scales["current_use"]?.levels ?? []).compactMap { ruleSet.baseline(forCurrentUse: $0.id) }
        odds = OddsCache(markets: markets, hazards: DrawBank.hazards(of: models),
                         years: models.map { UnitEconomics.extent(of: $0, horizon: settings.horizonYears) }.max() ?? 1)
        let conditions = models.flatMap { m in m.rules.map(\.condition) + m.investment.compactMap(\.when) + m.operatingCosts.compactMap(\.when) }
            + settings.loanProgrammes.compactMap(\.eligibility.when) + settings.grants.compactMap(\.eligibility.when)
        let read = conditions.reduce(FactMask(0)) { $0 | $1.required }
        let dividing = FactMask(1) << FactMask(HouseholdFact.members.rawValue) | FactMask(1) << FactMask(HouseholdFact.otherIncomeVND.rawValue)
        // With the repayment constraint, members (what the household keeps to live on) and other income (what
        // pays instalments beside the farm) decide which loan it can carry: every fact decides.
        decidingWithoutLiving = ~(dividing & ~read)
        deciding = settings.repayment == nil ? decidingWithoutLiving : ~FactMask(0)
    }

    /// Every model for the household, ranked, with reasons (and the rule trace when asked for).
    /// - Complexity: O(models × (rules + scenarios × horizon)).
    /// - Parameters:
    ///   - plans: also search for the best whole-farm plan (combinations of models).
    ///   - changes: for every unsuitable option, find what would have to change (``whatWouldChange(_:for:)``).
    ///   - odds: simulate the odds of every option and the plan (needed to rank by ``RankBy/downside``; when
    ///     that is asked without odds, 1,000 draws from seed 1 are made).
    public func advise(_ household: Household, rankBy: RankBy = .gain, trace: Bool = false, plans: Bool = false,
                       planOptions: PlanOptions = PlanOptions(), changes: Bool = false, odds: RiskSimulation.Options? = nil,
                       cache: EvaluationCache? = nil) -> Advice {
        let settings = ruleSet.settings
        let context = context(household, cache: cache)
        var candidates = ruleSet.models.indices.map { candidate($0, context, cache: cache) }
        let oddsOptions = odds ?? defaultOdds(rankBy)
        let simulation = simulate(&candidates, context, oddsOptions)
        let ranked = rank(candidates, by: rankBy, context)
        var options = ranked.map { advice($0, context, trace: trace) }
        if changes {
            let shared = cache ?? EvaluationCache()
            for i in options.indices where options[i].verdict != .recommended {
                let index = compiled.firstIndex { $0 === ranked[i].program }
                options[i].whatWouldChange = whatWouldChange(ranked[i].program, index: index, for: household, cache: shared)
            }
        }
        var plan = plans ? plan(candidates, context, planOptions) : nil
        if let p = plan { plan?.risk = simulation?.profile(p.projection, context, landM2: p.landM2) }
        return Advice(ruleset: settings.ruleset, overrides: ruleSet.overrides, household: household, rankBy: rankBy,
                      horizon: settings.horizonYears, discountRate: settings.discountRate.value,
                      povertyLineMonth: povertyLines[0], povertyLineYear: year, options: options,
                      plan: plan, planSearched: plans,
                      baseline: ruleSet.baseline(forCurrentUse: household.currentUse), odds: oddsOptions, stale: ruleSet.stale)
    }

    /// The odds made when none are asked for: 1,000 draws from seed 1 when the ranking needs them.
    private func defaultOdds(_ rankBy: RankBy) -> RiskSimulation.Options? {
        rankBy == .downside ? RiskSimulation.Options() : nil
    }

    /// Draws the odds for a household's candidates and gives each its profile; nil without options. An
    /// option a rule rules out, or that the land or money cannot reach, has no odds (there is nothing to
    /// do); one that does not pay has them (how often it would).
    private func simulate(_ candidates: inout [Candidate], _ context: HouseholdContext, _ options: RiskSimulation.Options?) -> RiskSimulation? {
        guard let options else { return nil }
        let open = candidates.indices.filter { !candidates[$0].shared.outcome.blocked && candidates[$0].limit.fits }
        let simulation = self.simulation(options, economics: open.map { candidates[$0].economics }, baseline: context.baseline)
        for i in open {
            let c = candidates[i]
            candidates[i].risk = simulation.profile(projection(c, context), context, landM2: c.landM2)
        }
        return simulation
    }

    /// A simulation over the rule set's bank of draws, each model's deviations kept across households.
    func simulation(_ options: RiskSimulation.Options, economics: [UnitEconomics], baseline: UnitEconomics?) -> RiskSimulation {
        let bank = odds.bank(options)
        return RiskSimulation(bank: bank, economics: economics, baseline: baseline) { e, cumulative in
            odds.deviation(e, cumulative: cumulative, bank: bank)
        }
    }

    /// The best whole-farm plan for a household, or nil when nothing pays (give a batch worker's cache to
    /// share the models' economics between households with the same rule outcomes).
    public func plan(_ household: Household, options: PlanOptions = PlanOptions(), cache: EvaluationCache? = nil) -> Plan? {
        let context = context(household, cache: cache)
        return plan(ruleSet.models.indices.map { candidate($0, context, cache: cache, repaid: false) }, context, options)
    }

    /// The best plan the household can carry: the best plan, and when the household could not carry its loan,
    /// the best plan it carries under a smaller loan or on less of its land
    /// (``bestCarried(asked:landM2:above:_:carried:value:uses:)``) — searched again as a household with less
    /// savings would (each rung of ``capitalLadder`` below its own), with the rest of its savings kept as its
    /// cushion — with a note saying so.
    ///
    /// A household with more savings so tries every search one with less does (at the ladder's rungs), and
    /// carries at least what that one carries: the same plan, with less borrowed and more kept.
    /// - Parameter notes: false when the caller reads only the plan's figures and verdict (a batch row, the
    ///   ward): the notes, phrases in both languages, are then not written.
    func plan(_ candidates: [Candidate], _ context: HouseholdContext, _ options: PlanOptions, notes: Bool = true) -> Plan? {
        let planner = planner(candidates, context, options)
        let prepared = planner.prepare()
        func draft(_ options: PlanOptions) -> PlanDraft? { self.draft(planner, prepared, candidates, context, options) }
        guard let first = draft(options) else { return nil }
        let carried = { (d: PlanDraft) in self.carries(d.projection, context, landM2: d.landM2) }
        // A plan is unsuitable only when the household cannot carry its loan.
        let carriesFirst = carried(first)
        guard repayment != nil, let asked = first.projection.loanTotal, !carriesFirst else {
            return finish(first, carried: carriesFirst, candidates, context, notes: notes)
        }
        let missed = missedInstalments(first.projection, context, landM2: first.landM2)
        let land = min(context.household.landM2, options.maxLandM2 ?? .infinity)
        /// The best carried plan investing at most `own` of the household's capital, whose best plan `top` is not
        /// carried, when one is worth more than `floor`.
        func search(_ top: PlanDraft, own: Double?, above floor: Double = -.infinity) -> PlanDraft? {
            let loan = top.projection.loanTotal ?? 0
            var capped = options
            capped.maxOwnCapitalVND = own
            return bestCarried(asked: loan, landM2: land, above: floor) { cap, size -> PlanDraft? in
                if cap == loan && size == land { return top }
                capped.maxLoanVND = cap
                capped.maxLandM2 = size
                return draft(capped)
            } carried: { carried($0) } value: { $0.projection.gainNPV } uses: { $0.landM2 }
        }
        var best = search(first, own: nil)
        let savings = min(context.household.capitalVND ?? 0, options.maxOwnCapitalVND ?? .infinity)
        for rung in Self.capitalLadder.reversed() where rung < savings {
            var less = options
            less.maxOwnCapitalVND = rung
            // Less savings never widen the choice: once a rung's best plan is worth no more, the lower ones are not.
            guard let top = draft(less),
                  top.projection.gainNPV > (best?.projection.gainNPV ?? -.infinity) + 0.5 else { break }
            if carried(top) {
                best = top
                break
            }
            if let found = search(top, own: rung, above: best?.projection.gainNPV ?? -.infinity) { best = found }
        }
        guard let best else { return nil }
        var plan = finish(best, carried: true, candidates, context, notes: notes)
        guard notes else { return plan }
        let refused = Reason.Detail.loanLimited(allowedVND: plan.projection.loanTotal ?? 0, askedVND: asked, missed: missed)
        plan.notes.insert(LocalizedText { Catalogue.reason(refused, $0) }, at: 0)
        return plan
    }

    /// A plan as the planner finds it, before its verdict and notes: what the search for a plan the household
    /// carries compares (its value is cheap; whether it is carried takes the draws).
    struct PlanDraft {
        var components: [Plan.Component]
        var projection: Projection
        var landM2: Double
        var hasMitigation: Bool
        /// The money it was planned within.
        var money: ScaleSearch.Money
    }

    /// The planner of a household's drafts within `options`, its money and land uncapped: the models, grids,
    /// economics and conditions no draft changes (``draft(_:_:_:_:_:)`` sets the money and the land).
    private func planner(_ candidates: [Candidate], _ context: HouseholdContext, _ options: PlanOptions) -> Planner {
        let economics = candidates.map(\.economics)
        var planner = Planner(models: candidates.map(\.model), grids: candidates.map(\.grid), economics: economics, usable: candidates.map { !$0.shared.outcome.blocked && options.onlyModels?.contains($0.model.id) != false },
                              baselinePerM2: candidates.map { context.baselineValue(perM2For: $0.economics) },
                              combinations: ruleSet.combinations, money: context.money, landM2: context.household.landM2,
                              annuity: economics.first?.annuity ?? 0)
        planner.constraints.firstIncomeYear = options.firstIncomeWithinMonths.map { max(1, ($0 + 11) / 12) }
        if let by = options.abovePovertyByYear {
            planner.constraints.povertyYear = by
            // The farm must earn what the household's other income does not (the current use of land the
            // plan leaves is not counted: the condition errs on the safe side).
            planner.constraints.neededCash = context.household.members * ruleSet.settings.povertyLineMonth(inYear: year + by) * 12
                - context.household.otherIncomeVND
        }
        return planner
    }

    /// The best plan within `options`, its loan unchecked against what the household can carry: `planner` (made
    /// by ``planner(_:_:_:)`` for the household under the same models and conditions) with the money and land of
    /// `options`.
    /// - Parameter prepared: the planner's items and subsets (``Planner/prepare()``), the same for every draft.
    private func draft(_ base: Planner, _ prepared: Planner.Prepared, _ candidates: [Candidate], _ context: HouseholdContext,
                       _ options: PlanOptions) -> PlanDraft? {
        let economics = base.economics
        let withheld = max(0, (context.household.capitalVND ?? 0) - (options.maxOwnCapitalVND ?? .infinity))
        func capped(_ money: ScaleSearch.Money) -> ScaleSearch.Money { money.capped(loan: options.maxLoanVND, withheld: withheld) }
        let money = capped(context.money)
        var planner = base
        planner.money = money
        planner.landM2 = min(context.household.landM2, options.maxLandM2 ?? .infinity)
        let mixed = ScaleSearch.Money(context.resources, models: nil, role: nil)
        planner.mixedMoney = capped(mixed)
        // By index: a candidate copied would count references to its whole model.
        for i in candidates.indices where candidates[i].model.role == .pathway {
            planner.pathwayMoney[i] = capped(context.money(for: candidates[i].model))
            if let workerLoan = context.resources.workerProgramme(for: [candidates[i].model.id]) {
                var beside = mixed
                beside.loanCeiling += min(workerLoan.ceiling.value, economics[i].investment(at: candidates[i].grid.maximum))
                planner.mixedMoneyBeside[i] = capped(beside)
            }
        }
        guard let (items, xs, _) = planner.best(prepared) else { return nil }
        var components: [Plan.Component] = []
        var parts: [Projection.Part] = []
        var hasMitigation = false
        for (item, x) in zip(items, xs) {
            let scales = item.shares.map { $0 * x }
            components.append(Plan.Component(models: item.models.map { candidates[$0].model }, scales: scales, intercrop: item.intercrop,
                                             landM2: item.landPerX * x, investments: zip(item.models, scales).map { economics[$0].investment(at: $1) }))
            // An intercrop's models share its land: the current use is given up once, over the longest of
            // their valuation periods (as the planner values it).
            let carrier = item.models.max { economics[$0].extent < economics[$1].extent }
            parts += zip(item.models, scales).map { model, scale in
                context.part(economics[model], scale: scale, landM2: model == carrier ? item.landPerX * x : 0)
            }
            hasMitigation = hasMitigation || item.models.contains { !candidates[$0].shared.outcome.mitigations.isEmpty }
        }
        let projection = Projection(parts: parts, resources: context.resources, ceiling: options.maxLoanVND)
        return PlanDraft(components: components, projection: projection, landM2: components.reduce(0) { $0 + $1.landM2 },
                         hasMitigation: hasMitigation, money: money)
    }

    /// A draft made a plan: its verdict (unsuitable when the household does not carry its loan) and, with
    /// `notes`, its notes.
    private func finish(_ d: PlanDraft, carried: Bool, _ candidates: [Candidate], _ context: HouseholdContext, notes explained: Bool) -> Plan {
        let verdict: Verdict = !carried ? .unsuitable
            : (d.hasMitigation || d.projection.loan != nil || TippingPoint.exist(parts: d.projection.parts, gain: d.projection.gainNPV) ? .conditional : .recommended)
        guard explained else { return Plan(components: d.components, projection: d.projection, verdict: verdict, notes: []) }
        let tipping = d.projection.tippingPoints
        var notes = d.components.compactMap { $0.intercrop?.message }
        let ids = Set(d.components.flatMap { $0.models.map(\.id) })
        notes += ruleSet.combinations.separate.filter { $0.models.allSatisfy(ids.contains) }.map(\.message)
        if verdict != .unsuitable, let first = tipping.first { notes.append(LocalizedText { Catalogue.reason(.tippingPoint(first), $0) }) }
        if let note = restOfTheLand(d.components, d.projection, candidates, context, d.money) { notes.append(note) }
        return Plan(components: d.components, projection: d.projection, verdict: verdict, notes: notes)
    }

    /// What happens to the land a plan leaves: it keeps its current use; or, on bare land, why it stays
    /// empty — the money (own capital and the loan together) runs out before any model with a gain could
    /// take more, or more land would not add value (hired labour, the models' largest scales, the number
    /// of components).
    private func restOfTheLand(_ components: [Plan.Component], _ projection: Projection, _ candidates: [Candidate],
                               _ context: HouseholdContext, _ money: ScaleSearch.Money) -> LocalizedText? {
        let rest = context.household.landM2 - components.reduce(0) { $0 + $1.landM2 }
        guard rest >= 1 else { return nil }
        let area = { (language: Language) in NumberFormat.grouped(rest, language) }
        if let baseline = ruleSet.baseline(forCurrentUse: context.household.currentUse) {
            return LocalizedText { Catalogue.format(.noteKeepRest, $0, area($0), baseline.name($0)) }
        }
        let inPlan = Set(components.flatMap { $0.models.map(\.id) })
        // The least money that would put a model with a gain on more of the land.
        let cheapest = candidates.filter { $0.gain > 0 }.map { c in
            inPlan.contains(c.model.id) ? c.economics.investPerScale * c.grid.step : c.economics.investment(at: c.grid.minimum)
        }.min()
        let spare = money.capital.map { $0 + money.loanCeiling - projection.investment }
        let key: Catalogue.Key = spare.map { s in cheapest.map { s < $0 } ?? false } ?? false ? .noteIdleCapital : .noteIdleValue
        return LocalizedText { Catalogue.format(key, $0, area($0)) }
    }

    /// The figures of the best option only — what a batch needs — from the closed forms, without reasons
    /// or itemisation. Returns the first-ranked option even when every model is unsuitable.
    /// Ranking by ``RankBy/downside`` simulates the odds of every model (1,000 draws, seed 1).
    public func bestOption(_ household: Household, rankBy: RankBy = .gain, cache: EvaluationCache? = nil) -> OptionSummary? {
        let context = context(household, cache: cache)
        return bestCandidate(context, rankBy: rankBy, cache: cache).map { summary($0, context).row(for: household) }
    }

    /// The first-ranked candidate, even when every model is unsuitable.
    /// Without odds to rank by, the candidates are made one at a time and only the best is kept (a batch's
    /// hot loop: no array of candidates a row).
    func bestCandidate(_ context: HouseholdContext, rankBy: RankBy, cache: EvaluationCache?) -> Candidate? {
        var best: (candidate: Candidate, key: Double)?
        func consider(_ c: Candidate) {
            let k = rankKey(c, rankBy, context)
            if let b = best, !Self.precedes(c, k, b.candidate, b.key) { return }
            best = (c, k)
        }
        if let odds = defaultOdds(rankBy) {
            var candidates = compiled.indices.map { candidate($0, context, cache: cache) }
            _ = simulate(&candidates, context, odds)
            candidates.forEach(consider)
        } else {
            for index in compiled.indices {
                // Holding a model to the loan the household carries only lowers its gain (a smaller scale) or
                // makes it unsuitable: when the model cannot beat the best so far without that check, it
                // cannot with it, and the odds need not be drawn for it.
                if rankBy == .gain, let b = best {
                    let loose = candidate(index, context, cache: cache, repaid: false)
                    guard Self.precedes(loose, rankKey(loose, rankBy, context), b.candidate, b.key) else { continue }
                }
                consider(candidate(index, context, cache: cache))
            }
        }
        return best?.candidate
    }

    /// A batch row before the household's members and other income are applied: the figures, and what
    /// income per member is computed from (as ``HouseholdContext/perMember(income:landM2:matureYear:)``
    /// does).
    struct RowAnswer {
        var summary: OptionSummary
        var perMember: PerMember

        /// What income per member is computed from: the yearly income, the land it takes, what the current
        /// use earns per m² of the rest, and the poverty line in force in the first year at full yield.
        struct PerMember {
            var income: Double, landM2: Double, keepingPerM2: Double
            var line: Double

            /// Income per member per month of a household of `members` with `otherIncome` a year beside the
            /// farm, on `landM2`.
            func perMonth(members: Double, otherIncome: Double, landM2 household: Double) -> Double {
                let beside = Household.besideFarm(otherIncome: otherIncome, landM2: household, keepingPerM2: keepingPerM2, convertedM2: landM2)
                return Household.incomePerMember(income + beside, members: members)
            }
        }

        init(summary: OptionSummary, context: HouseholdContext, income: Double, landM2: Double, matureYear: Int) {
            self.summary = summary
            perMember = PerMember(income: income, landM2: landM2, keepingPerM2: context.baseline?.keepingIncome ?? 0,
                                  line: context.perMember(income: income, landM2: landM2, matureYear: matureYear).line)
        }

        /// The row for a household with these deciding facts: income per member, against the line.
        func row(for household: Household) -> OptionSummary {
            var row = summary
            row.incomePerMemberMonth = perMember.perMonth(members: household.members, otherIncome: household.otherIncomeVND, landM2: household.landM2)
            row.abovePovertyLine = row.incomePerMemberMonth >= perMember.line
            return row
        }
    }

    func summary(_ c: Candidate, _ context: HouseholdContext) -> RowAnswer {
        let e = c.economics
        var resources = context.resources
        if case .capital = c.limit { resources.capital = nil }
        let financing = Projection.financing(investment: e.investment(at: c.scale), models: [e.modelID], role: e.role, resources, ceiling: c.loanCap,
                                             firstIncome: e.firstRevenueYear)
        let labour = resources.labour(e.labour(at: c.scale))
        let flow = Projection.householdFlow(e.projectFlow(at: c.scale, scenario: .base, riskAdjusted: true), hiredCost: labour.hiredCost,
                                            loans: financing.schedules, grant: financing.grantAmount)
        let income = e.riskAdjustedIncome(at: c.scale, hiredCost: labour.hiredCost)
        let grid = c.grid
        let row = OptionSummary(
            model: c.program.model.id, verdict: c.verdict, areaM2: c.scale * grid.areaPerScale, units: grid.isUnits ? c.scale : nil,
            investment: e.investment(at: c.scale), programme: financing.programme?.id, loan: financing.loan?.amount,
            annualNetIncome: e.annualNetIncome(at: c.scale, hiredCost: labour.hiredCost), riskAdjustedIncome: income,
            npv: c.npv, riskAdjustedNPV: c.riskNPV, gainNPV: c.gain, paybackYear: CashFlowMetrics(flow, discountRate: discountRate).paybackYear,
            firstIncomeYear: e.firstRevenueYear, incomePerMemberMonth: 0, abovePovertyLine: false)
        return RowAnswer(summary: row, context: context, income: income, landM2: c.scale * grid.areaPerScale, matureYear: e.matureYear)
    }

    /// A plan's figures as a batch row: income per member with the household's other income and the
    /// current use of the land the plan leaves, against the poverty line when the plan is at full yield.
    public func summary(_ plan: Plan, _ household: Household) -> OptionSummary {
        let context = context(household, cache: nil)
        return summary(plan, context).row(for: household)
    }

    func summary(_ plan: Plan, _ context: HouseholdContext) -> RowAnswer {
        let matureYear = min(horizon, plan.projection.parts.map(\.economics.matureYear).max() ?? 1)
        return RowAnswer(summary: OptionSummary(plan, incomePerMemberMonth: 0, abovePovertyLine: false), context: context,
                         income: plan.riskAdjustedIncome, landM2: plan.landM2, matureYear: matureYear)
    }

    /// One model for the household.
    public func evaluate(_ model: FarmModel, for household: Household, trace: Bool = false) -> ModelAdvice {
        let context = context(household, cache: nil)
        return advice(candidate(ModelProgram(model), index: nil, context, cache: nil), context, trace: trace)
    }

    /// A compiled model's advice, its economics shared through `cache` when it is the rule set's model `index`.
    func evaluate(_ program: ModelProgram, index: Int?, for household: Household, cache: EvaluationCache?) -> ModelAdvice {
        let context = context(household, cache: cache)
        return advice(candidate(program, index: index, context, cache: index == nil ? nil : cache), context, trace: false)
    }

    /// Only the verdict as far as the household can change it (what a search over changed households asks): an
    /// option held back by nothing but a price it cannot change (``TippingPoint``) counts as recommended.
    func verdict(_ program: ModelProgram, index: Int?, for household: Household, cache: EvaluationCache?) -> Verdict {
        let c = candidate(program, index: index, context(household, cache: cache), cache: cache)
        return c.verdict == .conditional && c.shared.outcome.mitigations.isEmpty && !c.needsLoan ? .recommended : c.verdict
    }

    /// What every model's evaluation of one household shares.
    struct HouseholdContext {
        let household: Household
        let facts: DenseFacts
        let resources: Projection.Resources
        let money: ScaleSearch.Money
        /// The economics (per m²) of keeping the current use, when it has a baseline model.
        let baseline: UnitEconomics?
        /// The calendar year of year 0.
        let year: Int
        /// The poverty line in force in year 0, 1, …, ``UnitEconomics/maxYears`` (VND a person a month).
        let povertyLines: [Double]
        /// The share of the poverty line the household keeps for its living before it pays an instalment
        /// (``Repayment/livingReserve``); nil when the rule set does not constrain loans (the farm's cash
        /// alone then pays them).
        let livingReserve: Double?

        /// What the household pays a projection's instalments from beside the projection's own cash: its
        /// capital left after the investment, and each year what it earns beside the land the projection
        /// takes (other income, the current use of the rest) less what it keeps for its living — the poverty
        /// line per member at ``livingReserve``, or what it earns now when that is less.
        func budget(_ p: Projection, landM2: Double) -> InstalmentBudget {
            let cushion = max(0, (household.capitalVND ?? 0) + (p.riskAdjustedCashFlow.first ?? 0))
            guard let reserve = livingReserve else { return InstalmentBudget(cushion: cushion) }
            let beside = besideFarm(landM2: landM2), now = besideFarm(landM2: 0)
            let spare = (1..<max(1, p.riskAdjustedCashFlow.count)).map { t in
                beside - min(now, household.members * povertyLineMonth(inYear: year + t) * 12 * reserve)
            }
            return InstalmentBudget(cushion: cushion, spare: spare)
        }

        /// The poverty line in force in a calendar year of the projection (year 0 to its last year; a year
        /// outside them takes the nearest). The context holds no copy of the settings: it is made for every
        /// household of a batch.
        func povertyLineMonth(inYear y: Int) -> Double {
            povertyLines[min(max(0, y - year), povertyLines.count - 1)]
        }
        /// The money the household has for these models: own capital with any grant, and the largest loan.
        func money(for model: FarmModel) -> ScaleSearch.Money { ScaleSearch.Money(resources, models: [model.id], role: model.role) }

        /// What the household earns a year beside a conversion on `landM2` of its land: its other income and
        /// the current use of the land the conversion leaves (risk-adjusted, at maturity).
        func besideFarm(landM2: Double) -> Double { household.besideFarm(keepingPerM2: baseline?.keepingIncome ?? 0, convertedM2: landM2) }

        /// Income per member per month from a conversion's yearly income on `landM2`, with what the household
        /// earns beside it; the poverty line in force when it is compared (the first year at full yield).
        func perMember(income: Double, landM2: Double, matureYear: Int) -> (perMonth: Double, year: Int, line: Double) {
            (household.incomePerMember(income + besideFarm(landM2: landM2)), year + matureYear, povertyLineMonth(inYear: year + matureYear))
        }

        /// What keeping the current use is worth per m² over the valuation period of a model.
        func baselineValue(perM2For e: UnitEconomics) -> Double { baseline?.keepingValue(years: e.extent) ?? 0 }

        /// A model at a scale on `landM2` of the household's land, with the current use it gives up there.
        func part(_ e: UnitEconomics, scale: Double, landM2: Double) -> Projection.Part {
            Projection.Part(economics: e, scale: scale, baseline: baseline, baselineAreaM2: landM2)
        }
    }

    /// The household's facts as numbers (levels by their position on their scale).
    func facts(_ h: Household) -> DenseFacts {
        var values = [Double](repeating: 0, count: HouseholdFact.allCases.count)
        var known: FactMask = 0
        for fact in HouseholdFact.allCases {
            let v = fact.scale == nil ? h.number(fact) : h.level(fact).flatMap { levelIndex[fact.rawValue][$0] }
            values[fact.rawValue] = v ?? 0
            if v != nil { known |= 1 << FactMask(fact.rawValue) }
        }
        return DenseFacts(values: values, known: known)
    }

    func context(_ h: Household, facts given: DenseFacts? = nil, cache: EvaluationCache?) -> HouseholdContext {
        let facts = given ?? facts(h)
        let values = facts.values, known = facts.known
        let settings = ruleSet.settings
        let resources = Projection.Resources(capital: h.capitalVND, loans: settings.loans(category: h.loanCategory, facts: facts),
                                             grants: settings.grants(category: h.loanCategory, facts: facts), familyDays: h.labour * workdays, valuation: valuation)
        let use = Int(values[HouseholdFact.currentUse.rawValue])
        let baseline = (known & 1 << FactMask(HouseholdFact.currentUse.rawValue) != 0 && use < baselines.count ? baselines[use] : nil).map { program in
            shared(program, index: compiled.count + use, facts, cache: cache).1.economics
        }
        return HouseholdContext(household: h, facts: facts, resources: resources, money: ScaleSearch.Money(resources, models: nil), baseline: baseline,
                                year: year, povertyLines: povertyLines, livingReserve: repayment?.livingReserve.value)
    }

    /// A model's rule outcome and economics for a household's facts, from the cache when one is given.
    private func shared(_ program: ModelProgram, index: Int?, _ facts: DenseFacts, cache: EvaluationCache?) -> (RuleOutcome.Key, OutcomeEconomics) {
        let key = RuleOutcome.key(program, facts)
        let valuation = self.valuation
        let make = { OutcomeEconomics(program.model, key: key, valuation: valuation) }
        if let cache, let index { return (key, cache.lookup(model: index, key: key, make: make)) }
        return (key, make())
    }

    /// A model evaluated as far as ranking needs.
    struct Candidate {
        var program: ModelProgram
        /// Its scales for this household (``grid(_:_:)``).
        var grid: ScaleGrid
        var model: FarmModel { program.model }
        var key: RuleOutcome.Key
        var shared: OutcomeEconomics
        var limit: ScaleSearch.Limit
        var scale: Double
        var verdict: Verdict
        var riskNPV: Double
        var npv: Double
        var income: Double
        /// Risk-adjusted NPV over keeping the current use on the land taken.
        var gain: Double
        /// True when its scale needs a loan.
        var needsLoan = false
        /// The most it may borrow, when the household could not carry a larger loan.
        var loanCap: Double?
        /// The loan the household could not carry, when it was limited.
        var loanRefused: LoanRefused?
        /// The odds, when simulated.
        var risk: RiskProfile?
        var economics: UnitEconomics { shared.economics }
        /// The land its scale takes, m².
        var landM2: Double { grid.areaPerScale * scale }
    }

    /// A loan the household could not carry, and how often it would miss an instalment.
    struct LoanRefused {
        var askedVND: Double
        var missed: Double
    }

    /// - Parameter repaid: hold the scale to a loan the household carries (an option's own answer); the plan
    ///   search, which only reads a candidate's economics and grid, checks its plans itself.
    func candidate(_ index: Int, _ context: HouseholdContext, cache: EvaluationCache?, repaid: Bool = true) -> Candidate {
        repaid ? candidate(compiled[index], index: index, context, cache: cache)
            : candidate(compiled[index], shared(compiled[index], index: index, context.facts, cache: cache), context)
    }

    func candidate(_ program: ModelProgram, index: Int?, _ context: HouseholdContext, cache: EvaluationCache?) -> Candidate {
        // The rule outcome and economics once: every scale tried below shares them (and their odds' deviations).
        let outcome = self.shared(program, index: index, context.facts, cache: cache)
        let first = candidate(program, outcome, context)
        guard repayment != nil, first.needsLoan else { return first }
        let asking = projection(first, context)
        guard let asked = asking.loanTotal, !carries(asking, context, landM2: first.landM2) else { return first }
        // The household cannot carry the loan: the largest scale on the grid, up to the one chosen, whose loan
        // it carries (found by bisection: a smaller scale borrows less). None: no loan at all.
        let grid = first.grid
        let steps = Int(((first.scale - grid.minimum) / grid.step).rounded())
        let at = { (k: Int) in self.candidate(program, outcome, context, upper: grid.minimum + Double(k) * grid.step) }
        let carried = { (c: Candidate) in !c.needsLoan || self.carries(self.projection(c, context), context, landM2: c.landM2) }
        var limited: Candidate
        let lowest = at(0)
        if !carried(lowest) {
            limited = candidate(program, outcome, context, loanCap: 0)
        } else {
            var (low, high) = (0, steps)
            limited = lowest
            while high - low > 1 {
                let mid = (low + high) / 2
                let c = at(mid)
                if carried(c) { (low, limited) = (mid, c) } else { high = mid }
            }
        }
        limited.loanRefused = LoanRefused(askedVND: asked, missed: missedInstalments(asking, context, landM2: first.landM2))
        return limited
    }

    /// A model at its best scale within the household's land and money — its loan at most `loanCap`, its
    /// scale at most `upper`, when given.
    private func candidate(_ program: ModelProgram, _ outcome: (RuleOutcome.Key, OutcomeEconomics), _ context: HouseholdContext,
                           loanCap: Double? = nil, upper cap: Double = .infinity) -> Candidate {
        let (key, shared) = outcome
        let economics = shared.economics
        var money = context.money(for: program.model)
        if let loanCap { money.loanCeiling = min(money.loanCeiling, loanCap) }
        let grid = self.grid(program, context.household)
        let search = self.search(program, grid, economics, context, money: money)
        let baselinePerScale = search.baselinePerScale
        let limit = search.limit()
        var scale = grid.minimum
        if case let .fits(upper) = limit { scale = search.best(upper: min(upper, cap)) }
        let labour = context.resources.labour(economics.labour(at: scale))
        let riskNPV = money.npv(economics, at: scale, riskAdjusted: true)
        let gain = riskNPV - baselinePerScale * scale
        let needsLoan = money.capital.map { economics.investment(at: scale) - $0 > 0.5 && money.loanCeiling > 0 } ?? false
        let verdict: Verdict
        if shared.outcome.blocked || !limit.fits || gain <= 0 {
            verdict = .unsuitable
        } else {
            let plain = shared.outcome.mitigations.isEmpty && !needsLoan
            // A gain that a price inside its sourced range would undo is at most conditional.
            verdict = plain && !TippingPoint.exist(parts: [context.part(economics, scale: scale, landM2: grid.areaPerScale * scale)], gain: gain)
                ? .recommended : .conditional
        }
        return Candidate(program: program, grid: grid, key: key, shared: shared, limit: limit, scale: scale, verdict: verdict,
                         riskNPV: riskNPV, npv: money.npv(economics, at: scale, riskAdjusted: false),
                         income: economics.riskAdjustedIncome(at: scale, hiredCost: labour.hiredCost), gain: gain,
                         needsLoan: needsLoan && limit.fits, loanCap: loanCap)
    }

    /// The draws the repayment constraint is judged on, whatever odds an output shows, so that every door
    /// (advice, batch, ward, server) recommends the same plan.
    static let repaymentOdds = RiskSimulation.Options()
    /// The precision of the search for the largest loan a household can carry, VND.
    static let loanStep = 1_000_000.0

    /// The share of the futures (``repaymentOdds``) in which the household misses an instalment of a
    /// projection on `landM2` of its land; 0 without a loan.
    /// - Parameter above: stop counting once the share is surely above this.
    func missedInstalments(_ p: Projection, _ context: HouseholdContext, landM2: Double, above: Double = 1) -> Double {
        guard p.loan != nil else { return 0 }
        let bank = odds.bank(Self.repaymentOdds)
        return RiskSimulation.missedInstalmentShare(p, budget: context.budget(p, landM2: landM2), draws: bank.options.draws, above: above) { e in
            odds.deviation(e, cumulative: false, bank: bank).cash
        }
    }

    /// True when the household can carry a projection's loan: it misses an instalment in no more futures than
    /// the rule set allows (``Repayment``); without that setting, when the farm earns its instalments over
    /// the loan's term.
    func carries(_ p: Projection, _ context: HouseholdContext, landM2: Double) -> Bool {
        guard let repayment else { return p.loanServiceable }
        let most = repayment.maxMissedInstalmentProbability.value
        return missedInstalments(p, context, landM2: landM2, above: most) <= most + 1e-9
    }

    /// The loan caps the plan search tries when the household cannot carry the loan asked: fixed amounts (VND),
    /// the same for every household, so that a household with more land or money tries the same caps.
    static let loanLadder: [Double] = [0, 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300].map { $0 * 1_000_000 }

    /// The savings (VND) a plan is searched again as if the household had, when it cannot carry the loan asked:
    /// fixed amounts, the same for every household (as ``loanLadder``).
    static let capitalLadder: [Double] = [0, 10, 20, 50, 100, 200, 500, 1_000, 2_000].map { $0 * 1_000_000 }

    /// Land sizes (m²) a plan is tried on when the household cannot carry the plan of all its land: fixed round
    /// sizes, the same for every household (as ``loanLadder``), so that more land only adds sizes to try. 0 leaves
    /// the pathways (work that takes no land).
    static let landLadder: [Double] = [0, 300, 500, 800, 1_000, 1_500, 2_000, 3_000, 5_000, 7_000, 10_000, 15_000, 20_000, 30_000, 50_000]

    /// The best result the household carries among those `make(loan, land)` gives: every loan cap of ``loanLadder``
    /// below `asked` (and `asked` itself) on the whole land `landM2` and on each size of ``landLadder`` below it,
    /// then a bisection (to ``loanStep``) of the best's loan between its cap and the next, on its land. Nil when
    /// nothing is carried (no loan is, when anything pays without one).
    ///
    /// `make` only widens its choice with a larger cap or more land, so its `value` never falls. The whole land is
    /// tried first, from the largest loan down to the first carried (the loans below it are worth no more); then,
    /// under each larger loan, the sizes from the top down to the first carried (the best of the smaller ones) or
    /// one worth no more than the best carried so far; sizes between what a result `uses` and the size it was made
    /// on make it again. The pruned search equals the whole grid's best (a brute-force test holds it so). A
    /// household with more land tries every size one with less does — it asked for more orchard than it could
    /// carry and, before sizes were tried, fell to a smaller loan on all its land.
    ///
    /// - Parameter floor: only results worth more than this are wanted (nil when none is): the search stops where
    ///   nothing better can be.
    func bestCarried<T>(asked: Double, landM2: Double, above floor: Double = -.infinity, _ make: (_ loan: Double, _ land: Double) -> T?,
                        carried: (T) -> Bool, value: (T) -> Double, uses: (T) -> Double) -> T? {
        var best: T?, bestValue = floor, found: (loan: Double, land: Double)?
        let sizes = Self.landLadder.reversed().filter { $0 < landM2 }
        let loans = [asked] + Self.loanLadder.reversed().filter { $0 < asked }
        // The whole land first, from the largest loan to the first carried: rows below it are worth no more.
        var uncarried: [(loan: Double, uses: Double)] = []
        for loan in loans {
            guard let result = make(loan, landM2), value(result) > bestValue + 0.5 else { break }
            if carried(result) {
                (best, bestValue, found) = (result, value(result), (loan, landM2))
                break
            }
            uncarried.append((loan, uses(result)))
        }
        // Then less land under each larger loan, down to the first carried size or one worth no more than the best.
        for row in uncarried {
            var below = row.uses
            for size in sizes where size < below {
                guard let result = make(row.loan, size) else { break }
                let v = value(result)
                if v <= bestValue + 0.5 { break }
                if carried(result) {
                    (best, bestValue, found) = (result, v, (row.loan, size))
                    break
                }
                below = min(size, uses(result))
            }
        }
        guard let found else { return nil }
        var low = found.loan, high = loans.last { $0 > found.loan } ?? found.loan
        while high - low > Self.loanStep {
            let mid = max(low + Self.loanStep / 2, ((low + high) / 2 / Self.loanStep).rounded() * Self.loanStep)
            if let result = make(mid, found.land), carried(result) {
                low = mid
                if value(result) > bestValue + 0.5 { (best, bestValue) = (result, value(result)) }
            } else {
                high = mid
            }
        }
        return best
    }

    /// The scale search for a model's economics and a household: within its land and money (the household's
    /// for this model, when the caller has it already), by the gain over the current use.
    private func search(_ program: ModelProgram, _ grid: ScaleGrid, _ economics: UnitEconomics, _ context: HouseholdContext,
                        money: ScaleSearch.Money? = nil) -> ScaleSearch {
        ScaleSearch(grid: grid, economics: economics, money: money ?? context.money(for: program.model), landM2: context.household.landM2,
                    baselinePerScale: context.baselineValue(perM2For: economics) * grid.areaPerScale)
    }

    /// A model's scales for a household: up to its starter scale when the household is new to a model that
    /// takes skill, and to the workers the household has when its units take workers.
    func grid(_ program: ModelProgram, _ household: Household) -> ScaleGrid {
        let scale = program.model.scale
        var cap = Double.infinity
        if let starter = scale.starter, !household.experience.contains(program.model.id) { cap = starter }
        if let perUnit = scale.workersPerUnit, perUnit > 0 { cap = min(cap, Self.workersFree(household) / perUnit) }
        return cap.isFinite ? program.grid.capped(at: cap) : program.grid
    }

    /// The working members a household can send away from the farm: all of them when it has no land; one
    /// fewer when it has land, which keeps a member at home to work it (its current use or the plan's models)
    /// — and none when it has land and did not say how many work: nobody is planned away from a family's
    /// land on the rule set's assumed count.
    static func workersFree(_ household: Household) -> Double {
        guard household.landM2 > 0 else { return max(0, household.labour) }
        return household.assumed.contains(.labour) ? 0 : max(0, household.labour - 1)
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
        case .gain: return -c.gain
        case .downside: return -(c.risk?.p10Gain ?? c.gain)
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
        if a.gain != b.gain { return a.gain > b.gain }
        return a.model.id < b.model.id
    }

    /// A candidate's money: at its scale, on its land; without the loan when capital is what it lacks.
    private func projection(_ c: Candidate, _ context: HouseholdContext) -> Projection {
        var resources = context.resources
        if case .capital = c.limit { resources.capital = nil }
        return Projection(parts: [context.part(c.economics, scale: c.scale, landM2: c.landM2)], resources: resources, ceiling: c.loanCap)
    }

    /// The full answer for a candidate: projection, reasons, figures per member and per labour day.
    private func advice(_ c: Candidate, _ context: HouseholdContext, trace: Bool) -> ModelAdvice {
        let model = c.model, household = context.household
        var reasons = RulePass.reasons(model, c.key, household)
        let resources = context.resources
        switch c.limit {
        case .fits: break
        case let .land(need):
            reasons.append(Reason(rule: "scale.land", effect: "unsuitable", detail: .landTooSmall(needM2: need, haveM2: household.landM2),
                                  observed: RulePass.observations([.landM2], household)))
        case let .workers(need):
            reasons.append(Reason(rule: "scale.workers", effect: "unsuitable", detail: .workersShort(need: need, have: Self.workersFree(household)),
                                  observed: RulePass.observations([.labour], household)))
        case let .capital(need, ceiling):
            reasons.append(Reason(rule: "scale.capital", effect: "unsuitable",
                                  detail: .capitalShort(needVND: need, haveVND: household.capitalVND ?? 0, loanCeilingVND: ceiling),
                                  observed: RulePass.observations([.capitalVND], household)))
        }
        let projection = projection(c, context)
        if c.verdict != .unsuitable, let tipping = projection.tippingPoints.first {
            // `price.tipping` or `yield.tipping`.
            reasons.insert(Reason(rule: "\(tipping.kind.rawValue).tipping", effect: "condition", detail: .tippingPoint(tipping), observed: []), at: 0)
        }
        if c.grid.maximum < c.program.grid.maximum, let starter = model.scale.starter, c.grid.maximum <= starter, c.scale >= c.grid.maximum,
           case .fits = c.limit {
            let unit: LocalizedText? = if case let .units(name, _) = model.scale.kind { name } else { nil }
            reasons.append(Reason(rule: "scale.starter", effect: "info",
                                  detail: .starter(scale: c.grid.maximum, unit: unit, model: model.name, modelID: model.id, growth: model.scale.growth),
                                  observed: []))
        }
        if let refused = c.loanRefused {
            reasons.append(Reason(rule: "loan.limited", effect: "info",
                                  detail: .loanLimited(allowedVND: projection.loanTotal ?? 0, askedVND: refused.askedVND, missed: refused.missed), observed: []))
        }
        for (loan, programme) in projection.loans {
            reasons.append(Reason(rule: "loan.needed", effect: "info", detail: .loanNeeded(amountVND: loan.amount, programme: programme.name), observed: []))
        }
        if household.capitalVND == nil {
            reasons.append(Reason(rule: "capital.unknown", effect: "info", detail: .capitalUnknown(needVND: projection.investment), observed: []))
        }
        if projection.hiredDays > 0.5 {
            reasons.append(Reason(rule: "labour.hired", effect: "warning", detail: .hiredLabour(days: projection.hiredDays, costVND: projection.labour.hiredCost),
                                  observed: RulePass.observations([.labour], household)))
        }
        if !c.shared.outcome.blocked, c.limit.fits, projection.riskAdjustedNPV <= 0 {
            reasons.append(Reason(rule: "economics.npv", effect: "unsuitable", detail: .doesNotPay(npvVND: projection.riskAdjustedNPV, horizon: horizon), observed: []))
        } else if !c.shared.outcome.blocked, c.limit.fits, projection.gainNPV <= 0, let baseline = ruleSet.baseline(forCurrentUse: household.currentUse) {
            reasons.append(Reason(rule: "economics.no-gain", effect: "unsuitable",
                                  detail: .noGain(gainVND: projection.gainNPV, baseline: baseline.name), observed: RulePass.observations([.currentUse], household)))
        }
        let incomePerLabourDay = projection.labourDays > 0 ? projection.riskAdjustedIncome / projection.labourDays : nil
        // (Not said of work away from the farm: a wage job is the work for others the reason would advise.)
        if model.role != .pathway, projection.labour.familyDays > 0.5, let perDay = incomePerLabourDay, perDay < resources.wage, c.verdict != .unsuitable {
            reasons.append(Reason(rule: "labour.below-wage", effect: "warning", detail: .belowWage(perDayVND: perDay, wageVND: resources.wage),
                                  observed: RulePass.observations([.labour], household)))
        }
        let member = context.perMember(income: projection.riskAdjustedIncome, landM2: model.scale.areaM2(c.scale), matureYear: c.economics.matureYear)
        var trials: [ScaleTrial] = []
        if trace, case let .fits(upper) = c.limit {
            trials = search(c.program, c.grid, c.economics, context).trials(upper: upper)
        }
        return ModelAdvice(
            model: model, verdict: c.verdict, scale: c.scale, areaM2: model.scale.areaM2(c.scale),
            units: model.scale.isUnits ? c.scale : nil, projection: projection, reasons: reasons,
            trace: trace ? RulePass.trace(model, context.facts, household) : [], trials: trials,
            incomePerMemberMonth: member.perMonth, abovePovertyLine: member.perMonth >= member.line,
            povertyYear: member.year, povertyLineMonth: member.line,
            incomePerLabourDay: incomePerLabourDay,
            risk: c.risk)
    }
}

extension ScaleSearch.Limit {
    /// True when the model fits at some scale.
    var fits: Bool {
        if case .fits = self { return true }
        return false
    }
}

extension RiskSimulation {
    /// The odds of a projection on `landM2` of a household's land, against the poverty line in force then.
    func profile(_ p: Projection, _ context: Evaluator.HouseholdContext, landM2: Double) -> RiskProfile {
        profile(p, members: context.household.members, otherIncome: context.besideFarm(landM2: landM2), budget: context.budget(p, landM2: landM2),
                startYear: context.year, povertyLineMonth: context.povertyLineMonth(inYear:))
    }
}

extension Household {
    /// What the household earns a year beside a conversion on `convertedM2` of its land: its other income,
    /// and the current use (earning `keepingPerM2` a m²) on the land the conversion leaves.
    func besideFarm(keepingPerM2: Double, convertedM2: Double) -> Double {
        Self.besideFarm(otherIncome: otherIncomeVND, landM2: landM2, keepingPerM2: keepingPerM2, convertedM2: convertedM2)
    }

    /// A yearly household income as VND per member per month.
    func incomePerMember(_ yearly: Double) -> Double { Self.incomePerMember(yearly, members: members) }

    /// ``besideFarm(keepingPerM2:convertedM2:)`` of a household with this other income and land.
    static func besideFarm(otherIncome: Double, landM2: Double, keepingPerM2: Double, convertedM2: Double) -> Double {
        otherIncome + keepingPerM2 * max(0, landM2 - convertedM2)
    }

    /// ``incomePerMember(_:)`` of a household of `members`.
    static func incomePerMember(_ yearly: Double, members: Double) -> Double { yearly / max(1, members) / 12 }
}
