/// The rule set's regional settings: identity, currency, appraisal, exposure scales, loans, poverty line.
public struct RegionalSettings: Sendable {
    /// The rule set's id, version and effective date, stamped on every output.
    public var ruleset: RuleSetInfo
    /// Default output language.
    public var language: Language
    /// Years of cash flow after the investment year.
    public var horizonYears: Int
    /// Yearly discount rate for NPV (a fraction).
    public var discountRate: Figure
    /// Square metres in one công.
    public var congM2: Figure
    /// Every regional area unit of `area_units` (the công first), for household values such as `2 sào`.
    public var areaUnits: [AreaUnit] = []
    /// The ward's targets (`ward_targets`), for `advise ward`.
    public var wardTargets: WardTargets?
    /// Default household facts, in the forms the flags accept.
    public var defaults: [HouseholdFact: String]
    /// Other names of the input columns, as the rule set writes them, by the input name they stand for
    /// (`id` or a fact's ``HouseholdFact/inputName``): `land` → `diện tích`, `đất`.
    public var columnNames: [String: [String]] = [:]
    /// Person-days one working household member gives a year.
    public var workdaysPerWorker: Figure
    /// VND per hired person-day.
    public var hiredLabourWage: Figure
    /// The share of the hired wage a family person-day is valued at in the ranking value (a fraction).
    public var familyLabourValue: Figure
    /// The poverty lines by period, oldest first (one line for all years when the settings give a single
    /// `poverty_line`).
    public var povertyLines: [PovertyLine]
    /// Whether the ward is urban or rural.
    public var areaType: AreaType = .urban
    /// Exposure and category scales, keyed by id (`flood`, `salinity`, `current_use`, `loan_category`).
    public var scales: [String: ExposureScale]
    /// Loan programmes.
    public var loanProgrammes: [LoanProgramme]
    /// Livelihood grants.
    public var grants: [SupportGrant] = []
    /// What a household must carry before a loan is recommended (`repayment`); nil: loans are not
    /// constrained by the odds (a rule set without the setting).
    public var repayment: Repayment?
    /// What a household's figures can plausibly be (`input_limits`); nil: only the parsers' own bounds.
    public var inputLimits: InputLimits?
    /// How much new scale of a model the ward's market takes at the price the rule set assumes (does of goats, m²
    /// of net-house), by model id: `advise ward` never plans more (``WardResources/marketLimits``).
    public var marketLimits: [String: Figure] = [:]
    /// What the calibration trusts and how far a proposal may move a figure (`calibration`).
    public var calibration = RegionalSettings.defaultCalibration
    /// The calibration's limits when the settings give none: ×0.2–5 plausible, ±50 % a proposal.
    public static let defaultCalibration = CalibrationLimits(plausibleLow: 0.2, plausibleHigh: 5, proposalCap: 0.5)
    /// The products' markets: how their prices swing (for the odds).
    public var markets: [Market] = []
    /// Correlations of the markets' yearly price shocks (pairs not listed are independent).
    public var marketCorrelations: [MarketCorrelation] = []
    /// Named numbers rule conditions may use.
    public var constants: [String: Figure]
    /// Price figures whose newest source is older than this many years are reported as stale.
    public var priceMaxAgeYears: Double
    /// The household profiles `advise rules coverage` sweeps, and over which conditions are checked.
    public var coverage: CoverageGrid
    /// Where the settings are written.
    public var location: SourceLocation

    /// How money, time and labour are valued, with prices expected from `startYear` (the calendar year of year 0)
    /// on; nil: every price at its long-run level.
    public func valuation(startYear: Int?) -> Valuation {
        Valuation(horizon: horizonYears, discountRate: discountRate.value, wage: hiredLabourWage.value, familyLabourShare: familyLabourValue.value,
                  outlook: startYear.map { PriceOutlook(markets: markets, startYear: $0) } ?? PriceOutlook())
    }

    /// The names rule expressions may use.
    public var nameTable: NameTable {
        NameTable(scales: scales.mapValues { $0.levels.map(\.id) }, constants: constants.mapValues(\.value))
    }

    /// The poverty line in force in a calendar year: the latest that covers it; before the first, the first;
    /// after the last, the last (an output then says the line has expired).
    public func povertyLine(inYear year: Int) -> PovertyLine? {
        if let line = povertyLines.last(where: { $0.covers(year) }) { return line }
        guard let first = povertyLines.first else { return nil }
        return year < first.firstYear ? first : povertyLines.last
    }

