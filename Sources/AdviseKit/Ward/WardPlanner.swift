import Dispatch
import Foundation

/// Plans a ward's register: each household's best plan with its own means and with each resource the ward
/// could give it, the allocation that lifts the most households above the poverty line in expectation, the
/// three scenarios by year, and the visit list. No I/O: a register in, a report out.
public struct WardPlanner: Sendable {
    public var ruleSet: RuleSet
    public var resources: WardResources
    public var odds: RiskSimulation.Options?
    /// The calendar year of year 0 (this year: the conversions are made in it).
    public var year: Int
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init(ruleSet: RuleSet, resources: WardResources, odds: RiskSimulation.Options? = RiskSimulation.Options(), year: Int) {
        self.ruleSet = ruleSet
        self.resources = resources
        self.odds = odds
        self.year = year
    }

    /// One way a household can go and what it takes.
    struct Choice: Sendable {
        var planned: Evaluator.PlannedHousehold
        var resource: String?
        var loan: Double
        var support: Double
        /// A place in this model, and the investment it pays.
        var place: String? = nil
        var placeValue = 0.0
    }

    public func plan(_ register: [WardHousehold], errors: [(line: Int, id: String?, message: LocalizedText)] = []) -> WardReport {
        let evaluator = Evaluator(ruleSet: ruleSet, year: year)
        let settings = ruleSet.settings
        let lines = (0...resources.years).map { settings.povertyLineMonth(inYear: year + $0) }
        let programmes = resources.loanCapital.keys.sorted()
        // Each household's choices, on all cores (a cache of economics per worker).
        let results = WorkerSlots(repeating: [Choice](), count: register.count)
        let share = max(1, (register.count + workers - 1) / workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let cache = EvaluationCache()
            for i in (w * share)..<min(register.count, (w + 1) * share) {
                results.set(i, self.choices(register[i], evaluator, lines[0], cache))
            }
        }
        let choices = results.values
        // The allocation: values are chances of being lifted, for the households below the line now.
        let below = register.map { $0.household.incomePerMember($0.incomeNow) < lines[0] }
        let placeModels = resources.places.filter { $0.value > 0 }.keys.sorted()
        let resourceIDs = programmes + (resources.supportBudget > 0 ? ["support"] : []) + placeModels.map(WardResources.placesID)
        let budgets = programmes.map { resources.loanCapital[$0] ?? 0 } + (resources.supportBudget > 0 ? [resources.supportBudget] : [])
            + placeModels.map { Double(resources.places[$0] ?? 0) }
        let options = register.indices.map { h in
            choices[h].map { c in
                WardAllocator.Option(value: below[h] ? 1 - c.planned.pBelowPovertyLine : 0, uses: resourceIDs.map { id in
                    id == "support" ? c.support : c.place.map(WardResources.placesID) == id ? 1 : (c.resource == id ? c.loan : 0)
                })
            }
        }
        let allocator = WardAllocator(options: options, budgets: budgets)
        let result = allocator.solve()
        // The scenarios by year (year 0: as now).
        func scenario(_ income: (Int, Int) -> Double) -> WardReport.Scenario {
            var s = WardReport.Scenario(povertyRate: [], nearPoorRate: [], incomePerPerson: [])
            let n = Double(max(1, register.count)), people = register.reduce(0) { $0 + $1.household.members }
            for t in 0...resources.years {
                var poor = 0, near = 0, total = 0.0
                for (h, entry) in register.enumerated() {
                    let y = income(h, t)
                    total += y
                    if entry.isPoor(incomeYear: y, lineMonth: lines[t]) { poor += 1 } else if entry.isNearPoor(incomeYear: y, lineMonth: lines[t]) { near += 1 }
                }
                s.povertyRate.append(Double(poor) / n * 100)
                s.nearPoorRate.append(Double(near) / n * 100)
                s.incomePerPerson.append(people > 0 ? total / people : 0)
            }
            return s
        }
        let unchanged = scenario { h, _ in register[h].incomeNow }
        let own = scenario { h, t in t == 0 ? register[h].incomeNow : choices[h][0].planned.incomeByYear[t - 1] }
        let allocated = scenario { h, t in t == 0 ? register[h].incomeNow : choices[h][result.choice[h]].planned.incomeByYear[t - 1] }
        // What is given, to whom.
        var grants: [WardReport.Grant] = []
        for (h, o) in result.choice.enumerated() where o != 0 {
            let c = choices[h][o], planName = Self.planName(c.planned.plan)
            let lifted = 1 - c.planned.pBelowPovertyLine, own = 1 - choices[h][0].planned.pBelowPovertyLine
            if let programme = c.resource, c.loan > 0 {
                grants.append(.init(household: register[h].id, resource: programme, amount: c.loan, plan: planName, pLifted: lifted, pLiftedOwn: own))
            }
            if c.support > 0 {
                grants.append(.init(household: register[h].id, resource: "support", amount: c.support, plan: planName, pLifted: lifted, pLiftedOwn: own))
            }
            if let model = c.place {
                grants.append(.init(household: register[h].id, resource: WardResources.placesID(model), amount: c.placeValue, plan: planName,
                                    pLifted: lifted, pLiftedOwn: own))
            }
        }
        var used = [Double](repeating: 0, count: budgets.count)
        for (h, o) in result.choice.enumerated() { for k in used.indices { used[k] += options[h][o].uses[k] } }
        let expectedOwn = register.indices.reduce(0) { $0 + options[$1][0].value }
        var report = WardReport(
            households: register.count, members: register.reduce(0) { $0 + $1.household.members },
            years: (0...resources.years).map { year + $0 }, povertyLineMonth: lines, targets: settings.wardTargets,
            unchanged: unchanged, ownMeans: own, allocated: allocated, allocation: grants,
            resources: resourceIDs.indices.map { (resourceIDs[$0], used[$0], budgets[$0]) },
            expectedLifted: result.value, expectedLiftedOwnMeans: expectedOwn,
            method: result.exact ? "exact" : "lagrangian", gap: result.gap, bound: result.bound,
            visits: visits(register, choices, result.choice, below, lines[0]), errors: errors)
        for id in resourceIDs {
            if let programme = settings.loanProgrammes.first(where: { $0.id == id }) {
                report.resourceNames[id] = programme.name
            } else if let model = WardResources.placesModel(id) {
                let name = ruleSet.models.first { $0.id == model }?.name ?? LocalizedText(verbatim: model)
                report.resourceNames[id] = LocalizedText { Catalogue.format(.wardPlaces, $0, name($0)) }
            } else {
                report.resourceNames[id] = Catalogue.phrase(.wardSupport)
            }
        }
        return report
    }

