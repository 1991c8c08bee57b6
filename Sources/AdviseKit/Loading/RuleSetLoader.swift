import Foundation

/// Loads a rule set from a folder of YAML files: one `kind: settings`, one or more `kind: sources`, and
/// one `kind: model` file per model, in any subfolders.
///
/// Every problem in every file is collected and thrown at once; warnings travel with the rule set.
public enum RuleSetLoader {
    /// The largest rule file read, in bytes.
    public static let fileSizeLimit = 2_000_000

    /// Loads every `.yaml`/`.yml` file under `directory`, applies `overrides` (paths of override files, in
    /// order), and — when `today` (`YYYY-MM-DD`) is given — runs the whole-set checks.
    /// - Parameter checked: the texts of a rule set whose worked examples are known to hold (the one built into
    ///   the binary, whose tests ran them): when the files are exactly these and no override applies, the
    ///   examples are not run again (``RuleSetValidator/diagnostics(examples:)``); every other check is.
    /// - Throws: ``DiagnosticError`` listing every error (and the warnings found with them).
    public static func load(directory: String, overrides: [String] = [], today: String? = nil, checked: [String] = []) throws(DiagnosticError) -> RuleSet {
        let url = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError([.error("rules.not-found", LocalizedText { Catalogue.format(.rulesNotFound, $0, directory) }, at: nil)])
        }
        var files: [(path: String, text: String)] = []
        var problems: [Diagnostic] = []
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        for relative in paths {
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            do {
                files.append((path, try TextFile.read(url.appendingPathComponent(relative).path, limit: fileSizeLimit, what: .rule)))
            } catch {
                problems.append(error.location == nil ? Diagnostic(error.severity, code: error.code, error.text, at: SourceLocation(file: path, line: 1, column: 1)) : error)
            }
        }
        if files.isEmpty, problems.isEmpty {
            problems.append(.error("rules.empty", .rulesEmpty, directory, at: nil))
        }
        return try load(files: files, overridePaths: overrides, today: today, checked: checked, problems: problems)
    }

    /// Loads a rule set from file contents (the rule set built into the binary, say) with override files
    /// read from their paths, as ``load(directory:overrides:today:checked:)`` does for a folder.
    /// - Throws: ``DiagnosticError`` listing every error, unreadable override files among them.
    public static func load(files: [(path: String, text: String)], overridePaths: [String], today: String? = nil,
                            checked: [String] = []) throws(DiagnosticError) -> RuleSet {
        try load(files: files, overridePaths: overridePaths, today: today, checked: checked, problems: [])
    }

    /// Reads the override files, loads, and reports the earlier `problems` (files that could not be read)
    /// with whatever the load finds.
    private static func load(files: [(path: String, text: String)], overridePaths overrides: [String], today: String?,
                             checked: [String], problems: [Diagnostic]) throws(DiagnosticError) -> RuleSet {
        var problems = problems
        var overrideFiles: [(path: String, text: String)] = []
        for path in overrides {
            do {
                overrideFiles.append((path, try TextFile.read(path, limit: fileSizeLimit, what: .override)))
            } catch {
                problems.append(error)
            }
        }
        let ruleSet: RuleSet
        do {
            ruleSet = try load(files: files, overrides: overrideFiles, today: today, checked: checked, context: DecodeContext())
        } catch {
            throw DiagnosticError(problems + error.diagnostics)
        }
        guard problems.isEmpty else { throw DiagnosticError(problems + ruleSet.warnings) }
        return ruleSet
    }

    /// Loads a rule set from file contents (the path of each is used in diagnostics), applies override
    /// files, and — when `today` is given — runs the whole-set checks of ``RuleSetValidator``.
    /// - Throws: ``DiagnosticError`` with every error found (warnings travel in `RuleSet.warnings`).
    public static func load(files: [(path: String, text: String)], overrides: [(path: String, text: String)] = [],
                            today: String? = nil) throws(DiagnosticError) -> RuleSet {
        try load(files: files, overrides: overrides, today: today, checked: [], context: DecodeContext())
    }

    /// The load, with the decode context kept by the caller (the schema agreement test reads its records).
    static func load(files: [(path: String, text: String)], overrides: [(path: String, text: String)],
                     today: String?, checked: [String] = [], context: DecodeContext) throws(DiagnosticError) -> RuleSet {
        var roots: [(kind: String, root: ConfigNode)] = []
        for file in files {
            do {
                guard let root = try YAMLReader.parse(file.text, file: file.path) else {
                    context.error("file.empty", .rulesFileEmpty, at: SourceLocation(file: file.path, line: 1, column: 1))
                    continue
                }
                guard context.mapping(root) != nil else { continue }
                guard let kindNode = OverrideApplier.child(root, "kind"), let kind = context.string(kindNode) else {
                    context.error("field.missing", .rulesNeedKind, at: root.location)
                    continue
                }
                let kinds = ["settings", "sources", "model", "combinations"]
                guard kinds.contains(kind) else {
                    context.oneOf(kindNode, kinds, found: kind)
                    continue
                }
                roots.append((kind, root))
            } catch {
                context.report(error)
            }
        }

        let applier = OverrideApplier(context: context)
        var applied: [AppliedOverride] = []
        for file in overrides {
            do {
                guard let root = try YAMLReader.parse(file.text, file: file.path) else {
                    context.error("file.empty", .rulesOverrideEmpty, at: SourceLocation(file: file.path, line: 1, column: 1))
                    continue
                }
                guard let override = applier.read(root, file: file.path) else { continue }
                applier.apply(override, to: &roots)
                if let sources = override.sources {
                    roots.append(("sources", ConfigNode(kind: .mapping([(ConfigNode(kind: .scalar("sources", .plain), location: sources.location), sources)]), location: root.location)))
                }
                applied.append(override.info)
            } catch {
                context.report(error)
            }
        }

        var documents: [(kind: String, map: MappingReader)] = []
        for (kind, root) in roots {
            guard let map = context.mapping(root) else { continue }
            _ = map.optional("kind")
            documents.append((kind, map))
        }

        let settingsDocs = documents.filter { $0.kind == "settings" }
        guard settingsDocs.count == 1, let settingsMap = settingsDocs.first?.map else {
            let where_ = settingsDocs.dropFirst().first?.map.node.location
            context.error("rules.settings", settingsDocs.isEmpty ? .rulesNoSettings : .rulesTwoSettings,
                          at: where_ ?? SourceLocation(file: files.first?.path ?? "Rules", line: 1, column: 1))
            throw DiagnosticError(context.diagnostics)
        }
        let settings = SettingsDecoder(context: context).decode(settingsMap)
        settingsMap.finish()
        guard let settings else { throw DiagnosticError(context.diagnostics) }

        var sources: [String: Source] = [:]
        for document in documents where document.kind == "sources" {
            for source in decodeSources(document.map, context) {
                if let first = sources[source.id] {
                    context.error("id.duplicate", .rulesSourceTwice, source.id, first.location.description, at: source.location)
                } else {
                    sources[source.id] = source
                }
            }
            document.map.finish()
        }

        let figures = FigureDecoder(context: context, congM2: settings.congM2.value)
        let decoder = ModelDecoder(context: context, figures: figures, names: settings.nameTable)
        var models: [FarmModel] = []
        for document in documents where document.kind == "model" {
            if let model = decoder.decode(document.map) {
                if let first = models.first(where: { $0.id == model.id }) {
                    context.error("id.duplicate", .rulesModelTwice, model.id, first.location.description, at: model.location)
                } else {
                    models.append(model)
                }
            }
            document.map.finish()
        }
        var combinations = Combinations()
        for document in documents where document.kind == "combinations" {
            let declared = roots.filter { $0.kind == "model" }.compactMap { OverrideApplier.child($0.root, "id")?.scalar }
            let decoded = CombinationsDecoder(context: context, figures: figures).decode(document.map, models: models, declared: declared)
            combinations.intercrops += decoded.intercrops
            combinations.separate += decoded.separate
            document.map.finish()
        }
        let baselines = models.filter { $0.role == .baseline }
        models.removeAll { $0.role == .baseline }
        for level in settings.scales["current_use"]?.levels ?? [] {
            guard let id = level.baseline, !baselines.contains(where: { $0.id == id }) else { continue }
            context.error("ref.baseline", models.contains { $0.id == id } ? .rulesBaselineConversion : .rulesBaselineUnknown, level.id, id, at: settings.location)
        }
        let markets = settings.markets.map(\.id)
        for model in models + baselines {
            for output in model.outputs {
                guard let market = output.market, !markets.contains(market) else { continue }
                context.error("ref.market", .rulesUnknownMarket, output.id, model.id, market, suggesting: Spelling.closest(to: market, among: markets), at: model.location)
            }
        }
        if models.isEmpty, !context.hasErrors {
            context.error("rules.no-models", .rulesNoModels, at: settings.location)
        }
        checkCitations(context, sources)
        checkDefaults(context, settings)

        guard !context.hasErrors else { throw DiagnosticError(context.diagnostics) }
        var ruleSet = RuleSet(settings: settings, models: models.sorted { $0.id < $1.id }, baselines: baselines.sorted { $0.id < $1.id },
                              combinations: combinations, sources: sources, overrides: applied, warnings: DiagnosticError(context.diagnostics).diagnostics)
        if let today {
            let known = applied.isEmpty && !checked.isEmpty && files.map(\.text).sorted() == checked.sorted()
            var findings = RuleSetValidator(ruleSet: ruleSet, today: today).diagnostics(examples: !known)
            if !applied.isEmpty {
                // Worked examples describe the rule set's own figures; under a ward's overrides they are a
                // warning to read, not a reason to refuse advice.
                findings = findings.map { d in
                    guard d.code == "example.failed" else { return d }
                    var warning = d.appending(Catalogue.phrase(.rulesUnderOverrides, [applied.map(\.id).joined(separator: ", ")]))
                    warning.severity = .warning
                    return warning
                }
            }
            let all = DiagnosticError(ruleSet.warnings + findings).diagnostics
            guard !all.contains(where: { $0.severity == .error }) else { throw DiagnosticError(all) }
            ruleSet.warnings = all
        }
        return ruleSet
    }

    private static func decodeSources(_ map: MappingReader, _ context: DecodeContext) -> [Source] {
        guard let list = map.required("sources").flatMap({ context.sequence($0) }) else { return [] }
        return list.compactMap { node in
            guard let s = context.mapping(node) else { return nil }
            defer { s.finish() }
            let id = s.required("id").flatMap { context.identifier($0) }
            let title = s.required("title").flatMap { context.string($0) }
            let url = s.optional("url").flatMap { context.string($0) }
            let year = s.optional("year").flatMap { context.integer($0) }
            guard let id, let title else { return nil }
            return Source(id: id, title: title, url: url, year: year, location: node.location)
        }
    }

    private static func checkCitations(_ context: DecodeContext, _ sources: [String: Source]) {
        for (id, location) in context.citations.sorted(by: { $0.value < $1.value }) where sources[id] == nil {
            context.error("ref.source", .rulesUnknownSource, id, suggesting: Spelling.closest(to: id, among: sources.keys), at: location)
        }
        // A file that failed to decode cites nothing past its first error: unused sources are then noise.
        guard !context.hasErrors else { return }
        for source in sources.values.sorted(by: { $0.location < $1.location }) where context.citations[source.id] == nil {
            context.warning("source.unused", .rulesSourceUnused, source.id, at: source.location)
        }
    }

    private static func checkDefaults(_ context: DecodeContext, _ settings: RegionalSettings) {
        do {
            var input = HouseholdInput()
            input[.landM2] = .init("1000")
            _ = try HouseholdParser(settings: settings).parse(input)
        } catch {
            for d in error.diagnostics {
                context.error("settings.default", LocalizedText { Catalogue.text(.rulesBadDefault, $0) + d.message(in: $0) }, at: settings.location)
            }
        }
    }
}
