@testable import AdviseKit
import Foundation
import Testing

typealias Location = AdviseKit.SourceLocation

/// The JSON Schemas in `Rules/schema/` against the shipped files and against the loader: every key the
/// loader asks of a mapping is a property of the schema that applies there, and the other way round.
@Suite struct SchemaTests {
    static let overridePath = Fixtures.root.appendingPathComponent("Samples/overrides/ward-prices-2026-11.yaml").path

    static func schema(_ kind: String) throws -> SchemaValidator {
        let url = Fixtures.root.appendingPathComponent("Rules/schema/\(kind).schema.json")
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        return SchemaValidator(root: object as? [String: Any] ?? [:])
    }

    static func files() throws -> [(path: String, text: String, kind: String)] {
        var result = try Fixtures.ruleFiles().map { file -> (String, String, String) in
            let kind = ["settings", "sources", "combinations"].first { file.path.hasSuffix("/\($0).yaml") } ?? "model"
            return (file.path, file.text, kind)
        }
        result.append((Self.overridePath, try String(contentsOfFile: Self.overridePath, encoding: .utf8), "override"))
        return result
    }

    @Test func everyShippedFileNamesItsSchema() throws {
        for file in try Self.files() {
            #expect(file.text.hasPrefix("# yaml-language-server: $schema="), "\(file.path)")
            #expect(file.text.split(separator: "\n").first?.hasSuffix("/\(file.kind).schema.json") == true, "\(file.path)")
        }
    }

    @Test func theShippedFilesValidateAgainstTheirSchemas() throws {
        for file in try Self.files() {
            let node = try #require(try YAMLReader.parse(file.text, file: file.path))
            var record: [Location: Set<String>] = [:]
            let errors = try Self.schema(file.kind).validate(node, record: &record)
            #expect(errors.isEmpty, "\(file.path): \(errors.prefix(5))")
        }
    }

    @Test func theSchemaRejectsAnUnknownKey() throws {
        let text = try String(contentsOfFile: Fixtures.rulesPath + "/models/goat-raising.yaml", encoding: .utf8).replacingOccurrences(of: "\nsummary:", with: "\nsumary:")
        let node = try #require(try YAMLReader.parse(text, file: "goat.yaml"))
        var record: [Location: Set<String>] = [:]
        let errors = try Self.schema("model").validate(node, record: &record)
        #expect(errors.contains { $0.contains("sumary") })
    }

    @Test func theLoaderAndTheSchemasAcceptTheSameKeys() throws {
        let all = try Self.files()
        let rules = all.filter { $0.kind != "override" }
        let override = all.filter { $0.kind == "override" }
        // Rule files alone, then the override file laid over them (compared only within the override file).
        typealias File = (path: String, text: String, kind: String)
        let passes: [(files: [File], overrides: [File], only: String?)] = [(rules, [], nil), (rules, override, Self.overridePath)]
        for (files, overrides, only) in passes {
            let context = DecodeContext(recording: true)
            _ = try RuleSetLoader.load(files: files.map { ($0.path, $0.text) }, overrides: overrides.map { ($0.path, $0.text) }, today: nil, context: context)
            var schemaKeys: [Location: Set<String>] = [:]
            for file in files + overrides where only == nil || file.path == only {
                let node = try #require(try YAMLReader.parse(file.text, file: file.path))
                _ = try Self.schema(file.kind).validate(node, record: &schemaKeys)
            }
            let loaderKeys = context.requestedKeys.filter { only == nil || $0.key.file == only }
            for location in Set(schemaKeys.keys).union(loaderKeys.keys).sorted() where !context.freeFormMappings.contains(location) {
                let s = schemaKeys[location] ?? [], l = loaderKeys[location] ?? []
                #expect(s == l, "\(location): only in the schema \(s.subtracting(l).sorted()), only in the loader \(l.subtracting(s).sorted())")
            }
        }
    }
}

