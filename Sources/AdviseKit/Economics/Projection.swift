/// The money of a farm — one model at one scale, or a whole-farm plan of several — for one household:
/// investment, loan, yearly cash flows at the three prices, the value against keeping the current use,
/// and the figures an officer quotes.
///
/// This is the one money core: an option is a plan with one part. Every figure is summed over the parts'
/// ``UnitEconomics`` closed forms; the household's labour, loan and baseline are applied once, here.
public struct Projection: Sendable {
    /// One model at one scale, with what keeping the current use on its land is worth.
    public struct Part: Sendable {
        public var economics: UnitEconomics
        public var scale: Double
        /// The current use given up: its economics per m², the land, and the years it is valued over
        /// (the part's valuation period).
        public var baseline: UnitEconomics?
        public var baselineAreaM2: Double
        public var baselineYears: Int { economics.extent }

        public init(economics: UnitEconomics, scale: Double, baseline: UnitEconomics? = nil, baselineAreaM2: Double = 0) {
            self.economics = economics
            self.scale = scale
            self.baseline = baseline
            self.baselineAreaM2 = baselineAreaM2
        }

        /// What the current use of that land is worth over the part's valuation period (risk-adjusted,
        /// its labour at the family rate).
        public var baselineValue: Double { (baseline?.keepingValue(years: baselineYears) ?? 0) * baselineAreaM2 }
        /// What it earns a year at maturity.
        public var baselineIncome: Double { (baseline?.keepingIncome ?? 0) * baselineAreaM2 }
    }

    /// The investment, itemised (mitigations included).
    public var items: [(id: String, name: LocalizedText, vnd: Double)]
    public var investment: Double
    /// How it is paid for: the grant, the capital gap and the loan.
    public var financing: Financing
    /// Investment beyond own capital and any grant; nil when capital is not known.
    public var capitalGap: Double? { financing.gap }
    /// The loan taken to cover the gap, if any: the household's, else the working member's own.
    public var loan: LoanSchedule? { financing.loan ?? financing.workerLoan }
    /// The loan programme lending it.
    public var programme: LoanProgramme? { financing.loan != nil ? financing.programme : financing.workerProgramme }
    /// Every loan with its programme: the household's, then a working member's own beside it.
    public var loans: [(schedule: LoanSchedule, programme: LoanProgramme)] {
        [(financing.loan, financing.programme), (financing.workerLoan, financing.workerProgramme)].compactMap { pair in
            pair.0.flatMap { loan in pair.1.map { (loan, $0) } }
        }
    }
    /// The programmes lending, their ids joined with `+` (a batch's `loan_programme`), nil without a loan.
    public var programmeIDs: String? { loans.isEmpty ? nil : loans.map(\.programme.id).joined(separator: "+") }
    /// What is borrowed in all, nil without a loan.
    public var loanTotal: Double? { loans.isEmpty ? nil : loans.reduce(0) { $0 + $1.schedule.amount } }
    /// Household cash flow (years 0…horizon) at each price, financing and re-investment included.
    public var cashFlow: [PriceScenario: [Double]]
    /// Base-price cash flow after expected hazard losses.
    public var riskAdjustedCashFlow: [Double]
    /// Average yearly net operating income from maturity to the horizon, at base price, before financing,
    /// after hired labour (cash).
    public var annualNetIncome: Double
    /// The same after expected hazard losses.
    public var riskAdjustedIncome: Double
    /// Expected yearly hazard loss at maturity: revenue lost and replanting (all the risk-adjusted income
    /// subtracts).
    public var expectedLoss: Double
    /// Mature yearly revenue at base price.
    public var matureRevenue: Double
    /// First year with revenue, nil when none within the horizon.
    public var firstIncomeYear: Int?
    /// The income by phase when what earns changes over the years (work abroad, then after return); empty
    /// when one income describes it. Computed when asked (renderers), not for every projection tried.
    public var incomePhases: [IncomePhase] { IncomePhase.phases(parts, horizon: riskAdjustedCashFlow.count - 1, hiredCost: labour.hiredCost) }
    /// The labour taken a year: days, hired days and their cost, the family's days and their value.
    public var labour: LabourCost
    public var labourDays: Double { labour.days }
    public var hiredDays: Double { labour.hiredDays }
    /// NPV of the conversion itself (before financing) at base price, family labour valued, residual value
    /// and re-investment included. A loan changes when money goes out and comes back, not what the
    /// conversion is worth; so more capital never lowers an option's NPV.
    public var npv: Double
    /// The same after expected hazard losses.
    public var riskAdjustedNPV: Double
    /// The part of the risk-adjusted NPV that is the value of the life left after the horizon.
    public var residualValue: Double
    /// What the days hired after the horizon cost beyond the family rate the residual value charges them at (part
    /// of the NPVs: ``Valuation/residualHiredCharge(_:familyDays:)``).
    public var residualHired: Double
    /// What keeping the current use on the same land is worth (risk-adjusted NPV) and earns a year.
    public var baselineNPV: Double
    public var baselineIncome: Double
    /// Risk-adjusted NPV over keeping the current use: what options are ranked by.
    public var gainNPV: Double { riskAdjustedNPV - baselineNPV }
    /// Risk-adjusted yearly income at maturity over keeping the current use.
    public var gainIncome: Double { riskAdjustedIncome - baselineIncome }
    /// Payback year and cash low point of the household's own risk-adjusted cash flow, financing included.
    public var household: CashFlowMetrics
    /// Years within the loan's term in which the farm's cash after instalments is below zero.
    public var loanShortfallYears: [Int]
    /// False when, over the loan's term, the farm does not earn its instalments.
    public var loanServiceable: Bool
    /// The parts projected.
    public var parts: [Part]

