/// Applies override files (`kind: override`) to the parsed rule files before they are decoded, so that
/// every replaced figure is checked exactly like the original: units, provenance, ranges.
///
/// An override names figures by path — `goat-raising.outputs.meat-goats.price`,
/// `settings.loan_programmes.vbsp-poor.rate` — where list elements are addressed by their `id`; it may
/// bring its own `sources`.
struct OverrideApplier {
    let context: DecodeContext

    /// One parsed override file.
    struct Override {
        var info: AppliedOverride
        var sources: ConfigNode?
        var entries: [(key: ConfigNode, value: ConfigNode)]
    }

    /// Reads an override file's root.
    func read(_ root: ConfigNode, file: String) -> Override? {
        guard let map = context.mapping(root) else { return nil }
        defer { map.finish() }
        guard let kindNode = map.required("kind"), let kind = context.string(kindNode) else { return nil }
        guard kind == "override" else {
            context.oneOf(kindNode, ["override"], found: kind)
            return nil
        }
        let id = map.required("id").flatMap { context.identifier($0) }
        let description = map.optional("description").flatMap { context.string($0) }
        let effective = map.optional("effective").flatMap { context.date($0) }
        let sources = map.optional("sources")
        guard let setNode = map.required("set"), case let .mapping(entries) = setNode.kind else {
            if let n = map.optional("set") { context.error("type.mismatch", .overrideSet, at: n.location) }
            return nil
        }
        guard let id else { return nil }
        return Override(info: AppliedOverride(id: id, file: file, description: description, effective: effective,
                                              paths: entries.compactMap(\.key.scalar)),
                        sources: sources, entries: entries)
    }

    /// Replaces the named figures in `documents` (model files by their `id`, and `settings`). A figure moved
    /// by more than the calibration's cap (`settings.calibration.proposal_cap`) needs `confirmed_by` beside it.
    func apply(_ override: Override, to documents: inout [(kind: String, root: ConfigNode)]) {
        let limits = Self.capLimits(documents)
        for (key, value) in override.entries {
            guard let path = key.scalar, !path.isEmpty else { continue }
            let segments = path.split(separator: ".").map(String.init)
            guard let head = segments.first else { continue }
            let index: Int?
            if head == "settings" {
                index = documents.firstIndex { $0.kind == "settings" }
            } else {
                index = documents.firstIndex { $0.kind == "model" && Self.child($0.root, "id")?.scalar == head }
            }
            guard let index else {
                let models = documents.filter { $0.kind == "model" }.compactMap { Self.child($0.root, "id")?.scalar }
                context.error("override.path", .overrideHead, path, head, suggesting: Spelling.closest(to: head, among: models + ["settings"]), at: key.location)
                continue
            }
            if let old = Self.node(documents[index].root, Array(segments.dropFirst())), Self.child(value, "confirmed_by") == nil,
               let ratio = Self.ratio(old, value, congM2: limits.congM2), abs(ratio - 1) > limits.cap + 1e-9 {
                context.error("override.uncapped", .overrideUncapped, path, CalibrationOverride.number(ratio), FigureDecoder.plain(limits.cap * 100) + " %",
                              at: key.location)
            }
            switch Self.replacing(documents[index].root, Array(segments.dropFirst()), with: value) {
            case let .success(root): documents[index].root = root
            case let .failure(problem): context.error("override.path", problem.text(path), at: key.location)
            }
        }
    }

    /// The node at `path` below `node` (list elements by their `id`); nil when there is none.
    static func node(_ node: ConfigNode, _ path: [String]) -> ConfigNode? {
        guard let segment = path.first else { return node }
        switch node.kind {
        case let .mapping(pairs): return pairs.first { $0.key.scalar == segment }.flatMap { Self.node($0.value, Array(path.dropFirst())) }
        case let .sequence(items): return items.first { child($0, "id")?.scalar == segment }.flatMap { Self.node($0, Array(path.dropFirst())) }
        case .scalar: return nil
        }
    }

