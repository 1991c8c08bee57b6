import Foundation

/// Turns a ``HouseholdInput`` (flags, a household file, a batch row) into a ``Household``, filling in
/// the rule set's defaults and naming, for every bad value, where it came from and the accepted forms.
public struct HouseholdParser: Sendable {
    /// The rule set's settings (units, scales, defaults).
    public var settings: RegionalSettings
    /// How to name a fact to the user: `--land` on the command line, `land` in a file, `column land` in a batch.
    public var label: @Sendable (HouseholdFact) -> String

    /// Every accepted spelling of every level, normalised, by fact.
    private let levels: [[String: String]]
    /// The rule set's defaults by fact index.
    private let defaults: [HouseholdInput.Entry?]
    /// The rule set's model ids, which `experience` may name (empty: any id is taken as written).
    public var models: [String]
    /// The number facts' defaults as numbers (nil: no default, or one that cannot be read), read once for
    /// ``number(_:_:)``, which a batch asks for every row.
    private let defaultNumbers: [Double?]

    /// Creates a parser.
    public init(settings: RegionalSettings, models: [String] = [], label: @escaping @Sendable (HouseholdFact) -> String = { $0.inputName }) {
        self.settings = settings
        self.models = models
        self.label = label
        var levels = [[String: String]](repeating: [:], count: HouseholdFact.allCases.count)
        for fact in HouseholdFact.allCases {
            guard let scale = fact.scale.flatMap({ settings.scales[$0] }) else { continue }
            var table: [String: String] = [:]
            for level in scale.levels.reversed() {
                for spelling in [level.id, level.name.vi, level.name.en] + level.aliases { table[Self.key(spelling)] = level.id }
            }
            levels[fact.rawValue] = table
        }
        self.levels = levels
        defaults = HouseholdFact.allCases.map { fact in settings.defaults[fact].map { HouseholdInput.Entry($0, at: settings.location) } }
        defaultNumbers = HouseholdFact.allCases.map { fact in settings.defaults[fact].flatMap { try? Self.quantity(fact, $0, settings)?.get() } }
    }

    /// Parses every fact, reporting every bad value (not only the first).
    /// - Throws: ``DiagnosticError`` with one `input.*` diagnostic per bad or missing value.
    public func parse(_ input: HouseholdInput) throws(DiagnosticError) -> Household {
        var problems: [Diagnostic] = []
        var assumed: [HouseholdFact] = []
        // The facts as read, in locals rather than arrays: a batch parses a million rows.
        var land: Double?, capital: Double?, labour: Double?, members: Double?, otherIncome: Double?
        var flood = "", salinity = "", currentUse = "", loanCategory = ""
        for fact in HouseholdFact.allCases {
            var entry = input[fact]
            if entry == nil, let fallback = defaults[fact.rawValue] {
                entry = fallback
                assumed.append(fact)
            }
            guard let entry else {
                // Other income not given counts as none, and the outputs say it was assumed.
                if fact == .otherIncomeVND { assumed.append(fact) }
                if fact == .landM2 {
                    let label = label(fact), cong = settings.congM2.value, others = settings.areaUnits
                    problems.append(.error("input.missing", LocalizedText {
                        Catalogue.format(.qLandRequired, $0, label, QuantityParser.areaForms($0, congM2: cong, others: others))
                    }, at: nil))
                }
                continue
            }
            switch value(fact, entry.text).flatMap({ plausible(fact, entry.text, $0) }) {
            case let .success(.number(v)):
                switch fact {
                case .landM2: land = v
                case .capitalVND: capital = v
                case .labour: labour = v
                case .members: members = v
                case .otherIncomeVND: otherIncome = v
                case .flood, .salinity, .currentUse, .loanCategory: break
                }
            case let .success(.level(id)):
                switch fact {
                case .flood: flood = id
                case .salinity: salinity = id
                case .currentUse: currentUse = id
                case .loanCategory: loanCategory = id
                case .landM2, .capitalVND, .labour, .members, .otherIncomeVND: break
                }
            case let .failure(problem):
                let label = label(fact)
                problems.append(.error("input.\(fact.inputName)", LocalizedText { "\(label): \(problem.text($0))" }, at: entry.location))
            }
        }
        let experience = input.experience.map { self.experience($0, &problems) } ?? []
        guard problems.isEmpty, let land else { throw DiagnosticError(problems) }
        var household = Household(
            id: input.id, landM2: land, capitalVND: capital, flood: flood, salinity: salinity, labour: labour ?? Self.unstated(.labour), members: members ?? Self.unstated(.members),
            currentUse: currentUse, loanCategory: loanCategory, otherIncomeVND: otherIncome ?? Self.unstated(.otherIncomeVND), assumed: assumed)
        household.name = input.name
        household.experience = experience
        return household
    }

    /// The model ids of an `experience` entry (separated by commas, semicolons or spaces), each checked
    /// against the rule set's models; an unknown one is a problem naming the accepted ids.
    private func experience(_ entry: HouseholdInput.Entry, _ problems: inout [Diagnostic]) -> [String] {
        let ids = entry.text.split(whereSeparator: { ",; \t".contains($0) }).map { $0.lowercased() }
        for id in ids where !models.isEmpty && !models.contains(id) {
            let accepted = models.joined(separator: ", ")
            problems.append(.error("input.experience", Catalogue.suggesting(LocalizedText {
                Catalogue.format(.qExperience, $0, id, accepted)
            }, Spelling.closest(to: id, among: models)), at: entry.location))
        }
        return Array(Set(ids)).sorted()
    }