    /// Yearly income at maturity at a price scenario, after expected losses and hired labour.
    public func income(_ scenario: PriceScenario) -> Double {
        parts.reduce(0) { $0 + $1.economics.riskAdjustedIncome(at: $1.scale, hiredCost: 0, scenario: scenario) } - labour.hiredCost
    }

    /// One part's share of the answer's income at maturity, after expected losses: its own income less the hired
    /// labour in proportion to the days it takes, so that the parts' incomes add up to ``riskAdjustedIncome``.
    public func income(of part: Part) -> Double {
        part.economics.riskAdjustedIncome(at: part.scale, hiredCost: hiredCost(of: part))
    }

    /// One part's share of the hired labour's yearly cost: in proportion to the days it takes.
    public func hiredCost(of part: Part) -> Double {
        labour.days > 0 ? labour.hiredCost * part.economics.labour(at: part.scale) / labour.days : 0
    }

    /// Prices 30 % lower or higher, and a bad year `k`: the household's own cash flow in each case.
    public func sensitivity(badYear: Int, discountRate: Double) -> Sensitivity {
        Sensitivity(parts: parts.map { ($0.economics, $0.scale) }, hiredCost: labour.hiredCost, familyValue: labour.familyValue,
                    residualHired: residualHired, loans: financing.schedules, grant: financing.grantAmount, discountRate: discountRate, badYear: badYear)
    }

    /// The household's resources, beyond the models' economics.
    public struct Resources: Sendable {
        /// Own capital; nil when not given (no gap, no loan).
        public var capital: Double?
        /// The loan programmes open to the household, cheapest first.
        public var loans: [LoanProgramme]
        /// The grants open to the household, largest first.
        public var grants: [SupportGrant]
        /// Person-days the family gives a year.
        public var familyDays: Double
        /// How labour and time are valued.
        public var valuation: Valuation
        public var wage: Double { valuation.wage }

        public init(capital: Double?, loans: [LoanProgramme] = [], grants: [SupportGrant] = [], familyDays: Double, valuation: Valuation) {
            self.capital = capital
            self.loans = loans
            self.grants = grants
            self.familyDays = familyDays
            self.valuation = valuation
        }

        /// The labour `days` person-days a year cost this household.
        public func labour(_ days: Double) -> LabourCost { valuation.labour(days, familyDays: familyDays) }

        /// The largest grant towards these models of a role (nil: any models, so only grants for any model).
        public func grant(for models: [String]?, role: Role? = .conversion) -> SupportGrant? {
            grants.first { $0.eligibility.finances(models, role: role) }
        }

        /// The cheapest programme open to the household that lends for this work away and not for any purpose:
        /// the working member's own loan (a work-abroad loan), which a plan can take beside the household's.
        public func workerProgramme(for models: [String]) -> LoanProgramme? {
            loans.first { $0.eligibility.finances(models, role: .pathway) && !$0.eligibility.finances(nil, role: nil) }
        }

        /// The largest loan open for these models of a role (nil: only programmes for any model), VND.
        public func loanCeiling(for models: [String]?, role: Role? = .conversion) -> Double {
            var most = 0.0
            for loan in loans where loan.ceiling.value > most && loan.eligibility.finances(models, role: role) { most = loan.ceiling.value }
            return most
        }
    }

