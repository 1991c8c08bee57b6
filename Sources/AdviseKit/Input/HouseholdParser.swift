import Foundation

/// Turns a ``HouseholdInput`` (flags, a household file, a batch row) into a ``Household``, filling in
/// the rule set's defaults and naming, for every bad value, where it came from and the accepted forms.
public struct HouseholdParser: Sendable {
    /// The rule set's settings (units, scales, defaults).
    public var settings: RegionalSettings
    /// How to name a fact to the user: `--land` on the command line, `land` in a file, `column land` in a batch.
    public var label: @Sendable (HouseholdFact) -> String

    /// Every accepted spelling of every level, normalised, by fact.
    private let levels: [HouseholdFact: [String: String]]

    /// Creates a parser.
    public init(settings: RegionalSettings, label: @escaping @Sendable (HouseholdFact) -> String = { $0.inputName }) {
        self.settings = settings
        self.label = label
        var levels: [HouseholdFact: [String: String]] = [:]
        for fact in HouseholdFact.allCases {
            guard let scale = fact.scale.flatMap({ settings.scales[$0] }) else { continue }
            var table: [String: String] = [:]
            for level in scale.levels.reversed() {
                for spelling in [level.id, level.name.vi, level.name.en] + level.aliases { table[Self.key(spelling)] = level.id }
            }
            levels[fact] = table
        }
        self.levels = levels
    }

    /// Parses every fact, reporting every bad value (not only the first).
    /// - Throws: ``DiagnosticError`` with one `input.*` diagnostic per bad or missing value.
    public func parse(_ input: HouseholdInput) throws(DiagnosticError) -> Household {
        var problems: [Diagnostic] = []
        var assumed: [HouseholdFact] = []
        var values: [HouseholdFact: Double] = [:]
        var levels: [HouseholdFact: String] = [:]

        for fact in HouseholdFact.allCases {
            var entry = input[fact]
            if entry == nil, let fallback = settings.defaults[fact] {
                entry = HouseholdInput.Entry(fallback, at: settings.location)
                assumed.append(fact)
            }
            guard let entry else {
                if fact == .landM2 {
                    problems.append(.error("input.missing", "\(label(fact)) is required: the land the household can convert, as \(QuantityParser.areaForms)", at: nil))
                }
                continue
            }
            switch value(fact, entry.text) {
            case let .success(.number(v)): values[fact] = v
            case let .success(.level(id)): levels[fact] = id
            case let .failure(problem):
                problems.append(.error("input.\(fact.inputName)", "\(label(fact)): \(problem.message)", at: entry.location))
            }
        }
        guard problems.isEmpty, let land = values[.landM2] else { throw DiagnosticError(problems) }
        return Household(
            id: input.id, landM2: land, capitalVND: values[.capitalVND],
            flood: levels[.flood] ?? "", salinity: levels[.salinity] ?? "",
            labour: values[.labour] ?? 0, members: values[.members] ?? 1,
            currentUse: levels[.currentUse] ?? "", loanCategory: levels[.loanCategory] ?? "",
            assumed: assumed)
    }

    private enum Parsed { case number(Double), level(String) }

    private func value(_ fact: HouseholdFact, _ text: String) -> Result<Parsed, QuantityParser.Problem> {
        switch fact {
        case .landM2: return QuantityParser.area(text, congM2: settings.congM2.value).map(Parsed.number)
        case .capitalVND: return QuantityParser.money(text).map(Parsed.number)
        case .labour: return QuantityParser.count(text, minimum: 0, maximum: 50).map(Parsed.number)
        case .members: return QuantityParser.count(text, minimum: 1, maximum: 50).map(Parsed.number)
        case .flood, .salinity, .currentUse, .loanCategory:
            guard let scaleID = fact.scale, let scale = settings.scales[scaleID] else {
                return .failure(.init(message: "the rule set declares no \(fact.scale ?? "") scale"))
            }
            if let id = levels[fact]?[text] ?? levels[fact]?[Self.key(text)] { return .success(.level(id)) }
            return .failure(Self.unknownLevel(text, in: scale))
        }
    }

    /// A spelling normalised: lower case, trimmed, spaces and underscores as dashes.
    static func key(_ s: String) -> String {
        let trimmed = s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        return String(String(trimmed).lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// The message for a text that is no level of the scale.
    static func unknownLevel(_ text: String, in scale: ExposureScale) -> QuantityParser.Problem {
        let wanted = key(text)
        var message = "'\(text)' is not a \(scale.id.replacingOccurrences(of: "_", with: " ")) level; accepted: \(scale.levels.map(\.id).joined(separator: ", "))"
        if let s = Spelling.closest(to: wanted, among: scale.levels.map(\.id)) { message += "; did you mean '\(s)'?" }
        return .init(message: message)
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
        }
    }

    /// The fact with an input name (`land`, `current-use`; `current_use` is accepted too).
    public static func input(named name: String) -> HouseholdFact? {
        let n = String(name.map { $0 == "_" ? "-" : $0 })
        return allCases.first { $0.inputName == n }
    }
}