    /// A number fact from a batch field as ``parse(_:)`` reads it — the default when the field is empty —
    /// or nil when it cannot be read (the full parse says why).
    func number(_ fact: HouseholdFact, _ field: Substring?) -> Double? {
        guard let field, !field.isEmpty else { return defaults[fact.rawValue] == nil ? Self.unstated(fact) : defaultNumbers[fact.rawValue] }
        guard let v = try? Self.quantity(fact, String(field), settings)?.get() else { return nil }
        return (try? plausible(fact, String(field), .number(v)).get()) == nil ? nil : v
    }

    /// What a household has of labour, members or other income when nobody states it and the rule set
    /// gives no default: none, one member, none.
    private static func unstated(_ fact: HouseholdFact) -> Double { fact == .members ? 1 : 0 }

    private enum Parsed { case number(Double), level(String) }

    /// A number surely short of its unit or past it (``InputLimits``) refused with its likely meaning: capital
    /// or other income other than 0 below the least money (`150` — `150tr`?), land other than 0 below the
    /// least (`5` — `5 công`?) or above the most.
    private func plausible(_ fact: HouseholdFact, _ text: String, _ parsed: Parsed) -> Result<Parsed, QuantityParser.Problem> {
        guard let limits = settings.inputLimits, case let .number(v) = parsed, v > 0 else { return .success(parsed) }
        let written = QuantityParser.trimmed(text)
        switch fact {
        case .capitalVND where v < limits.moneyMinimum.value, .otherIncomeVND where v < limits.moneyMinimum.value:
            return .failure(.init { language in
                let amount = NumberFormat.money(v, language) + (fact == .otherIncomeVND ? Catalogue.text(.perYear, language) : "")
                return Catalogue.format(.qMoneyShort, language, written, amount, NumberFormat.money(limits.moneyMinimum.value, language), written + "tr")
            })
        case .landM2 where v < limits.landMinimum.value:
            return .failure(.init { language in
                Catalogue.format(.qLandShort, language, written, NumberFormat.grouped(v, language) + " m²",
                                 NumberFormat.grouped(limits.landMinimum.value, language) + " m²", written + " công")
            })
        case .landM2 where v > limits.landMaximum.value:
            return .failure(.init { language in
                Catalogue.format(.qLandLong, language, written, NumberFormat.grouped(v, language) + " m²",
                                 NumberFormat.grouped(limits.landMaximum.value / 10_000, language) + " ha")
            })
        default:
            return .success(parsed)
        }
    }

    /// A number fact read from its text with the rule set's units; nil for a level fact.
    private static func quantity(_ fact: HouseholdFact, _ text: String, _ settings: RegionalSettings) -> Result<Double, QuantityParser.Problem>? {
        switch fact {
        case .landM2: QuantityParser.area(text, congM2: settings.congM2.value, others: settings.areaUnits)
        case .capitalVND: QuantityParser.money(text)
        case .labour: QuantityParser.count(text, minimum: 0, maximum: 50)
        case .members: QuantityParser.count(text, minimum: 1, maximum: 50)
        case .otherIncomeVND: QuantityParser.income(text)
        case .flood, .salinity, .currentUse, .loanCategory: nil
        }
    }

    private func value(_ fact: HouseholdFact, _ text: String) -> Result<Parsed, QuantityParser.Problem> {
        if let number = Self.quantity(fact, text, settings) { return number.map(Parsed.number) }
        // A level fact.
        let table = levels[fact.rawValue]
        if let id = table[text] ?? table[Self.key(text)] { return .success(.level(id)) }
        guard let scaleID = fact.scale, let scale = settings.scales[scaleID] else {
            return .failure(.init(.qNoScale, fact.scale ?? ""))
        }
        return .failure(Self.unknownLevel(text, in: scale))
    }

    /// A spelling normalised: lower case, without diacritics, spaces and underscores as dashes.
    static func key(_ s: String) -> String { Spelling.folded(s) }

    /// The message for a text that is no level of the scale.
    static func unknownLevel(_ text: String, in scale: ExposureScale) -> QuantityParser.Problem {
        let wanted = key(text)
        let near = Spelling.closest(to: wanted, among: scale.levels.map(\.id))
            ?? scale.levels.first { Spelling.closest(to: wanted, among: [key($0.name.vi)]) != nil }?.name.vi
        let problem = Catalogue.suggesting(LocalizedText { language in
            // In Vietnamese the levels are named in Vietnamese; in English by their ids, as the flags take them.
            let accepted = scale.levels.map { language == .vi ? "\($0.name.vi) (\($0.id))" : $0.id }.joined(separator: ", ")
            let scaleName = language == .vi ? scale.name.vi.lowercased() : scale.id.replacingOccurrences(of: "_", with: " ")
            return Catalogue.format(.qNotLevel, language, text, scaleName, accepted)
        }, near)
        return .init { problem($0) }
    }
}

extension HouseholdFact {
    /// The name of the fact as a flag (without dashes), a household-file key and a batch column.
    public var inputName: String {
        switch self {
        case .landM2: "land"
        case .capitalVND: "capital"
        case .flood: "flood"
        case .salinity: "salinity"
        case .labour: "labour"
        case .members: "members"
        case .currentUse: "current-use"
        case .loanCategory: "loan-category"
        case .otherIncomeVND: "other-income"
        }
    }

    /// The fact with an input name (`land`, `current-use`; `current_use` is accepted too).
    public static func input(named name: String) -> HouseholdFact? {
        let n = String(name.map { $0 == "_" ? "-" : $0 })
        return allCases.first { $0.inputName == n }
    }
}