    /// How an investment is paid for: a grant, own capital, and a loan for the rest.
    public struct Financing: Sendable {
        public var grant: SupportGrant?
        /// What the grant gives, VND.
        public var grantAmount: Double
        /// Investment beyond own capital and the grant; nil when capital is not known.
        public var gap: Double?
        public var loan: LoanSchedule?
        public var programme: LoanProgramme?
        /// A plan's working member's own loan for the work away (a work-abroad loan is the worker's, against
        /// the worker's contract: Decree 338/2025), beside the household's loan for the farm.
        public var workerLoan: LoanSchedule?
        public var workerProgramme: LoanProgramme?
        /// Both loans' schedules.
        public var schedules: [LoanSchedule] { [loan, workerLoan].compactMap { $0 } }
    }

    /// Projects one model at `scale` (an option: a plan with one part), with no baseline.
    public init(economics e: UnitEconomics, scale: Double, resources r: Resources) {
        self.init(parts: [Part(economics: e, scale: scale)], resources: r)
    }

    /// Projects the parts together, sharing the household's money and labour.
    /// - Parameter ceiling: a lower loan ceiling than the programme's (a household's own limit), if any.
    /// - Complexity: O(parts × scenarios × horizon).
    public init(parts: [Part], resources r: Resources, ceiling: Double? = nil) {
        let horizon = r.valuation.horizon
        self.parts = parts
        items = parts.flatMap { p in p.economics.items.map { ($0.id, $0.name, $0.cost(at: p.scale)) } }
        investment = parts.reduce(0) { $0 + $1.economics.investment(at: $1.scale) }
        financing = Self.financing(parts: parts, investment: investment, r, ceiling: ceiling)
        labour = r.labour(parts.reduce(0) { $0 + $1.economics.labour(at: $1.scale) })
        let hired = labour.hiredCost
        func sum(_ f: (Part) -> [Double]) -> [Double] {
            parts.reduce(into: [Double](repeating: 0, count: horizon + 1)) { acc, part in
                for (t, v) in f(part).enumerated() { acc[t] += v }
            }
        }
        let loans = financing.schedules, grant = financing.grantAmount
        var flows: [PriceScenario: [Double]] = [:]
        for scenario in PriceScenario.allCases {
            flows[scenario] = Self.householdFlow(sum { $0.economics.projectFlow(at: $0.scale, scenario: scenario, riskAdjusted: false) },
                                                 hiredCost: hired, loans: loans, grant: grant)
        }
        cashFlow = flows
        let riskFlow = Self.householdFlow(sum { $0.economics.projectFlow(at: $0.scale, scenario: .base, riskAdjusted: true) },
                                          hiredCost: hired, loans: loans, grant: grant)
        riskAdjustedCashFlow = riskFlow
        annualNetIncome = parts.reduce(0) { $0 + $1.economics.annualNetIncome(at: $1.scale, hiredCost: 0) } - hired
        riskAdjustedIncome = parts.reduce(0) { $0 + $1.economics.riskAdjustedIncome(at: $1.scale, hiredCost: 0) } - hired
        matureRevenue = parts.reduce(0) { $0 + $1.scale * $1.economics.matureRevenue }
        // Everything the risk-adjusted income subtracts: the revenue hazards take and the expected replanting.
        expectedLoss = parts.reduce(0) { $0 + $1.scale * $1.economics.matureLoss }
        firstIncomeYear = parts.compactMap(\.economics.firstRevenueYear).min()
        let annuity = parts.first?.economics.annuity ?? 0
        let residualHired = r.valuation.residualHiredCharge(parts.lazy.map { (extent: $0.economics.extent, days: $0.economics.labour(at: $0.scale)) },
                                                            familyDays: r.familyDays)
        self.residualHired = residualHired
        npv = parts.reduce(0) { $0 + $1.economics.npv(at: $1.scale, hiredCost: 0, riskAdjusted: false) } - labour.valued * annuity - residualHired
        riskAdjustedNPV = parts.reduce(0) { $0 + $1.economics.npv(at: $1.scale, hiredCost: 0, riskAdjusted: true) } - labour.valued * annuity - residualHired
        residualValue = parts.reduce(0) { $0 + $1.economics.residualValue(at: $1.scale, riskAdjusted: true) } - residualHired
        baselineNPV = parts.reduce(0) { $0 + $1.baselineValue }
        baselineIncome = parts.reduce(0) { $0 + $1.baselineIncome }
        household = CashFlowMetrics(riskFlow, discountRate: r.valuation.discountRate)
        // The loans are serviceable when, over their term, the farm earns their instalments.
        if !loans.isEmpty {
            let term = min(loans.map(\.years).max() ?? 1, horizon)
            let owed = loans.reduce(0) { $0 + $1.payments(horizon: horizon).prefix(term).reduce(0) { $0 + $1.interest + $1.principal } }
            let earned = riskFlow[1...max(1, term)].reduce(0, +) + owed
            loanServiceable = earned >= owed
            loanShortfallYears = (1...max(1, term)).filter { riskFlow[$0] < 0 }
        } else {
            loanServiceable = true
            loanShortfallYears = []
        }
    }

