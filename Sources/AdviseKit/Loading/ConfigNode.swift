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
    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// The column where a scalar's text starts (after an opening quote).
    public var textLocation: SourceLocation {
        if case .scalar(_, .quoted) = kind { return location.advanced(by: 1) }
        return location
    }
}
