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
        /// The household's own plan with the models whose market the ward limits (its second choice, after the same
        /// without them).
        var inMarket = false
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
            + limitedModels.map(WardResources.marketID)
        let budgets = programmes.map { resources.loanCapital[$0] ?? 0 } + (resources.supportBudget > 0 ? [resources.supportBudget] : [])
            + placeModels.map { Double(resources.places[$0] ?? 0) } + limitedModels.map { resources.marketLimits[$0] ?? 0 }
        func uses(_ c: Choice) -> [Double] {
            resourceIDs.map { id in
                if let model = WardResources.marketModel(id) { return Self.scale(of: model, in: c.planned.plan) }
                return id == "support" ? c.support : c.place.map(WardResources.placesID) == id ? 1 : (c.resource == id ? c.loan : 0)
            }
        }
        // Households above the line choose nothing from the ward: only their own means enter the allocation.
        let options = register.indices.map { h in
            (below[h] ? choices[h] : [choices[h][0]]).map { c in WardAllocator.Option(value: below[h] ? 1 - c.planned.pBelowPovertyLine : 0, uses: uses(c)) }
        }
        // The market's room left after the allocation goes to the own plans that take the model up (those of the
        // households above the line, and those below it no less likely to lift them), the largest gain first, as
        // long as it lasts.
        func fill(_ choice: inout [Int]) {
            var left = budgets
            for (h, o) in choice.enumerated() { for (k, u) in uses(choices[h][o]).enumerated() { left[k] -= u } }
            let others = register.indices.filter { h in
                choice[h] == 0 && choices[h].count > 1 && choices[h][1].inMarket
                    && (!below[h] || choices[h][1].planned.pBelowPovertyLine <= choices[h][0].planned.pBelowPovertyLine)
            }.map { h in
                (h, (choices[h][1].planned.plan?.projection.gainNPV ?? 0) - (choices[h][0].planned.plan?.projection.gainNPV ?? 0))
            }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && register[$0.0].id < register[$1.0].id) }
            for (h, _) in others {
                let u = uses(choices[h][1])
                guard zip(u, left).allSatisfy({ $0 <= $1 + 1e-6 }) else { continue }
                choice[h] = 1
                for k in left.indices { left[k] -= u[k] }
            }
        }
        var result = WardAllocator(options: options, budgets: budgets).solve()
        fill(&result.choice)
        // The households' own means share the market's room too: the same allocation without the ward's money.
        let ownIndices = register.indices.map { h in options[h].indices.filter { $0 == 0 || choices[h][$0].inMarket } }
        let ownResult = WardAllocator(options: register.indices.map { h in ownIndices[h].map { options[h][$0] } }, budgets: budgets).solve()
        var ownChoice = ownResult.choice.enumerated().map { ownIndices[$0][$1] }
        fill(&ownChoice)
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
        let own = scenario { h, t in t == 0 ? register[h].incomeNow : choices[h][ownChoice[h]].planned.incomeByYear[t - 1] }
        let allocated = scenario { h, t in t == 0 ? register[h].incomeNow : choices[h][result.choice[h]].planned.incomeByYear[t - 1] }
        // What is given, to whom.
        var grants: [WardReport.Grant] = []
        for (h, o) in result.choice.enumerated() where o != 0 {
            let c = choices[h][o], planName = Self.planName(c.planned.plan)
            let lifted = 1 - c.planned.pBelowPovertyLine, own = 1 - choices[h][ownChoice[h]].planned.pBelowPovertyLine
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
        for (h, o) in result.choice.enumerated() { for (k, u) in uses(choices[h][o]).enumerated() { used[k] += u } }
        let expectedOwn = ownResult.value
        var report = WardReport(
            households: register.count, members: register.reduce(0) { $0 + $1.household.members },
            years: (0...resources.years).map { year + $0 }, povertyLineMonth: lines, targets: settings.wardTargets,
            unchanged: unchanged, ownMeans: own, allocated: allocated, allocation: grants,
            resources: resourceIDs.indices.map { (resourceIDs[$0], used[$0], budgets[$0]) },
            expectedLifted: result.value, expectedLiftedOwnMeans: expectedOwn,
            method: result.exact ? "exact" : "lagrangian", gap: result.gap, bound: result.bound,
            visits: visits(register, choices, result.choice, ownChoice, below, lines[0]), errors: errors)
        for id in resourceIDs {
            if let programme = settings.loanProgrammes.first(where: { $0.id == id }) {
                report.resourceNames[id] = programme.name
            } else if let model = WardResources.placesModel(id) {
                let name = ruleSet.models.first { $0.id == model }?.name ?? LocalizedText(verbatim: model)
                report.resourceNames[id] = LocalizedText { Catalogue.format(.wardPlaces, $0, name($0)) }
            } else if let model = WardResources.marketModel(id).flatMap(ruleSet.model) {
                let unit = Self.scaleUnit(model)
                report.resourceNames[id] = LocalizedText { Catalogue.format(.wardMarket, $0, model.name($0), unit($0)) }
            } else {
                report.resourceNames[id] = Catalogue.phrase(.wardSupport)
            }
        }
        return report
    }

    /// The models whose market the ward limits (of the rule set's models), in a stable order.
    var limitedModels: [String] { resources.marketLimits.keys.filter { ruleSet.model($0) != nil }.sorted() }

    /// How much of a model a plan takes, in the model's own scale (does, m²).
    static func scale(of model: String, in plan: Plan?) -> Double {
        plan?.components.reduce(0) { sum, c in sum + zip(c.models, c.scales).reduce(0) { $0 + ($1.0.id == model ? $1.1 : 0) } } ?? 0
    }

    /// A household's choices: its own means first, then with a loan (the programme its category opens),
    /// with a support grant, and with both — each only when it changes the plan's money. Where the ward's
    /// market for a model is limited and the household's own plan takes it up, its own means come first without
    /// that model (what it can do whatever the market), then with it (a share of the market's room, which the
    /// allocation gives to the households below the line it lifts the most).
    func choices(_ entry: WardHousehold, _ evaluator: Evaluator, _ lineNow: Double, _ cache: EvaluationCache) -> [Choice] {
        let years = resources.years
        // Only a household below the line now has chances the allocation and the visit list read: the
        // others are planned without the odds (their income by year is the same).
        let below = entry.household.incomePerMember(entry.incomeNow) < lineNow
        let full = Choice(planned: evaluator.planned(entry.household, options: PlanOptions(maxLoanVND: 0), odds: below ? odds : nil, years: years, cache: cache),
                          resource: nil, loan: 0, support: 0)
        var list = [full]
        let limited = limitedModels
        if limited.contains(where: { Self.scale(of: $0, in: full.planned.plan) > 0 }) {
            let open = Set(ruleSet.models.map(\.id)).subtracting(limited)
            let own = Choice(planned: evaluator.planned(entry.household, options: PlanOptions(maxLoanVND: 0, onlyModels: open), odds: below ? odds : nil,
                                                        years: years, cache: cache), resource: nil, loan: 0, support: 0)
            var inMarket = full
            inMarket.inMarket = true
            list = [own, inMarket]
        }
        guard below else { return list }
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
    func visits(_ register: [WardHousehold], _ choices: [[Choice]], _ chosen: [Int], _ ownChoice: [Int], _ below: [Bool], _ lineNow: Double) -> [WardReport.Visit] {
        let categories = ruleSet.settings.scales["loan_category"]
        func category(_ h: Int) -> LocalizedText {
            let id = register[h].household.loanCategory
            return categories?.level(id)?.name ?? LocalizedText(vi: id, en: id)
        }
        func chance(_ p: Double) -> String { String(Int((p * 100).rounded())) + " %" }
        let given = register.indices.filter { below[$0] && chosen[$0] != ownChoice[$0] }.sorted {
            let a = choices[$0][chosen[$0]].planned.pBelowPovertyLine - choices[$0][ownChoice[$0]].planned.pBelowPovertyLine
            let b = choices[$1][chosen[$1]].planned.pBelowPovertyLine - choices[$1][ownChoice[$1]].planned.pBelowPovertyLine
            return a < b || (a == b && register[$0].id < register[$1].id)
        }
        let rest = register.indices.filter { below[$0] && chosen[$0] == ownChoice[$0] }.sorted {
            let a = choices[$0][chosen[$0]].planned, b = choices[$1][chosen[$1]].planned
            if (a.plan == nil) != (b.plan == nil) { return a.plan != nil }
            return a.pBelowPovertyLine < b.pBelowPovertyLine || (a.pBelowPovertyLine == b.pBelowPovertyLine && register[$0].id < register[$1].id)
        }
        var visits: [WardReport.Visit] = []
        for h in given {
            let c = choices[h][chosen[h]], own = choices[h][ownChoice[h]].planned
            let programme = ruleSet.settings.loanProgrammes.first { $0.id == c.resource }?.name
            let kind = category(h)
            visits.append(.init(household: register[h].id, reason: LocalizedText { language in
                let place = c.place.flatMap { id in self.ruleSet.models.first { $0.id == id }?.name }
            let given = [c.loan > 0 ? Catalogue.format(.wardGivenLoan, language, NumberFormat.millions(c.loan, language), programme?(language) ?? c.resource ?? "") : nil,
                            c.support > 0 ? Catalogue.format(.wardGivenSupport, language, NumberFormat.millions(c.support, language)) : nil,
                            c.place.map { Catalogue.format(.wardGivenPlace, language, place?(language) ?? $0, NumberFormat.millions(c.placeValue, language)) }]
                    .compactMap { $0 } + market(c.planned.plan, language)
                let what = given.joined(separator: " + ")
                return Catalogue.format(.wardReasonGiven, language, kind(language), what, chance(1 - own.pBelowPovertyLine), chance(1 - c.planned.pBelowPovertyLine))
            }, plan: Self.planName(c.planned.plan)))
        }
        for h in rest {
            let own = choices[h][chosen[h]].planned, kind = category(h)
            let reason = own.plan == nil
                ? LocalizedText { Catalogue.format(.wardReasonNoPlan, $0, kind($0)) }
                : LocalizedText { Catalogue.format(.wardReasonOwn, $0, kind($0), chance(1 - own.pBelowPovertyLine)) }
            visits.append(.init(household: register[h].id, reason: reason, plan: Self.planName(own.plan)))
        }
        return visits
    }

    /// The room a plan takes in each market the ward limits, in words ("chỗ trên thị trường cho 5 dê cái sinh sản").
    func market(_ plan: Plan?, _ language: Language) -> [String] {
        limitedModels.compactMap { id in
            let scale = Self.scale(of: id, in: plan)
            guard scale > 0, let model = ruleSet.model(id) else { return nil }
            let what = model.scale.isUnits ? Self.scaleUnit(model)(language) : "m² " + model.name(language).lowercasedFirst
            return Catalogue.format(.wardGivenMarket, language, NumberFormat.grouped(scale, language), what)
        }
    }

    /// What a model's scale is counted in: its unit's name (does), or m².
    static func scaleUnit(_ model: FarmModel) -> LocalizedText {
        if case let .units(name, _) = model.scale.kind { name } else { LocalizedText(verbatim: "m²") }
    }

    /// A plan as batch names it: model ids joined by `+` (empty without a plan).
    static func planName(_ plan: Plan?) -> String {
        plan?.components.flatMap { $0.models.map(\.id) }.joined(separator: "+") ?? ""
    }
}