    /// The role the parts share (a plan of work away and farm models has none: nil).
    static func role(of parts: [Part]) -> Role? {
        let roles = Set(parts.map(\.economics.role))
        return roles.count == 1 ? roles.first : (roles.isEmpty ? .conversion : nil)
    }

    /// The household's cash flow from the project's: the loan and any grant received in year 0, hired
    /// labour and the loan's instalments paid in years 1…horizon. The one place financing and labour meet
    /// the cash flow.
    public static func householdFlow(_ project: [Double], hiredCost: Double, loans: [LoanSchedule], grant: Double = 0) -> [Double] {
        let payments = loans.map { $0.payments(horizon: max(1, project.count - 1)) }
        return project.enumerated().map { t, v in
            guard t > 0 else { return v + loans.reduce(0) { $0 + $1.amount } + grant }
            return v - hiredCost - payments.reduce(0) { $0 + $1[t - 1].interest + $1[t - 1].principal }
        }
    }

    /// How an investment in `models` is paid for: the largest grant open to the household for them, then
    /// own capital; the gap left is lent by the cheapest programme open to the household for these models
    /// that closes it, else by the one that lends most.
    /// - Parameters:
    ///   - ceiling: a lower loan ceiling than the programmes' (a household's own limit), if any.
    ///   - firstIncome: the year what is financed first earns, for a programme's grace (``LoanProgramme/graceYears(firstIncome:)``).
    static func financing(investment: Double, models: [String], role: Role? = .conversion, _ r: Resources, ceiling: Double? = nil,
                          firstIncome: Int? = nil) -> Financing {
        financing(investment: investment, models: models, role: role, away: nil, r, ceiling: ceiling, firstIncome: firstIncome)
    }

    /// The financing of `parts`: a plan of farm models beside work away borrows for the farm from a programme
    /// for any purpose, and the working member borrows for the work away from its own programme (the
    /// worker's loan, up to that work's investment); capital and any grant go first.
    static func financing(parts: [Part], investment: Double, _ r: Resources, ceiling: Double? = nil) -> Financing {
        let role = role(of: parts)
        let away = role == nil ? parts.filter { $0.economics.role == .pathway } : []
        let awayModels = away.map(\.economics.modelID), awayInvestment = away.reduce(0) { $0 + $1.economics.investment(at: $1.scale) }
        // The farm's loan may have a grace until the farm first earns (work away is financed by the worker's own loan).
        let farm = away.isEmpty ? parts : parts.filter { $0.economics.role != .pathway }
        return financing(investment: investment, models: parts.map(\.economics.modelID), role: role,
                         away: away.isEmpty ? nil : (awayModels, awayInvestment), r, ceiling: ceiling,
                         firstIncome: farm.compactMap(\.economics.firstRevenueYear).min())
    }

    private static func financing(investment: Double, models: [String], role: Role?, away: (models: [String], investment: Double)?,
                                  _ r: Resources, ceiling: Double?, firstIncome: Int?) -> Financing {
        let grant = r.grant(for: models, role: role)
        let grantAmount = grant?.amount(towards: investment) ?? 0
        var result = Financing(grant: grantAmount > 0 ? grant : nil, grantAmount: grantAmount, gap: nil, loan: nil, programme: nil)
        guard let capital = r.capital else { return result }
        let gap = max(0, investment - grantAmount - capital)
        result.gap = gap
        var left = gap, cap = ceiling ?? .infinity
        // The working member's own loan first (it lends for nothing else), within the work's investment.
        if let away, left > 0.5, let own = r.workerProgramme(for: away.models) {
            let amount = min(left, away.investment, own.ceiling.value, cap)
            if amount > 0.5 {
                result.workerLoan = LoanSchedule(amount: amount, rate: own.rate.value, termMonths: own.termMonths)
                result.workerProgramme = own
                left -= amount
                cap -= amount
            }
        }
        let open = r.loans.filter { $0.eligibility.finances(models, role: role) }
        guard left > 0.5, cap > 0.5, let p = open.first(where: { $0.ceiling.value >= left }) ?? open.max(by: { $0.ceiling.value < $1.ceiling.value }) else { return result }
        result.loan = LoanSchedule(amount: min(left, p.ceiling.value, cap), rate: p.rate.value, termMonths: p.termMonths,
                                   graceYears: p.graceYears(firstIncome: firstIncome))
        result.programme = p
        return result
    }
}
