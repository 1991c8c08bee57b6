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
        guard let map = context.mapping(root, "an override file") else { return nil }
        defer { map.finish() }
        guard let kind = map.required("kind").flatMap({ context.string($0, "kind") }) else { return nil }
        guard kind == "override" else {
            context.error("type.enum", "an override file must say 'kind: override', found '\(kind)'", at: root.location)
            return nil
        }
        let id = map.required("id").flatMap { context.identifier($0, "the override id") }
        let description = map.optional("description").flatMap { context.string($0, "description") }
        let effective = map.optional("effective").flatMap { context.date($0, "effective") }
        let sources = map.optional("sources")
        guard let setNode = map.required("set"), case let .mapping(entries) = setNode.kind else {
            if let n = map.optional("set") { context.error("type.mismatch", "'set' must map figure paths to figures", at: n.location) }
            return nil
        }
        guard let id else { return nil }
        return Override(info: AppliedOverride(id: id, file: file, description: description, effective: effective,
                                              paths: entries.compactMap(\.key.scalar)),
                        sources: sources, entries: entries)
    }

    /// Replaces the named figures in `documents` (model files by their `id`, and `settings`).
    func apply(_ override: Override, to documents: inout [(kind: String, root: ConfigNode)]) {
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
                var message = "override path '\(path)' starts with '\(head)', which is neither 'settings' nor a model id"
                if let s = Spelling.closest(to: head, among: models + ["settings"]) { message += "; did you mean '\(s)'?" }
                context.error("override.path", message, at: key.location)
                continue
            }
            switch Self.replacing(documents[index].root, Array(segments.dropFirst()), with: value) {
            case let .success(root): documents[index].root = root
            case let .failure(problem): context.error("override.path", "override path '\(path)': \(problem)", at: key.location)
            }
        }
    }

    static func child(_ node: ConfigNode, _ key: String) -> ConfigNode? {
        guard case let .mapping(pairs) = node.kind else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    /// The tree with the figure at `path` replaced; only figures (mappings with a `unit`) may be replaced.
    static func replacing(_ node: ConfigNode, _ path: [String], with value: ConfigNode) -> Result<ConfigNode, OverrideProblem> {
        guard let segment = path.first else {
            guard child(node, "unit") != nil else { return .failure(OverrideProblem("only figures (with a unit) can be overridden")) }
            return .success(value)
        }
        let rest = Array(path.dropFirst())
        var copy = node
        switch node.kind {
        case let .mapping(pairs):
            guard let i = pairs.firstIndex(where: { $0.key.scalar == segment }) else {
                let keys = pairs.compactMap(\.key.scalar)
                let hint = Spelling.closest(to: segment, among: keys).map { "; did you mean '\($0)'?" } ?? "; keys here: \(keys.joined(separator: ", "))"
                return .failure(OverrideProblem("no '\(segment)' here\(hint)"))
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
                let hint = Spelling.closest(to: segment, among: ids).map { "; did you mean '\($0)'?" } ?? "; ids here: \(ids.joined(separator: ", "))"
                return .failure(OverrideProblem("no element with id '\(segment)'\(hint)"))
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
            return .failure(OverrideProblem("'\(segment)' goes below a single value"))
        }
    }

    struct OverrideProblem: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
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
