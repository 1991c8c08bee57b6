import Foundation

/// Collects the findings of one load, so that every problem in every file is reported at once.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Every source id a figure cites, with the first place it is cited.
    private(set) var citations: [String: SourceLocation] = [:]

    /// The keys the decoders asked of each mapping, by the mapping's position, and the mappings read as
    /// free-form maps; the schema agreement test compares them with the JSON Schemas.
    private(set) var requestedKeys: [SourceLocation: Set<String>] = [:]
    private(set) var freeFormMappings: Set<SourceLocation> = []

    func requested(_ key: String, of mapping: SourceLocation) { requestedKeys[mapping, default: []].insert(key) }
    func readFreeForm(_ mapping: SourceLocation) { freeFormMappings.insert(mapping) }

    func cited(_ ids: [String], at location: SourceLocation) {
        for id in ids where citations[id] == nil { citations[id] = location }
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func error(_ code: String, _ message: String, at location: SourceLocation) {
        report(.error(code, message, at: location))
    }

    func warning(_ code: String, _ message: String, at location: SourceLocation) {
        report(.warning(code, message, at: location))
    }

    /// Reads a mapping node, reporting a type error when it is something else.
    func mapping(_ node: ConfigNode, _ what: String) -> MappingReader? {
        guard case let .mapping(pairs) = node.kind else {
            error("type.mismatch", "\(what) must be a mapping, found \(node.kindName)", at: node.location)
            return nil
        }
        return MappingReader(node: node, pairs: pairs, context: self, what: what)
    }

    /// Reads a list node.
    func sequence(_ node: ConfigNode, _ what: String) -> [ConfigNode]? {
        guard case let .sequence(items) = node.kind else {
            error("type.mismatch", "\(what) must be a list, found \(node.kindName)", at: node.location)
            return nil
        }
        return items
    }

    /// Reads `{vi: …, en: …}`.
    func text(_ node: ConfigNode, _ what: String) -> LocalizedText? {
        guard let map = mapping(node, what) else { return nil }
        defer { map.finish() }
        let vi = map.required("vi").flatMap { string($0, "the Vietnamese \(what)") }
        let en = map.required("en").flatMap { string($0, "the English \(what)") }
        guard let vi, let en else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    /// Reads `source: ID` or `source: [ID, …]` and records the citations.
    func sources(_ node: ConfigNode) -> [String] {
        let ids: [String] = if case let .sequence(items) = node.kind { items.compactMap { identifier($0, "a source id") } }
            else { identifier(node, "a source id").map { [$0] } ?? [] }
        cited(ids, at: node.location)
        return ids
    }

    /// Reads a date written `YYYY-MM-DD`.
    /// One of an enumeration's values, by its raw text; an error lists the accepted values.
    func choice<T: RawRepresentable & CaseIterable>(_ node: ConfigNode, _ what: String, as: T.Type = T.self) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            error("type.enum", "\(what) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'", at: node.location)
            return nil
        }
        return value
    }

    func date(_ node: ConfigNode, _ what: String) -> String? {
        guard let text = string(node, what), FigureDecoder.isDate(text) else {
            error("type.date", "\(what) must be a date written YYYY-MM-DD", at: node.location)
            return nil
        }
        return text
    }

    /// Reads a string scalar (quoted or not).
    func string(_ node: ConfigNode, _ what: String) -> String? {
        guard let text = node.scalar, !node.isNull else {
            error("type.mismatch", "\(what) must be text, found \(node.isNull ? "nothing" : node.kindName)", at: node.location)
            return nil
        }
        return text
    }

    /// Reads an identifier: lower-case letters, digits and dashes.
    func identifier(_ node: ConfigNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let ok = !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." || ("A"..."Z").contains($0) }
        guard ok else {
            error("type.identifier", "\(what) '\(text)' must use only letters, digits, '-', '_' and '.'", at: node.location)
            return nil
        }
        return text
    }

    /// Reads a plain number; quoted text is refused so that `"7.000"` never becomes seven.
    func number(_ node: ConfigNode, _ what: String) -> Double? {
        guard case let .scalar(text, .plain) = node.kind, let value = Self.parseNumber(text) else {
            error("type.mismatch", "\(what) must be a number, found \(node.scalar.map { "'\($0)'" } ?? node.kindName)", at: node.location)
            return nil
        }
        guard value.isFinite, abs(value) <= 1e15 else {
            error("number.range", "\(what) \(node.scalar ?? "") is out of range (at most 10^15 in size)", at: node.location)
            return nil
        }
        return value
    }

    /// Reads a whole number.
    func integer(_ node: ConfigNode, _ what: String) -> Int? {
        guard let value = number(node, what) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            error("type.mismatch", "\(what) must be a whole number, found \(node.scalar ?? "")", at: node.location)
            return nil
        }
        return Int(value)
    }

    /// Reads `true` or `false`.
    func bool(_ node: ConfigNode, _ what: String) -> Bool? {
        switch node.kind {
        case .scalar("true", .plain): return true
        case .scalar("false", .plain): return false
        default:
            error("type.mismatch", "\(what) must be true or false, found \(node.scalar.map { "'\($0)'" } ?? node.kindName)", at: node.location)
            return nil
        }
    }

    /// YAML's decimal numbers, with `_` allowed as a digit separator.
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard !cleaned.isEmpty, cleaned.count <= 40,
              cleaned.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }) else { return nil }
        return Double(cleaned)
    }
}

