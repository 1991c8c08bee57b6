/// Reads the ward's resources from a YAML file (`advise ward --resources FILE`):
///
/// ```yaml
/// loan_capital:            # preferential loan capital by programme (the rule set's ids), as money is written
///   vbsp-poor: 2ty
///   vbsp-near-poor: 1ty5
/// support: {budget: 300tr, each: 10tr}   # livelihood-support funds and the grant each chosen household gets
/// years: 5                 # years projected after this one
/// ```
///
/// Every problem names its position (`file:line:col`) and the accepted forms.
public enum WardResourcesFile {
    /// - Throws: ``DiagnosticError`` for a file that cannot be read, bad YAML, an unknown key or programme, or
    ///   an amount that is not money.
    public static func load(path: String, settings: RegionalSettings) throws(DiagnosticError) -> WardResources {
        let text: String
        do {
            text = try TextFile.read(path, limit: 1_000_000, what: .input)
        } catch {
            throw DiagnosticError([error])
        }
        return try parse(text, path: path, settings: settings)
    }

    public static func parse(_ text: String, path: String, settings: RegionalSettings) throws(DiagnosticError) -> WardResources {
        let context = DecodeContext()
        var resources = WardResources()
        try DiagnosticError.collecting {
            guard let root = try YAMLReader.parse(text, file: path), let map = context.mapping(root, "the ward's resources") else {
                throw DiagnosticError([.error("file.empty", LocalizedText { Catalogue.text(.fileResourcesEmpty, $0) }, at: SourceLocation(file: path, line: 1, column: 1))])
            }
            map.spoken = LocalizedText { Catalogue.text(.fileResources, $0) }
            let programmes = settings.loanProgrammes.map(\.id)
            func money(_ node: ConfigNode, _ what: String) -> Double? {
                guard let text = node.scalar else {
                    context.error("type.mismatch", "\(what) must be an amount of money", at: node.location)
                    return nil
                }
                switch QuantityParser.money(text) {
                case let .success(v): return v
                case let .failure(problem):
                    context.report(.error("input.money", LocalizedText { "\(what): " + problem.text($0) }, at: node.textLocation))
                    return nil
                }
            }
            if let loans = map.optional("loan_capital").flatMap({ context.mapping($0, "loan_capital") }) {
                for (key, value) in loans.entries {
                    guard let id = key.scalar else { continue }
                    guard programmes.contains(id) else {
                        context.report(.error("field.unknown", LocalizedText {
                            Catalogue.format(.wardUnknownProgramme, $0, id, programmes.joined(separator: ", "))
                        }, at: key.location))
                        continue
                    }
                    resources.loanCapital[id] = money(value, "loan_capital.\(id)")
                }
            }
            if let support = map.optional("support").flatMap({ context.mapping($0, "support") }) {
                support.spoken = LocalizedText { _ in "support" }
                defer { support.finish() }
                resources.supportBudget = support.required("budget").flatMap { money($0, "support.budget") } ?? 0
                resources.supportEach = support.required("each").flatMap { money($0, "support.each") } ?? 0
            }
            if let years = map.optional("years").flatMap({ context.integer($0, "years") }) {
                if (1...20).contains(years) { resources.years = years } else {
                    context.error("figure.range", "years must be 1 to 20", at: map.optional("years")?.location ?? map.node.location)
                }
            }
            map.finish()
        }
        guard !context.hasErrors else { throw DiagnosticError(context.diagnostics) }
        return resources
    }
}