    /// A household's choices: its own means first, then with a loan (the programme its category opens),
    /// with a support grant, and with both — each only when it changes the plan's money.
    func choices(_ entry: WardHousehold, _ evaluator: Evaluator, _ lineNow: Double, _ cache: EvaluationCache) -> [Choice] {
        let years = resources.years
        // Only a household below the line now has chances the allocation and the visit list read: the
        // others are planned without the odds (their income by year is the same).
        let below = entry.household.incomePerMember(entry.incomeNow) < lineNow
        let own = Choice(planned: evaluator.planned(entry.household, options: PlanOptions(maxLoanVND: 0), odds: below ? odds : nil, years: years, cache: cache),
                         resource: nil, loan: 0, support: 0)
        guard below else { return [own] }
        var list = [own]
        func loanChoice(_ household: Household, support: Double) -> Choice? {
            let planned = evaluator.planned(household, options: PlanOptions(), odds: odds, years: years, cache: cache)
            guard let plan = planned.plan, let loan = plan.loan, loan.amount > 0, let programme = plan.programme,
                  resources.loanCapital[programme.id] != nil else { return nil }
            return Choice(planned: planned, resource: programme.id, loan: loan.amount, support: support)
        }
        if let loan = loanChoice(entry.household, support: 0) { list.append(loan) }
        if resources.supportBudget > 0, resources.supportEach > 0 {
            var supported = entry.household
            supported.capitalVND = (supported.capitalVND ?? 0) + resources.supportEach
            list.append(Choice(planned: evaluator.planned(supported, options: PlanOptions(maxLoanVND: 0), odds: odds, years: years, cache: cache),
                               resource: nil, loan: 0, support: resources.supportEach))
            if let both = loanChoice(supported, support: resources.supportEach) { list.append(both) }
        }
        // A place in a model: the household takes that model up with its investment paid (what it needs, as
        // the model is sized without a capital limit), without a loan.
        for (model, count) in resources.places.sorted(by: { $0.key < $1.key }) where count > 0 {
            var sized = entry.household
            sized.capitalVND = nil
            let only = PlanOptions(maxLoanVND: 0, onlyModels: [model])
            guard let needed = evaluator.plan(sized, options: only, cache: cache)?.investment, needed > 0 else { continue }
            var given = entry.household
            given.capitalVND = (given.capitalVND ?? 0) + needed
            let planned = evaluator.planned(given, options: only, odds: odds, years: years, cache: cache)
            guard planned.plan != nil else { continue }
            list.append(Choice(planned: planned, resource: nil, loan: 0, support: 0, place: model, placeValue: needed))
        }
        return list
    }

