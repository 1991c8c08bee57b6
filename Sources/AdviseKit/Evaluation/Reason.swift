/// Why a model got its verdict: a rule that fired, or a limit the engine found (land, capital, labour,
/// economics). Rendering turns it into words in the output language.
public struct Reason: Sendable, Equatable {
    /// The rule id, or an engine id such as `scale.land` or `economics.npv`.
    public var rule: String
    /// `unsuitable`, `mitigation`, `adjust`, `warning`, `risk`, `condition` (what the verdict holds on), or
    /// `info` for engine notes.
    public var effect: String
    /// What the reason says.
    public var detail: Detail
    /// The household facts the rule read, with their values (levels by id).
    public var observed: [Observation]

    /// The content of a reason.
    public enum Detail: Sendable, Equatable {
        /// A rule's own message.
        case rule(LocalizedText)
        /// The land is below the model's minimum.
        case landTooSmall(needM2: Double, haveM2: Double)
        /// Even the smallest scale costs more than own capital plus the largest loan.
        case capitalShort(needVND: Double, haveVND: Double, loanCeilingVND: Double)
        /// A loan covers part of the investment.
        case loanNeeded(amountVND: Double, programme: LocalizedText)
        /// The family lacks labour; the shortfall is hired and costed.
        case hiredLabour(days: Double, costVND: Double)
        /// The model loses money over the horizon.
        case doesNotPay(npvVND: Double, horizon: Int)
        /// Capital was not given: the investment is what the model needs.
        case capitalUnknown(needVND: Double)
        /// It pays, but not more than keeping the current use (the baseline) on the same land.
        case noGain(gainVND: Double, baseline: LocalizedText)
        /// The family's labour earns less per day than the hired wage.
        case belowWage(perDayVND: Double, wageVND: Double)
        /// Its smallest scale takes more working members than the household has.
        case workersShort(need: Double, have: Double)
        /// The household is new to the model: it is planned at the model's starter scale (`scale`, in `unit`
        /// or m²), which grows as `growth` says.
        case starter(scale: Double, unit: LocalizedText?, model: LocalizedText, modelID: String, growth: LocalizedText?)
        /// The household could not carry the loan the scale needed (it would miss an instalment in `missed` of
        /// the futures): the loan is kept to what it can carry (0: none).
        case loanLimited(allowedVND: Double, askedVND: Double, missed: Double)
        /// A price inside its sourced range at which the gain over the current use would be zero: the verdict
        /// holds only on its side of it.
        case tippingPoint(TippingPoint)
    }

    /// A fact a rule read, and its value.
    public struct Observation: Sendable, Equatable {
        public var fact: HouseholdFact
        /// A number, or a level id.
        public var value: String
    }
}
