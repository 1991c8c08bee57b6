/// A parsed YAML node with its position, independent of the YAML library.
///
/// The loaders decode rule files and household files from this tree, so that every value they read
/// carries the `file:line:col` a diagnostic needs.
public struct ConfigNode: Sendable {
    /// How a scalar was written; quoted scalars are never read as numbers, booleans or null.
    public enum ScalarStyle: Sendable { case plain, quoted, block }

    /// The shape of the node.
    public indirect enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([(key: ConfigNode, value: ConfigNode)])
        case sequence([ConfigNode])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts.
    public var location: SourceLocation
    /// Where the node sits in its document, named as overrides name figures: keys joined by `.`, a list's
    /// items by their `id`, or by their position counted from 1 (`values[2]`); empty for the root.
    /// Diagnostics name the field by it, in every language alike.
    public var path: String

    /// Creates a node.
    public init(kind: Kind, location: SourceLocation, path: String = "") {
        self.kind = kind
        self.location = location
        self.path = path
    }

    /// The scalar text, or nil for a mapping or sequence.
    public var scalar: String? {
        if case let .scalar(text, _) = kind { return text }
        return nil
    }

    /// True for a plain `~`, `null` or empty scalar.
    public var isNull: Bool {
        if case let .scalar(text, .plain) = kind { return text.isEmpty || text == "~" || text == "null" || text == "Null" }
        return false
    }

    /// A short word for the kind of node, for messages.
    func kindName(_ language: Language) -> String {
        switch kind {
        case .scalar: Catalogue.text(.nodeScalar, language)
        case .mapping: Catalogue.text(.nodeMapping, language)
        case .sequence: Catalogue.text(.nodeList, language)
        }
    }

    /// The path of a key's value below this node.
    func path(of key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The path of a list's item below this node: its `id`, or its position counted from 1.
    func path(ofItem index: Int, id: String?) -> String { id.map(path(of:)) ?? "\(path)[\(index + 1)]" }

    /// The column where a scalar's text starts (after an opening quote).
    public var textLocation: SourceLocation {
        if case .scalar(_, .quoted) = kind { return location.advanced(by: 1) }
        return location
    }
}