    /// The new figure's value ÷ the old, both in base units (`value`, or a price band's `base`); nil when either
    /// is not a number with a known unit, their units measure different things (the decoder names that), or the
    /// old is 0.
    static func ratio(_ old: ConfigNode, _ new: ConfigNode, congM2: Double) -> Double? {
        func base(_ figure: ConfigNode) -> (value: Double, unit: UnitOfMeasure)? {
            guard let unit = child(figure, "unit")?.scalar.flatMap({ UnitOfMeasure.parse($0, congM2: congM2) }),
                  let node = child(figure, "value") ?? child(figure, "base"), case let .scalar(text, .plain) = node.kind,
                  let number = DecodeContext.parseNumber(text) else { return nil }
            // A figure the decoder refuses (`"80.000"`, quoted) is reported once, as that, not also as a change past the cap.
            return (number * unit.factor, unit)
        }
        guard let before = base(old), let after = base(new), before.unit.dimension == after.unit.dimension, before.value != 0 else { return nil }
        return after.value / before.value
    }

    /// The cap on a figure's change and the công, as the settings are written (before they are decoded); the
    /// built-in cap when the settings give none.
    static func capLimits(_ documents: [(kind: String, root: ConfigNode)]) -> (cap: Double, congM2: Double) {
        let settings = documents.first { $0.kind == "settings" }?.root
        let congM2 = settings.flatMap { node($0, ["area_units", "cong", "value"])?.scalar }.flatMap(Double.init) ?? 1000
        var cap = RegionalSettings.defaultCalibration.proposalCap
        if let figure = settings.flatMap({ node($0, ["calibration", "proposal_cap"]) }),
           let unit = child(figure, "unit")?.scalar.flatMap({ UnitOfMeasure.parse($0, congM2: congM2) }),
           let value = child(figure, "value")?.scalar.flatMap(Double.init) {
            cap = value * unit.factor
        }
        return (cap, congM2)
    }

    static func child(_ node: ConfigNode, _ key: String) -> ConfigNode? {
        guard case let .mapping(pairs) = node.kind else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    /// The tree with the figure at `path` replaced; only figures (mappings with a `unit`) may be replaced.
    static func replacing(_ node: ConfigNode, _ path: [String], with value: ConfigNode) -> Result<ConfigNode, OverrideProblem> {
        guard let segment = path.first else {
            guard child(node, "unit") != nil else { return .failure(OverrideProblem(.overrideNotFigure)) }
            return .success(value)
        }
        let rest = Array(path.dropFirst())
        var copy = node
        switch node.kind {
        case let .mapping(pairs):
            guard let i = pairs.firstIndex(where: { $0.key.scalar == segment }) else {
                let keys = pairs.compactMap(\.key.scalar)
                return .failure(OverrideProblem(.overrideNoKey, segment, among: keys))
            }
            switch replacing(pairs[i].value, rest, with: value) {
            case let .success(replaced):
                var newPairs = pairs
                newPairs[i].value = replaced
                copy.kind = .mapping(newPairs)
                return .success(copy)
            case let .failure(problem): return .failure(problem)
            }
        case let .sequence(items):
            guard let i = items.firstIndex(where: { child($0, "id")?.scalar == segment }) else {
                let ids = items.compactMap { child($0, "id")?.scalar }
                return .failure(OverrideProblem(.overrideNoID, segment, among: ids))
            }
            switch replacing(items[i], rest, with: value) {
            case let .success(replaced):
                var newItems = items
                newItems[i] = replaced
                copy.kind = .sequence(newItems)
                return .success(copy)
            case let .failure(problem): return .failure(problem)
            }
        case .scalar:
            return .failure(OverrideProblem(.overrideBelowValue, segment))
        }
    }

    /// Why a path names no figure: a phrase about one segment, and the names it could have been.
    struct OverrideProblem: Error {
        var key: Catalogue.Key
        var segment = ""
        var among: [String]?

        init(_ key: Catalogue.Key, _ segment: String = "", among: [String]? = nil) {
            self.key = key
            self.segment = segment
            self.among = among
        }

        /// The problem in words, after the path it is in: a near name as "did you mean", else the names here.
        func text(_ path: String) -> LocalizedText {
            let problem = LocalizedText { Catalogue.format(.overridePath, $0, path) + Catalogue.format(key, $0, segment) }
            if let suggestion = among.flatMap({ Spelling.closest(to: segment, among: $0) }) { return Catalogue.suggesting(problem, suggestion) }
            guard let among else { return problem }
            return LocalizedText { problem($0) + Catalogue.format(.overrideNamesHere, $0, among.joined(separator: ", ")) }
        }
    }
}

/// An override file applied to a rule set, stamped on every output.
public struct AppliedOverride: Sendable, Hashable {
    public var id: String
    /// The file as given.
    public var file: String
    public var description: String?
    public var effective: String?
    /// The figure paths it replaced.
    public var paths: [String]
}
