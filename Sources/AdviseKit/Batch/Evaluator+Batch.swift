/// The evaluator as a batch asks it: each row's answer, remembered in the worker's ``BatchMemo`` by the facts that
/// decide it (``AnswerKey``), and which facts those are for a household or an input's columns.
extension Evaluator {
    /// What a batch row answers for a household: the plan single-household advice recommends (with
    /// `plans`; a plan whose loan cannot be repaid gives way to the best single model, as it does there),
    /// else the best single option. Remembered in `memo` by the facts that decide it, so that households
    /// differing only in members or other income (which only divide the income) share the search.
    public func answer(_ household: Household, rankBy: RankBy = .gain, plans: Bool, memo: BatchMemo) -> OptionSummary? {
        rowAnswer(household, rankBy: rankBy, plans: plans, memo: memo)?.row(for: household)
    }

    /// A batch row's answer before the household's members and other income are applied, remembered in
    /// `memo` while there is room (``answer(_:rankBy:plans:memo:)``).
    func rowAnswer(_ household: Household, rankBy: RankBy, plans: Bool, memo: BatchMemo) -> RowAnswer? {
        let cache = memo.evaluation
        let facts = facts(household)
        var key = AnswerKey(facts, deciding: deciding(facts), plans: plans, rank: rankBy)
        // The workers a plan may send away depend on whether the count was given (``workersFree(_:)``).
        if household.assumed.contains(.labour) { key.known |= AnswerKey.labourAssumed }
        if let known = memo.answer(key) { return known }
        let context = context(household, facts: facts, cache: cache)
        var answer: RowAnswer?
        if plans, let plan = plan(compiled.indices.map { candidate($0, context, cache: cache, repaid: false) }, context, PlanOptions(), notes: false), plan.verdict != .unsuitable {
            answer = summary(plan, context)
        } else {
            answer = bestCandidate(context, rankBy: rankBy, cache: cache).map { summary($0, context) }
        }
        memo.remember(key, answer)
        return answer
    }

    /// The facts that decide the answer for a household with these facts: every fact, unless it lives on
    /// nothing but the plan (``decidingWithoutLiving``). Sound for a memo: a household with other income, or a
    /// current use with a baseline, keys on every fact, so it never shares an answer with one that does not.
    func deciding(_ facts: DenseFacts) -> FactMask {
        livesOnThePlanAlone(otherIncome: facts.values[HouseholdFact.otherIncomeVND.rawValue],
                            currentUse: facts.known & 1 << FactMask(HouseholdFact.currentUse.rawValue) != 0 ? Int(facts.values[HouseholdFact.currentUse.rawValue]) : nil)
            ? decidingWithoutLiving : deciding
    }

    /// True when a household with this other income and current use (by its position on the scale) keeps
    /// nothing to live on before an instalment: no other income, and a current use that earns nothing.
    func livesOnThePlanAlone(otherIncome: Double, currentUse: Int?) -> Bool {
        otherIncome == 0 && currentUse.map { $0 >= baselines.count || baselines[$0] == nil } ?? true
    }

    /// The facts a batch's rows are remembered by, for an input with these columns: every fact, unless no
    /// row can have other income or a current use with a baseline (neither column, and the rule set's default
    /// current use has none), when members and other income only divide the income.
    func deciding(columns: [HouseholdFact?]) -> FactMask {
        guard !columns.contains(.otherIncomeVND), !columns.contains(.currentUse),
              ["0", nil].contains(ruleSet.settings.defaults[.otherIncomeVND]) else { return deciding }
        let defaultUse = ruleSet.settings.defaults[.currentUse].flatMap { id in ruleSet.settings.scales["current_use"]?.levels.firstIndex { $0.id == id } }
        return livesOnThePlanAlone(otherIncome: 0, currentUse: defaultUse) ? decidingWithoutLiving : deciding
    }
}
