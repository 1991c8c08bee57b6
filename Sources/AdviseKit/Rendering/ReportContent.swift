import Foundation

/// What the one-page report says, in one language, as text ready to lay out: the HTML page and the
/// Markdown note are two layouts of the same content.
public struct ReportContent: Sendable {
    /// A key figure in large type.
    public struct KeyFigure: Sendable {
        public var label: String
        public var value: String
        public var note: String?
    }

    /// One model in the comparison table.
    public struct Row: Sendable {
        public var model: String
        public var verdict: String
        public var investment: String
        public var income: String
        public var firstIncome: String
        public var payback: String
        public var isRecommendation: Bool
    }

    /// A cash-flow chart: the household's yearly cash (after expected losses, financing included) and its
    /// cumulative, with the low point and the payback year marked.
    public struct Chart: Sendable {
        public var title: String
        public var flow: [Double]
        public var lowPointYear: Int
        public var paybackYear: Int?
        public var lowLabel: String
        public var paybackLabel: String

        /// Cumulative cash by year.
        public var cumulative: [Double] { flow.reduce(into: []) { $0.append(($0.last ?? 0) + $1) } }
    }

    /// The recommendation in short: the recommended whole-farm plan (``Advice/recommendedPlan``), else the
    /// best option.
    public struct Recommendation: Sendable {
        public var name: String
        public var summary: String?
        public var investment: Double
        /// Every loan with its programme (the household's, then a working member's own).
        public var loans: [(schedule: LoanSchedule, programme: LoanProgramme)]
        /// What is borrowed in all, nil without a loan.
        public var loan: Double? { loans.isEmpty ? nil : loans.reduce(0) { $0 + $1.schedule.amount } }
        /// The grant towards the investment, and how much it gives (0 without one).
        public var grant: SupportGrant?
        public var grantAmount: Double = 0
        /// False when the household's capital was not given (then nothing is said of a loan not needed).
        public var capitalKnown = true
        public var firstIncome: Int?
        public var income: Double
        public var metrics: CashFlowMetrics
        public var flow: [Double]
        /// The first hazard, warning or mitigation that applies, for a one-line caution.
        public var caution: Reason.Detail?
        /// The household's cash flow at the low price band, for "if prices fall".
        public var lowFlow: [Double]
        /// The odds, when simulated.
        public var risk: RiskProfile?
        /// The prices inside their sourced range that would undo the gain, nearest first (``TippingPoint``).
        public var tipping: [TippingPoint] = []
    }

    public var language: Language
    /// What the report recommends, if anything.
    public var recommendation: Recommendation?
    public var title: String
    public var place: String
    public var household: String
    public var headline: String
    public var summary: String?
    public var figures: [KeyFigure]
    public var chartTitle: String
    public var charts: [Chart]
    public var compareTitle: String
    public var compareHeaders: [String]
    public var rows: [Row]
    public var reasonsTitle: String
    public var reasons: [String]
    public var heldBackTitle: String
    public var heldBack: [(model: String, reasons: [String])]
    public var footer: String

    /// The models held back that the page names; the rest are counted (the text output lists them all).
    static let heldBackShown = 3