/// A JSON Schema subset (type, const, enum, properties, required, additionalProperties, items, minItems,
/// maxItems, minimum, pattern, oneOf, anyOf, $ref to #/$defs) over YAML nodes, recording for each mapping
/// the properties its schema declares.
struct SchemaValidator {
    let root: [String: Any]

    func validate(_ node: ConfigNode, record: inout [Location: Set<String>]) throws -> [String] {
        validate(node, root, path: "", record: &record)
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        let defs = root["$defs"] as? [String: Any] ?? [:]
        return resolve(defs[String(ref.dropFirst(8))] as? [String: Any] ?? [:])
    }

    private func scalarValue(_ node: ConfigNode) -> Any? {
        guard case let .scalar(text, style) = node.kind else { return nil }
        guard style == .plain else { return text }
        if text == "true" { return true }
        if text == "false" { return false }
        if let d = DecodeContext.parseNumber(text) { return d }
        return text
    }

    private func type(_ node: ConfigNode) -> String {
        switch node.kind {
        case .mapping: return "object"
        case .sequence: return "array"
        case .scalar:
            switch scalarValue(node) {
            case is Bool: return "boolean"
            case let d as Double: return d == d.rounded() ? "integer" : "number"
            default: return "string"
            }
        }
    }

    private func validate(_ node: ConfigNode, _ raw: [String: Any], path: String, record: inout [Location: Set<String>]) -> [String] {
        let schema = resolve(raw)
        var errors: [String] = []
        let actual = type(node)
        if let t = schema["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { return ["\(path): expected \(allowed.joined(separator: "|")), found \(actual)"] }
        }
        if let c = schema["const"] as? String, node.scalar != c { errors.append("\(path): expected '\(c)'") }
        if let e = schema["enum"] as? [String], !e.contains(node.scalar ?? "") { errors.append("\(path): '\(node.scalar ?? "")' not in \(e)") }
        if let pattern = schema["pattern"] as? String, let text = node.scalar,
           text.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): '\(text)' does not match \(pattern)") }
        if let minimum = schema["minimum"] as? Double, let v = scalarValue(node) as? Double, v < minimum { errors.append("\(path): below \(minimum)") }
        switch node.kind {
        case let .mapping(pairs):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            if !properties.isEmpty { record[node.location, default: []].formUnion(properties.keys) }
            let keys = pairs.compactMap(\.key.scalar)
            for key in (schema["required"] as? [String] ?? []) where !keys.contains(key) { errors.append("\(path): missing '\(key)'") }
            for (key, value) in pairs {
                let name = key.scalar ?? ""
                if let sub = properties[name] as? [String: Any] {
                    errors += validate(value, sub, path: path + "." + name, record: &record)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(value, additional, path: path + "." + name, record: &record)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unknown key '\(name)'")
                }
            }
        case let .sequence(items):
            if let minItems = schema["minItems"] as? Int, items.count < minItems { errors.append("\(path): fewer than \(minItems) items") }
            if let maxItems = schema["maxItems"] as? Int, items.count > maxItems { errors.append("\(path): more than \(maxItems) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (i, item) in items.enumerated() { errors += validate(item, itemSchema, path: "\(path)[\(i)]", record: &record) }
            }
        case .scalar: break
        }
        for (keyword, exactlyOne) in [("oneOf", true), ("anyOf", false)] {
            guard let branches = schema[keyword] as? [[String: Any]] else { continue }
            var passing: [[Location: Set<String>]] = []
            for branch in branches {
                var scratch: [Location: Set<String>] = [:]
                if validate(node, branch, path: path, record: &scratch).isEmpty { passing.append(scratch) }
            }
            if passing.isEmpty || (exactlyOne && passing.count > 1) {
                errors.append("\(path): matches \(passing.count) of the \(keyword) branches")
            } else if let chosen = passing.first {
                record.merge(chosen) { $0.union($1) }
            }
        }
        return errors
    }
}