    /// The last year a poverty line is set for (nil: the schedule has no end); a year after it uses the last
    /// line as an assumption, which every output using it says.
    public var povertyLinesEnd: Int? { povertyLines.last.flatMap { $0.to == nil ? nil : $0.lastYear } }

    /// Whether the line of a calendar year is assumed (past the schedule's end), not set.
    public func povertyLineAssumed(inYear year: Int) -> Bool { povertyLinesEnd.map { year > $0 } ?? false }

    /// The poverty line in force in a calendar year for the ward's area type, VND per person per month.
    public func povertyLineMonth(inYear year: Int) -> Double { (povertyLine(inYear: year)?.figure(areaType).value ?? 0) / 12 }

    /// The loan programmes a household can use, cheapest first.
    public func loans(category: String, facts: DenseFacts) -> [LoanProgramme] {
        loanProgrammes.filter { $0.eligibility.admits(category: category, facts: facts, area: areaType) }.sorted { $0.rate.value < $1.rate.value }
    }

    /// The grants a household can use, largest first.
    public func grants(category: String, facts: DenseFacts) -> [SupportGrant] {
        grants.filter { $0.eligibility.admits(category: category, facts: facts, area: areaType) }.sorted { $0.amount.value > $1.amount.value }
    }
}

/// Land and capital values to sweep; the exposure and loan scales are swept over all their levels.
public struct CoverageGrid: Sendable {
    /// m².
    public var landM2: [Double]
    /// VND.
    public var capitalVND: [Double]
}

/// Id, version and effective date of a rule set.
public struct RuleSetInfo: Sendable, Hashable {
    public var id: String
    public var version: String
    public var effective: String
    public var name: LocalizedText
    /// Where it was read: a folder as given, or `embedded` (the rule set built into the binary); empty when
    /// the caller did not say.
    public var source = ""
}

/// An ordered scale of levels (flood exposure, salinity, current land use, loan category), each defined
/// in words an officer can apply in the field.
public struct ExposureScale: Sendable {
    public var id: String
    public var name: LocalizedText
    public var levels: [Level]

    /// One level of a scale.
    public struct Level: Sendable {
        public var id: String
        public var name: LocalizedText
        public var meaning: LocalizedText?
        /// Other spellings an officer may type.
        public var aliases: [String]
        /// For a current land use: the baseline model that says what keeping it earns (none for bare land).
        public var baseline: String? = nil
    }

    /// The level with an id.
    public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
}

/// A loan programme: the Vietnam Bank for Social Policies' preferential loans, a bank's agricultural loans.
/// The engine lends the household the cheapest programme open to it that closes its capital gap.
///
/// A class, immutable once loaded: every household's resources list the programmes open to it, and sharing
/// them costs a reference, not a copy of their texts and figures.
public final class LoanProgramme: Sendable {
    public let id: String
    public let name: LocalizedText
    /// Loan categories it lends to (empty: any).
    public var categories: [String] { eligibility.categories }
    /// Who it lends to and what it finances.
    public let eligibility: Eligibility
    /// Largest loan, VND.
    public let ceiling: Figure
    /// Yearly interest rate, a fraction.
    public let rate: Figure
    /// Longest term in months.
    public let termMonths: Int
    /// The longest grace the programme allows on principal and interest until what it finances first earns, in
    /// months (the establishment stage of a perennial crop); nil when it allows none.
    public let graceMonths: Int?
    public let provenance: Provenance

    public init(id: String, name: LocalizedText, eligibility: Eligibility, ceiling: Figure, rate: Figure, termMonths: Int, graceMonths: Int? = nil,
                provenance: Provenance) {
        self.id = id
        self.name = name
        self.eligibility = eligibility
        self.ceiling = ceiling
        self.rate = rate
        self.termMonths = termMonths
        self.graceMonths = graceMonths
        self.provenance = provenance
    }

    /// The grace of a loan for what first earns in year `firstIncome`: the years before it, within the programme's
    /// longest grace, leaving at least a year of the term to repay in; 0 without a grace.
    public func graceYears(firstIncome: Int?) -> Int {
        guard let months = graceMonths, let first = firstIncome else { return 0 }
        return max(0, min(first - 1, months / 12, (termMonths + 11) / 12 - 1))
    }
}
