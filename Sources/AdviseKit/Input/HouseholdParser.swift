import Foundation

/// Turns a ``HouseholdInput`` (flags, a household file, a batch row) into a ``Household``, filling in
/// the rule set's defaults and naming, for every bad value, where it came from and the accepted forms.
public struct HouseholdParser: Sendable {
    /// The rule set's settings (units, scales, defaults).
    public var settings: RegionalSettings
    /// How to name a fact to the user: `--land` on the command line, `land` in a file, `column land` in a batch.
    public var label: @Sendable (HouseholdFact) -> String

    /// Creates a parser.
    public init(settings: RegionalSettings, label: @escaping @Sendable (HouseholdFact) -> String = { $0.inputName }) {
        self.settings = settings
        self.label = label
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
            return Self.level(text, in: scale).map(Parsed.level)
        }
    }

    /// Finds a level by id, name or alias, ignoring case, spaces and underscores.
    static func level(_ text: String, in scale: ExposureScale) -> Result<String, QuantityParser.Problem> {
        func key(_ s: String) -> String {
            s.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        }
        let wanted = key(text)
        for level in scale.levels where ([level.id, level.name.vi, level.name.en] + level.aliases).map(key).contains(wanted) {
            return .success(level.id)
        }
        var message = "'\(text)' is not a \(scale.id.replacingOccurrences(of: "_", with: " ")) level; accepted: \(scale.levels.map(\.id).joined(separator: ", "))"
        if let s = Spelling.closest(to: wanted, among: scale.levels.map(\.id)) { message += "; did you mean '\(s)'?" }
        return .failure(.init(message: message))
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
        let n = name.replacingOccurrences(of: "_", with: "-")
        return allCases.first { $0.inputName == n }
    }
}