/// Reads the keys of one mapping and reports the keys nobody asked for.
final class MappingReader {
    let node: ConfigNode
    private let pairs: [(key: ConfigNode, value: ConfigNode)]
    private unowned let context: DecodeContext
    private let what: String
    /// What the mapping is in each language, for files officers write (a household, the ward's resources):
    /// their missing and unknown keys are then reported in the user's language. Rule files keep English.
    var spoken: LocalizedText?
    private var used: Set<String> = []

    init(node: ConfigNode, pairs: [(key: ConfigNode, value: ConfigNode)], context: DecodeContext, what: String) {
        self.node = node
        self.pairs = pairs
        self.context = context
        self.what = what
    }

    /// All pairs, in file order; marks every key as used.
    var entries: [(key: ConfigNode, value: ConfigNode)] {
        context.readFreeForm(node.location)
        for pair in pairs { if let k = pair.key.scalar { used.insert(k) } }
        return pairs
    }

    /// The value of an optional key.
    func optional(_ key: String) -> ConfigNode? {
        used.insert(key)
        context.requested(key, of: node.location)
        guard let value = pairs.first(where: { $0.key.scalar == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value of a required key; reports `field.missing` when it is absent.
    func required(_ key: String) -> ConfigNode? {
        guard let value = optional(key) else {
            if let spoken {
                context.report(.error("field.missing", LocalizedText { Catalogue.format(.fileNeedsKey, $0, spoken($0), key) }, at: node.location))
            } else {
                context.error("field.missing", "\(what) needs '\(key)'", at: node.location)
            }
            return nil
        }
        return value
    }

    /// Reports every key that was not read, with a suggestion for a likely misspelling.
    func finish() {
        for pair in pairs {
            guard let key = pair.key.scalar, !used.contains(key) else { continue }
            let suggestion = Spelling.closest(to: key, among: used)
            if let spoken {
                context.report(.error("field.unknown", LocalizedText { language in
                    Catalogue.format(.fileUnknownKey, language, key, spoken(language)) + (suggestion.map { Catalogue.format(.qDidYouMean, language, $0) } ?? "")
                }, at: pair.key.location))
                continue
            }
            var message = "unknown key '\(key)' in \(what)"
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            context.error("field.unknown", message, at: pair.key.location)
        }
    }
}
