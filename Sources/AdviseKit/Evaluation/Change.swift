/// A change to one household fact that would move a held-back option up — an unsuitable one to feasible, a
/// conditional one to recommended (but for the prices, which no household changes) — found by re-running the engine: the smallest capital or land, the next
/// lower exposure level, or a loan category.
public struct Change: Sendable, Equatable {
    /// The fact that changes.
    public var fact: HouseholdFact
    /// The new value: a number (VND, m²) for numeric facts.
    public var number: Double?
    /// The new level id for level facts.
    public var level: String?
    /// Mitigation the option would then still need, VND (raised beds, a pond…), if any.
    public var mitigationVND: Double

    /// The household with the change applied.
    public func applied(to household: Household) -> Household {
        var h = household
        switch fact {
        case .landM2: h.landM2 = number ?? h.landM2
        case .capitalVND: h.capitalVND = number
        case .flood: h.flood = level ?? h.flood
        case .salinity: h.salinity = level ?? h.salinity
        case .currentUse: h.currentUse = level ?? h.currentUse
        case .loanCategory: h.loanCategory = level ?? h.loanCategory
        case .labour: h.labour = number ?? h.labour
        case .members: h.members = number ?? h.members
        case .otherIncomeVND: h.otherIncomeVND = number ?? h.otherIncomeVND
        }
        h.assumed.removeAll { $0 == fact }
        return h
    }
}

extension Evaluator {
    /// The smallest single changes that would move `model` up for the household — an unsuitable option
    /// to feasible, a conditional one (a loan or a mitigation needed) to recommended — each verified by
    /// evaluating the changed household: more capital, more land, a lower flood or salinity level, or a loan
    /// category with a programme. Empty for a recommended option.
    public func whatWouldChange(_ model: FarmModel, for household: Household) -> [Change] {
        whatWouldChange(ModelProgram(model), index: nil, for: household, cache: EvaluationCache())
    }

    /// The same for a compiled model (the rule set's model `index`, if it is one), sharing the economics
    /// through `cache`: the changed households mostly have the same rule outcomes, so a bisection over
    /// capital or land evaluates the rules once, not at every step.
    func whatWouldChange(_ program: ModelProgram, index: Int?, for household: Household, cache: EvaluationCache) -> [Change] {
        let current = verdict(program, index: index, for: household, cache: cache)
        guard current != .recommended else { return [] }
        func feasible(_ h: Household) -> ModelAdvice? {
            guard verdict(program, index: index, for: h, cache: cache) < current else { return nil }
            return evaluate(program, index: index, for: h, cache: cache)
        }
        var changes: [Change] = []
        func mitigation(_ a: ModelAdvice) -> Double {
            let ids = Set(a.reasons.filter { $0.effect == "mitigation" }.map(\.rule))
            return a.projection.items.filter { ids.contains($0.id) }.reduce(0) { $0 + $1.vnd }
        }
        // Numbers: the smallest value that works, by bisection (more land or capital never makes an option worse).
        func smallest(_ fact: HouseholdFact, from low: Double, upTo high: Double, step: Double) {
            var change = Change(fact: fact, number: high, level: nil, mitigationVND: 0)
            guard feasible(change.applied(to: household)) != nil else { return }
            var (lo, hi) = (low, high)
            while hi - lo > step {
                let mid = ((lo + hi) / 2 / step).rounded(.up) * step
                guard mid > lo, mid < hi else { break }
                change.number = mid
                if verdict(program, index: index, for: change.applied(to: household), cache: cache) < current { hi = mid } else { lo = mid }
            }
            change.number = hi
            if let a = feasible(change.applied(to: household)) {
                change.mitigationVND = mitigation(a)
                changes.append(change)
            }
        }
        if let capital = household.capitalVND { smallest(.capitalVND, from: capital, upTo: capital + 10e9, step: 1e6) }
        smallest(.landM2, from: household.landM2, upTo: max(household.landM2, 1e6), step: 100)
        // Levels: the nearest lower exposure level that works.
        let scales = ruleSet.settings.scales
        for fact in [HouseholdFact.flood, .salinity] {
            guard let levels = scales[fact.scale ?? ""]?.levels.map(\.id), let current = household.level(fact),
                  let index = levels.firstIndex(of: current) else { continue }
            for level in levels[..<index].reversed() {
                var change = Change(fact: fact, number: nil, level: level, mitigationVND: 0)
                if let a = feasible(change.applied(to: household)) {
                    change.mitigationVND = mitigation(a)
                    changes.append(change)
                    break
                }
            }
        }
        // A loan category that opens a programme the household's own does not.
        if household.capitalVND != nil {
            for programme in ruleSet.settings.loanProgrammes where !programme.categories.contains(household.loanCategory) {
                guard let category = programme.categories.first else { continue }
                var change = Change(fact: .loanCategory, number: nil, level: category, mitigationVND: 0)
                if let a = feasible(change.applied(to: household)) {
                    change.mitigationVND = mitigation(a)
                    changes.append(change)
                    break
                }
            }
        }
        return changes
    }
}