    /// The visit list: households given a resource (the most gained first), then the other households below
    /// the line (most likely lifted by their own plan first, those with no plan last).
    func visits(_ register: [WardHousehold], _ choices: [[Choice]], _ chosen: [Int], _ below: [Bool], _ lineNow: Double) -> [WardReport.Visit] {
        let categories = ruleSet.settings.scales["loan_category"]
        func category(_ h: Int) -> LocalizedText {
            let id = register[h].household.loanCategory
            return categories?.level(id)?.name ?? LocalizedText(vi: id, en: id)
        }
        func chance(_ p: Double) -> String { String(Int((p * 100).rounded())) + " %" }
        let given = register.indices.filter { chosen[$0] != 0 }.sorted {
            let a = choices[$0][chosen[$0]].planned.pBelowPovertyLine - choices[$0][0].planned.pBelowPovertyLine
            let b = choices[$1][chosen[$1]].planned.pBelowPovertyLine - choices[$1][0].planned.pBelowPovertyLine
            return a < b || (a == b && register[$0].id < register[$1].id)
        }
        let rest = register.indices.filter { below[$0] && chosen[$0] == 0 }.sorted {
            let a = choices[$0][0].planned, b = choices[$1][0].planned
            if (a.plan == nil) != (b.plan == nil) { return a.plan != nil }
            return a.pBelowPovertyLine < b.pBelowPovertyLine || (a.pBelowPovertyLine == b.pBelowPovertyLine && register[$0].id < register[$1].id)
        }
        var visits: [WardReport.Visit] = []
        for h in given {
            let c = choices[h][chosen[h]], own = choices[h][0].planned
            let programme = ruleSet.settings.loanProgrammes.first { $0.id == c.resource }?.name
            let kind = category(h)
            visits.append(.init(household: register[h].id, reason: LocalizedText { language in
                let place = c.place.flatMap { id in self.ruleSet.models.first { $0.id == id }?.name }
            let what = [c.loan > 0 ? Catalogue.format(.wardGivenLoan, language, NumberFormat.millions(c.loan, language), programme?(language) ?? c.resource ?? "") : nil,
                            c.support > 0 ? Catalogue.format(.wardGivenSupport, language, NumberFormat.millions(c.support, language)) : nil,
                            c.place.map { Catalogue.format(.wardGivenPlace, language, place?(language) ?? $0, NumberFormat.millions(c.placeValue, language)) }]
                    .compactMap { $0 }.joined(separator: " + ")
                return Catalogue.format(.wardReasonGiven, language, kind(language), what, chance(1 - own.pBelowPovertyLine), chance(1 - c.planned.pBelowPovertyLine))
            }, plan: Self.planName(c.planned.plan)))
        }
        for h in rest {
            let own = choices[h][0].planned, kind = category(h)
            let reason = own.plan == nil
                ? LocalizedText { Catalogue.format(.wardReasonNoPlan, $0, kind($0)) }
                : LocalizedText { Catalogue.format(.wardReasonOwn, $0, kind($0), chance(1 - own.pBelowPovertyLine)) }
            visits.append(.init(household: register[h].id, reason: reason, plan: Self.planName(own.plan)))
        }
        return visits
    }

    /// A plan as batch names it: model ids joined by `+` (empty without a plan).
    static func planName(_ plan: Plan?) -> String {
        plan?.components.flatMap { $0.models.map(\.id) }.joined(separator: "+") ?? ""
    }
}