    /// Builds the content of an advice.
    /// - Parameters:
    ///   - date: the day the report is made (`YYYY-MM-DD`), printed in the footer.
    public init(advice: Advice, settings: RegionalSettings, language: Language, date: String) {
        func t(_ key: Catalogue.Key) -> String { Catalogue.text(key, language) }
        func f(_ key: Catalogue.Key, _ args: String...) -> String { Catalogue.format(key, language, arguments: args) }
        func money(_ v: Double) -> String { NumberFormat.moneyProse(v, language, words: true) }
        func level(_ scale: String, _ id: String) -> String { settings.scales[scale]?.level(id)?.name(language) ?? id }
        self.language = language
        let h = advice.household
        title = t(.reportTitle)
        place = settings.ruleset.name(language)
        let cong = settings.congM2.value
        var parts = ["\(t(.land).capitalizedFirst) \(NumberFormat.grouped(h.landM2, language)) m² (\(NumberFormat.short(h.landM2 / cong, language)) công)"]
        if let capital = h.capitalVND { parts.append(f(.reportCapitalGiven, money(capital))) }
        parts.append("\(t(.flood)): \(level("flood", h.flood))")
        parts.append("\(t(.salinity)): \(level("salinity", h.salinity))")
        parts.append(f(.reportMembers, NumberFormat.short(h.members, language)) + ", " + f(.reportWorkers, NumberFormat.short(h.labour, language)))
        let who = [h.id, h.name].compactMap { $0 }.filter { !$0.isEmpty }
        household = (who.isEmpty ? "" : who.joined(separator: " — ") + " · ") + parts.joined(separator: " · ")

        // The recommendation: the whole-farm plan when it combines models, else the best single option.
        typealias Pick = Recommendation
        func caution(_ o: ModelAdvice?) -> Reason.Detail? {
            o?.reasons.first { ["risk", "warning", "mitigation"].contains($0.effect) }?.detail
        }
        func scaleText(_ model: FarmModel, _ scale: Double) -> String { model.scale.describe(scale, language) }
        func pick(_ o: ModelAdvice) -> Pick {
            let p = o.projection
            return Pick(name: "\(o.model.name(language)) — \(scaleText(o.model, o.scale))", summary: o.model.summary(language), investment: p.investment,
                        loans: p.loans, grant: p.financing.grant, grantAmount: p.financing.grantAmount,
                        capitalKnown: advice.household.capitalVND != nil, firstIncome: p.firstIncomeYear, income: p.riskAdjustedIncome, metrics: p.household,
                        flow: p.riskAdjustedCashFlow, caution: caution(o), lowFlow: p.cashFlow[.low] ?? [], risk: o.risk,
                        tipping: o.tippingPoints)
        }
        func pick(_ plan: Plan) -> Pick {
            let parts = plan.components.map { c in
                zip(c.models, c.scales).map { "\($0.name(language)) — \(scaleText($0, $1))" }.joined(separator: " + ")
                    + (c.intercrop.map { _ in " (\(t(.intercropWith)))" } ?? "")
            }
            return Pick(name: parts.joined(separator: "; "), summary: plan.notes.first.map { $0(language) }, investment: plan.investment, loans: plan.projection.loans,
                        grant: plan.projection.financing.grant, grantAmount: plan.projection.financing.grantAmount,
                        capitalKnown: advice.household.capitalVND != nil, firstIncome: plan.firstIncomeYear, income: plan.riskAdjustedIncome, metrics: plan.household,
                        flow: plan.riskAdjustedCashFlow, caution: plan.components.lazy.flatMap(\.models).compactMap { m in caution(advice.options.first { $0.model.id == m.id }) }.first,
                        lowFlow: plan.projection.cashFlow[.low] ?? [], risk: plan.risk, tipping: plan.tippingPoints)
        }
        let best = advice.recommendation
        let planned = advice.recommendedPlan
        let chosen = planned.map(pick) ?? best.map(pick)
        recommendation = chosen
        // The runner-up: the best single model outside the recommendation.
        let inChosen = Set(planned?.modelIDs ?? best.map { [$0.model.id] } ?? [])
        let runnerUp = advice.options.first { $0.verdict != .unsuitable && !inChosen.contains($0.model.id) }.map(pick)
        if let chosen {
            headline = "\(t(.reportAdvice)): \(chosen.name)"
            summary = chosen.summary
            var figures = [KeyFigure(label: t(.reportInvestment), value: money(chosen.investment), note: nil)]
            // The grant, when there is one, is said under the loan (the page keeps its six figures).
            let grant = chosen.grantAmount > 0.5 ? "\(t(.reportGrant)): \(money(chosen.grantAmount))" : nil
            if let total = chosen.loan {
                let terms = chosen.loans.map { loan, programme in
                    (chosen.loans.count > 1 ? money(loan.amount) + " " : "") + "\(programme.name(language)), "
                        + Catalogue.loanTerms(loan, language)
                }
                figures.append(KeyFigure(label: t(.reportLoan), value: money(total), note: (terms + [grant].compactMap { $0 }).joined(separator: "; ")))
            } else {
                figures.append(KeyFigure(label: t(.reportLoan), value: t(chosen.capitalKnown ? .reportNoLoan : .reportLoanUnknown), note: grant))
            }
            figures.append(KeyFigure(label: t(.reportFirstIncome), value: chosen.firstIncome.map { f(.reportYear, String($0)) } ?? "—", note: nil))
            figures.append(KeyFigure(label: t(.reportIncome), value: money(chosen.income), note: t(.reportIncomeNote)))
            figures.append(KeyFigure(label: t(.reportPayback), value: chosen.metrics.paybackYear.map { f(.reportYear, String($0)) } ?? f(.reportNoPayback, String(advice.horizon)), note: nil))
            figures.append(KeyFigure(label: t(.reportLowPoint), value: money(chosen.metrics.lowPoint), note: f(.reportYear, String(chosen.metrics.lowPointYear))))
            self.figures = figures
        } else {
            headline = t(.reportNoAdvice)
            summary = nil
            figures = []
        }
        chartTitle = t(.reportChartTitle)
        charts = [chosen, runnerUp].compactMap { $0 }.enumerated().map { index, p in
            Chart(title: (index == 0 ? "" : t(.reportRunnerUp) + ": ") + p.name, flow: p.flow, lowPointYear: p.metrics.lowPointYear,
                  paybackYear: p.metrics.paybackYear, lowLabel: t(.reportLowPointLabel), paybackLabel: t(.reportPaybackLabel))
        }
        compareTitle = t(.reportCompare)
        compareHeaders = [t(.model), t(.verdict), t(.investment), t(.incomePerYear), t(.firstIncome), t(.payback)]
        // A model of the plan is shown at the plan's scale, with its share of the plan's figures; the others
        // at their own best scale. Each row names its scale, so that the table and the headline agree.
        let planParts = planned.map { plan in
            Dictionary(plan.projection.parts.map { ($0.economics.modelID, $0) }, uniquingKeysWith: { a, _ in a })
        } ?? [:]
        // Models that do not suit the household are listed once, under "held back", with why.
        rows = advice.options.filter { $0.verdict != .unsuitable || planParts[$0.model.id] != nil }.map { o in
            let p = o.projection
            if let plan = planned, let part = planParts[o.model.id] {
                let e = part.economics
                return Row(model: "\(o.model.name(language)) — \(scaleText(o.model, part.scale))", verdict: Catalogue.verdict(o.verdict, language),
                           investment: money(e.investment(at: part.scale)), income: money(plan.projection.income(of: part)),
                           firstIncome: e.firstRevenueYear.map(String.init) ?? "—", payback: plan.household.paybackYear.map(String.init) ?? "—",
                           isRecommendation: true)
            }
            return Row(model: o.verdict == .unsuitable ? o.model.name(language) : "\(o.model.name(language)) — \(scaleText(o.model, o.scale))",
                       verdict: Catalogue.verdict(o.verdict, language), investment: money(p.investment),
                       income: money(p.riskAdjustedIncome), firstIncome: p.firstIncomeYear.map(String.init) ?? "—",
                       payback: o.verdict == .unsuitable ? "—" : p.household.paybackYear.map(String.init) ?? "—",
                       isRecommendation: inChosen.contains(o.model.id))
        }
        reasonsTitle = t(.reportReasons)
        // The reasons of what is recommended: every model of the plan (its hazards and warnings included).
        let chosenOptions = planned.map { plan in plan.modelIDs.compactMap { id in advice.options.first { $0.model.id == id } } } ?? best.map { [$0] } ?? []
        var seen: Set<String> = []
        // What the verdict hangs on first: the nearest price that would undo the gain of the whole recommendation.
        let tipping = chosen?.tipping.first.map { [Catalogue.reason(.tippingPoint($0), language, words: true)] } ?? []
        var reasons = tipping + chosenOptions.flatMap(\.reasons).filter { r in
            if case .tippingPoint = r.detail { return false }
            return r.rule != "capital.unknown"
        }
            .map { Catalogue.reason($0.detail, language, words: true) }.filter { seen.insert($0).inserted }.prefix(3).map { $0 }
        if let chosen {
            let low = CashFlowMetrics(chosen.lowFlow, discountRate: advice.discountRate)
            reasons.append(f(.reportPriceRisk, String(advice.horizon), money(low.npv)))
            if let r = chosen.risk {
                reasons += Catalogue.odds(r, hasBaseline: advice.baseline != nil, hasLoan: chosen.loan != nil, otherIncomeAssumed: advice.household.assumed.contains(.otherIncomeVND), linesEnd: settings.povertyLinesEnd, language, words: true).dropFirst()
            }
        }
        self.reasons = Array(reasons.prefix(5))
        heldBackTitle = t(.reportHeldBack)
        // One line a model, so that the page holds every household: the first reason and the nearest change.
        let unsuitable = advice.options.filter { $0.verdict == .unsuitable && planParts[$0.model.id] == nil }
        heldBack = unsuitable.prefix(Self.heldBackShown).map { o in
            (o.model.name(language), o.reasons.filter { $0.effect == "unsuitable" }.prefix(1).map { Catalogue.reason($0.detail, language, words: true) }
                + (o.whatWouldChange.first.map { [t(.whatWouldChange) + ": " + Catalogue.change($0, settings: settings, language, words: true) + "."] } ?? []))
        }
        if unsuitable.count > Self.heldBackShown {
            heldBack.append((f(.reportMoreHeldBack, String(unsuitable.count - Self.heldBackShown)), []))
        }
        footer = f(.reportFooter, advice.ruleset.id, advice.ruleset.version, advice.ruleset.effective, date)
            + (advice.stale.isEmpty ? "" : " · " + f(.staleNote, String(advice.stale.count)))
            + advice.overrides.map { " · \(t(.override)): \($0.id)" }.joined()
    }

}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// The text with its first letter in lower case (a name inside a sentence).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
