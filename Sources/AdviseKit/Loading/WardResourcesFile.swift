/// Reads the ward's resources from a YAML file (`advise ward --resources FILE`):
///
/// ```yaml
/// loan_capital:            # preferential loan capital by programme (the rule set's ids), as money is written
///   vbsp-poor: 2ty
///   vbsp-near-poor: 1ty5
/// support: {budget: 300tr, each: 10tr}   # livelihood-support funds and the grant each chosen household gets
/// places:                  # places in a model, its investment paid (a course, a cooperative's slot)
///   vocational-training-job: 20
/// market_limits:           # the new scale a model's market takes (does, m²); the rule set's by default
///   goat-raising: 100
/// years: 5                 # years projected after this one
/// ```
///
/// Every problem names its position (`file:line:col`) and the accepted forms.
public enum WardResourcesFile {
    /// - Throws: ``DiagnosticError`` for a file that cannot be read, bad YAML, an unknown key or programme, or
    ///   an amount that is not money.
    public static func load(path: String, ruleSet: RuleSet) throws(DiagnosticError) -> WardResources {
        let text: String
        do {
            text = try TextFile.read(path, limit: 1_000_000, what: .input)
        } catch {
            throw DiagnosticError([error])
        }
        return try parse(text, path: path, ruleSet: ruleSet)
    }

    public static func parse(_ text: String, path: String, ruleSet: RuleSet) throws(DiagnosticError) -> WardResources {
        let settings = ruleSet.settings
        let context = DecodeContext()
        var resources = WardResources(marketLimits: WardResources.marketLimits(settings))
        try DiagnosticError.collecting {
            guard let root = try YAMLReader.parse(text, file: path), let map = context.mapping(root) else {
                throw DiagnosticError([.error("file.empty", LocalizedText { Catalogue.text(.fileResourcesEmpty, $0) }, at: SourceLocation(file: path, line: 1, column: 1))])
            }
            map.spoken = LocalizedText { Catalogue.text(.fileResources, $0) }
            let programmes = settings.loanProgrammes.map(\.id)
            func money(_ node: ConfigNode) -> Double? {
                guard let text = context.string(node) else { return nil }
                switch QuantityParser.money(text) {
                case let .success(v): return v
                case let .failure(problem):
                    context.error("input.money", LocalizedText { "'\(node.path)': " + problem.text($0) }, at: node.textLocation)
                    return nil
                }
            }
            if let loans = map.optional("loan_capital").flatMap({ context.mapping($0) }) {
                for (key, value) in loans.entries {
                    guard let id = key.scalar else { continue }
                    guard programmes.contains(id) else {
                        context.error("field.unknown", .wardUnknownProgramme, id, programmes.joined(separator: ", "), at: key.location)
                        continue
                    }
                    resources.loanCapital[id] = money(value)
                }
            }
            if let support = map.optional("support").flatMap({ context.mapping($0) }) {
                defer { support.finish() }
                resources.supportBudget = support.required("budget").flatMap { money($0) } ?? 0
                resources.supportEach = support.required("each").flatMap { money($0) } ?? 0
            }
            /// A mapping by model id (one of the rule set's), each value a number (a whole one, when asked) within `range`.
            func perModel(_ key: String, whole: Bool = false, range: ClosedRange<Double>) -> [String: Double] {
                guard let entries = map.optional(key).flatMap({ context.mapping($0) }) else { return [:] }
                let models = ruleSet.models.map(\.id)
                var values: [String: Double] = [:]
                for (key, value) in entries.entries {
                    guard let id = key.scalar else { continue }
                    guard models.contains(id) else {
                        context.error("field.unknown", .wardUnknownModel, id, models.joined(separator: ", "), at: key.location)
                        continue
                    }
                    guard let number = whole ? context.integer(value).map(Double.init) : context.number(value) else { continue }
                    guard range.contains(number) else {
                        context.error("figure.range", .wardPlacesRange, at: value.location)
                        continue
                    }
                    values[id] = number
                }
                return values
            }
            for (id, count) in perModel("places", whole: true, range: 0...100_000) { resources.places[id] = Int(count) }
            resources.marketLimits.merge(perModel("market_limits", range: 0...1e9)) { $1 }
            if let years = map.optional("years").flatMap({ context.integer($0) }) {
                if (1...20).contains(years) { resources.years = years } else {
                    context.error("figure.range", .wardYearsRange, at: map.optional("years")?.location ?? map.node.location)
                }
            }
            map.finish()
        }
        guard !context.hasErrors else { throw DiagnosticError(context.diagnostics) }
        return resources
    }
}
