import Foundation

/// Collects the findings of one load, so that every problem in every file is reported at once.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Every source id a figure cites, with the first place it is cited.
    private(set) var citations: [String: SourceLocation] = [:]

    /// The keys the decoders asked of each mapping, by the mapping's position, and the mappings read as
    /// free-form maps, when `recording`: the schema agreement test compares them with the JSON Schemas (a load
    /// for advice does not keep them).
    private(set) var requestedKeys: [SourceLocation: Set<String>] = [:]
    private(set) var freeFormMappings: Set<SourceLocation> = []
    private let recording: Bool

    /// A context; `recording` keeps the keys asked of each mapping (``requestedKeys``).
    init(recording: Bool = false) { self.recording = recording }

    func requested(_ key: String, of mapping: SourceLocation) {
        if recording { requestedKeys[mapping, default: []].insert(key) }
    }
    func readFreeForm(_ mapping: SourceLocation) {
        if recording { freeFormMappings.insert(mapping) }
    }

    func cited(_ ids: [String], at location: SourceLocation) {
        for id in ids where citations[id] == nil { citations[id] = location }
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Reports an error worded by a catalogue phrase.
    func error(_ code: String, _ key: Catalogue.Key, _ arguments: String..., at location: SourceLocation) {
        report(Diagnostic(.error, code: code, Catalogue.phrase(key, arguments), at: location))
    }

    /// Reports an error worded by a catalogue phrase and, when one is near, "did you mean …?".
    func error(_ code: String, _ key: Catalogue.Key, _ arguments: String..., suggesting suggestion: String?, at location: SourceLocation) {
        error(code, Catalogue.phrase(key, arguments), suggesting: suggestion, at: location)
    }

    /// Reports an error worded in each language, and, when one is near, "did you mean …?".
    func error(_ code: String, _ text: LocalizedText, suggesting suggestion: String? = nil, at location: SourceLocation) {
        report(.error(code, Catalogue.suggesting(text, suggestion), at: location))
    }

    /// Reports a warning worded by a catalogue phrase.
    func warning(_ code: String, _ key: Catalogue.Key, _ arguments: String..., at location: SourceLocation) {
        report(Diagnostic(.warning, code: code, Catalogue.phrase(key, arguments), at: location))
    }

    /// A field as diagnostics name it: its path in quotes, or "the file" for a document's root.
    static func name(_ node: ConfigNode) -> LocalizedText {
        node.path.isEmpty ? Catalogue.phrase(.nodeFile) : LocalizedText(vi: "'\(node.path)'", en: "'\(node.path)'")
    }

    /// Reports that a node is not what its field needs: `key` words it with the field's name and what was
    /// found (nothing, the text written, or the kind of node).
    private func mismatch(_ node: ConfigNode, _ key: Catalogue.Key) {
        let name = Self.name(node)
        let found = { (language: Language) -> String in
            if node.isNull { return Catalogue.text(.nodeNothing, language) }
            return node.scalar.map { "'\($0)'" } ?? node.kindName(language)
        }
        error("type.mismatch", LocalizedText { Catalogue.format(key, $0, name($0), found($0)) }, at: node.location)
    }

    /// Reads a mapping node, reporting a type error when it is something else.
    func mapping(_ node: ConfigNode) -> MappingReader? {
        guard case let .mapping(pairs) = node.kind else {
            mismatch(node, .nodeMustBeMapping)
            return nil
        }
        return MappingReader(node: node, pairs: pairs, context: self)
    }

    /// Reads a list node.
    func sequence(_ node: ConfigNode) -> [ConfigNode]? {
        guard case let .sequence(items) = node.kind else {
            mismatch(node, .nodeMustBeList)
            return nil
        }
        return items
    }

    /// Reads `{vi: …, en: …}`.
    func text(_ node: ConfigNode) -> LocalizedText? {
        guard let map = mapping(node) else { return nil }
        defer { map.finish() }
        let vi = map.required("vi").flatMap(string)
        let en = map.required("en").flatMap(string)
        guard let vi, let en else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    /// Reads `source: ID` or `source: [ID, …]` and records the citations.
    func sources(_ node: ConfigNode) -> [String] {
        let ids: [String] = if case let .sequence(items) = node.kind { items.compactMap(identifier) }
            else { identifier(node).map { [$0] } ?? [] }
        cited(ids, at: node.location)
        return ids
    }

    /// One of an enumeration's values, by its raw text; an error lists the accepted values.
    func choice<T: RawRepresentable & CaseIterable>(_ node: ConfigNode, as: T.Type = T.self) -> T? where T.RawValue == String {
        guard let text = string(node) else { return nil }
        guard let value = T(rawValue: text) else {
            oneOf(node, T.allCases.map(\.rawValue), found: text)
            return nil
        }
        return value
    }

    /// Reports that a node's text is none of the accepted values.
    func oneOf(_ node: ConfigNode, _ accepted: [String], found: String) {
        let list = accepted.map { "'\($0)'" }.joined(separator: ", ")
        let name = Self.name(node)
        error("type.enum", LocalizedText { Catalogue.format(.nodeMustBeOneOf, $0, name($0), list, found) },
              suggesting: Spelling.closest(to: found, among: accepted), at: node.location)
    }

    /// Reads a date written `YYYY-MM-DD`.
    func date(_ node: ConfigNode) -> String? {
        guard let text = string(node) else { return nil }
        guard FigureDecoder.isDate(text) else {
            let name = Self.name(node)
            error("type.date", LocalizedText { Catalogue.format(.nodeMustBeDate, $0, name($0), text) }, at: node.location)
            return nil
        }
        return text
    }

    /// Reads a string scalar (quoted or not).
    func string(_ node: ConfigNode) -> String? {
        guard let text = node.scalar, !node.isNull else {
            mismatch(node, .nodeMustBeText)
            return nil
        }
        return text
    }

    /// Reads an identifier: lower-case letters, digits and dashes.
    func identifier(_ node: ConfigNode) -> String? {
        guard let text = string(node) else { return nil }
        let ok = !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." || ("A"..."Z").contains($0) }
        guard ok else {
            let name = Self.name(node)
            error("type.identifier", LocalizedText { Catalogue.format(.nodeIdentifier, $0, name($0), text) }, at: node.location)
            return nil
        }
        return text
    }

    /// Reads a plain number; quoted text is refused so that `"7.000"` never becomes seven.
    func number(_ node: ConfigNode) -> Double? {
        guard case let .scalar(text, .plain) = node.kind, let value = Self.parseNumber(text) else {
            mismatch(node, .nodeMustBeNumber)
            return nil
        }
        guard value.isFinite, abs(value) <= 1e15 else {
            let name = Self.name(node)
            error("number.range", LocalizedText { Catalogue.format(.nodeNumberRange, $0, name($0), text) }, at: node.location)
            return nil
        }
        return value
    }

    /// Reads a whole number.
    func integer(_ node: ConfigNode) -> Int? {
        guard let value = number(node) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            mismatch(node, .nodeMustBeWhole)
            return nil
        }
        return Int(value)
    }

    /// Reads `true` or `false`.
    func bool(_ node: ConfigNode) -> Bool? {
        switch node.kind {
        case .scalar("true", .plain): return true
        case .scalar("false", .plain): return false
        default:
            mismatch(node, .nodeMustBeBool)
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
    /// What the mapping is called in its missing- and unknown-key findings, for files officers write (a
    /// household, the ward's resources): what the file is in words. Otherwise its path in the file.
    var spoken: LocalizedText?
    private var used: Set<String> = []

    init(node: ConfigNode, pairs: [(key: ConfigNode, value: ConfigNode)], context: DecodeContext) {
        self.node = node
        self.pairs = pairs
        self.context = context
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
            let spoken = spoken ?? DecodeContext.name(node)
            context.error("field.missing", LocalizedText { Catalogue.format(.fileNeedsKey, $0, spoken($0), key) }, at: node.location)
            return nil
        }
        return value
    }

    /// Reports every key that was not read, with a suggestion for a likely misspelling.
    func finish() {
        for pair in pairs {
            guard let key = pair.key.scalar, !used.contains(key) else { continue }
            let spoken = spoken ?? DecodeContext.name(node)
            context.error("field.unknown", LocalizedText { Catalogue.format(.fileUnknownKey, $0, key, spoken($0)) },
                          suggesting: Spelling.closest(to: key, among: used), at: pair.key.location)
        }
    }
}
