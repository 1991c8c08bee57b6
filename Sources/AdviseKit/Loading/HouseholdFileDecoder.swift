/// Reads a household written as YAML or JSON (a `--household` file, the API's body, or the `household:` of a
/// worked example): keys named like the flags, values in the same forms. A `null` is a value not given, and a
/// JSON number with an exponent (`1e3`) is the number it writes.
struct HouseholdFileDecoder {
    let context: DecodeContext

    func input(_ node: ConfigNode, id: String?) -> HouseholdInput? {
        guard let map = context.mapping(node) else { return nil }
        var input = HouseholdInput(id: id)
        for (key, value) in map.entries {
            guard let name = key.scalar else { continue }
            if value.isNull { continue }
            // JSON's true and false are not an id, a name or a household value.
            if case let .scalar(text, .plain) = value.kind, text == "true" || text == "false" {
                context.error("type.mismatch", .householdNotAValue, name, at: value.location)
                continue
            }
            if name == "id" {
                input.id = context.string(value)
                continue
            }
            if name == "name" {
                input.name = context.string(value)
                continue
            }
            if name == "experience" {
                // One model id, several separated by commas, or a list of them.
                let items = value.scalar.map { [$0] } ?? context.sequence(value)?.compactMap { context.string($0) }
                if let items { input.experience = HouseholdInput.Entry(items.joined(separator: ", "), at: value.textLocation) }
                continue
            }
            guard let fact = HouseholdFact.input(named: name) else {
                let keys = (["id", "name", "experience"] + HouseholdFact.allCases.map(\.inputName)).joined(separator: ", ")
                context.error("field.unknown", .householdUnknownKey, name, keys,
                              suggesting: Spelling.closest(to: name, among: HouseholdFact.allCases.map(\.inputName)), at: key.location)
                continue
            }
            guard var text = value.scalar else {
                context.error("type.mismatch", .householdNotAValue, name, at: value.location)
                continue
            }
            // JSON's own number forms: an exponent (`7e3`), a whole number written with `.0` (`4.0`, what a JSON
            // writer makes of a float); a plain `7.000` stays as written (thousands, in Vietnamese).
            if case .scalar(_, .plain) = value.kind, let number = Double(text), number.isFinite,
               text.contains(where: { $0 == "e" || $0 == "E" }) || text.hasSuffix(".0") {
                text = RulePass.number(number)
            }
            input[fact] = HouseholdInput.Entry(text, at: value.textLocation)
        }
        return input
    }
}
