import Yams

/// Turns YAML text into a ``ConfigNode`` tree. The only file of the library that knows the YAML library.
///
/// The walk is bounded: a document that expands to more than ``nodeBudget`` nodes (an alias bomb, or a
/// file far larger than any rule file) is refused with a diagnostic instead of exhausting memory.
public enum YAMLReader {
    /// The most nodes one document may expand to, aliases included.
    public static let nodeBudget = 200_000
    /// The deepest nesting a document may have.
    public static let depthLimit = 64

    /// Parses one YAML document.
    /// - Parameters:
    ///   - text: the file's content.
    ///   - file: the path to name in diagnostics.
    /// - Returns: the root node, or nil for an empty document.
    /// - Throws: ``Diagnostic`` with code `yaml.syntax`, `yaml.too-large` or `yaml.too-deep`.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> ConfigNode? {
        let root: Node?
        do {
            // The basic resolver leaves scalars as text: the decoders read numbers and booleans themselves,
            // and resolving every scalar against regular expressions would dominate the load time.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file)
        } catch {
            throw .error("yaml.syntax", YAMLProblem.text("\(error)", openedOn: nil), at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard let root else { return nil }
        var budget = nodeBudget
        return try convert(root, file: file, path: "", depth: 0, budget: &budget)
    }

    private static func convert(_ node: Node, file: String, path: String, depth: Int, budget: inout Int) throws(Diagnostic) -> ConfigNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        budget -= 1
        guard budget >= 0 else { throw .error("yaml.too-large", .yamlTooLarge, String(nodeBudget), at: location) }
        guard depth <= depthLimit else { throw .error("yaml.too-deep", .yamlTooDeep, String(depthLimit), at: location) }
        var converted = ConfigNode(kind: .sequence([]), location: location, path: path)
        switch node {
        case let .scalar(scalar):
            let style: ConfigNode.ScalarStyle = switch scalar.style {
            case .plain, .any: .plain
            case .singleQuoted, .doubleQuoted: .quoted
            case .literal, .folded: .block
            }
            converted.kind = .scalar(scalar.string, style)
        case let .mapping(mapping):
            var pairs: [(key: ConfigNode, value: ConfigNode)] = []
            for (key, value) in mapping {
                let childPath = converted.path(of: key.string ?? "?")
                let k = try convert(key, file: file, path: childPath, depth: depth + 1, budget: &budget)
                let v = try convert(value, file: file, path: childPath, depth: depth + 1, budget: &budget)
                pairs.append((k, v))
            }
            converted.kind = .mapping(pairs)
        case let .sequence(sequence):
            var items: [ConfigNode] = []
            for (index, item) in sequence.enumerated() {
                let itemPath = converted.path(ofItem: index, id: item.mapping?["id"]?.string)
                items.append(try convert(item, file: file, path: itemPath, depth: depth + 1, budget: &budget))
            }
            converted.kind = .sequence(items)
        case .alias:
            throw .error("yaml.alias", .yamlAlias, at: location)
        }
        return converted
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let start = SourceLocation(file: file, line: 1, column: 1)
        // libyaml's problem said in the user's words (``YAMLProblem``), at its position.
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            // The character the problem is at (a tab that cannot start a token is a tab used to indent).
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first
            let character = line.flatMap { $0.unicodeScalars.dropFirst(mark.column - 1).first }
            return .error("yaml.syntax", YAMLProblem.text(problem, at: character, openedOn: context?.mark.line), at: at(mark))
        case .reader:
            return .error("yaml.encoding", YAMLProblem.notText, at: start)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("yaml.duplicate-key", .yamlDuplicateKey, duplicates.first ?? "", at: at(context.mark))
        default:
            return .error("yaml.syntax", YAMLProblem.text("\(error)", openedOn: nil), at: start)
        }
    }
}
