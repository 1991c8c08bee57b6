/// Runs a model file's worked examples and reports each expectation that no longer holds, at the
/// example's line in the YAML file.
public struct ExampleCheck: Sendable {
    public let ruleSet: RuleSet
    /// One evaluator for every example: the odds' draws (which the repayment constraint reads) are drawn
    /// once, not once an example.
    private let evaluator: Evaluator

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        evaluator = Evaluator(ruleSet: ruleSet)
    }

    /// Every example of every model, with its model.
    public var examples: [(model: FarmModel, example: WorkedExample)] {
        ruleSet.models.flatMap { model in model.examples.map { (model, $0) } }
    }

    /// The findings for one example; empty when it holds.
    public func check(_ example: WorkedExample, of model: FarmModel) -> [Diagnostic] {
        let household: Household
        do {
            household = try HouseholdParser(settings: ruleSet.settings, models: ruleSet.models.map(\.id)).parse(example.household)
        } catch {
            return error.diagnostics.map { d in
                .error("example.household", LocalizedText { Catalogue.format(.exampleHousehold, $0, example.id) + d.message(in: $0) }, at: d.location ?? example.location)
            }
        }
        let advice = evaluator.evaluate(model, for: household)
        var findings: [Diagnostic] = []
        func fail(_ key: Catalogue.Key, _ arguments: String..., at location: SourceLocation? = nil) {
            findings.append(.error("example.failed", LocalizedText {
                Catalogue.format(.exampleFailed, $0, model.id, example.id) + Catalogue.format(key, $0, arguments: arguments)
            }, at: location ?? example.location))
        }
        if let verdict = example.verdict, advice.verdict != verdict {
            let why = advice.reasons.map(\.rule).joined(separator: ", ")
            fail(.exampleVerdict, verdict.rawValue, advice.verdict.rawValue, why.isEmpty ? "–" : why)
        }
        let fired = Set(advice.reasons.map(\.rule))
        for rule in example.rulesFired where !fired.contains(rule) {
            fail(.exampleRuleFired, rule, fired.isEmpty ? "–" : fired.sorted().joined(separator: ", "))
        }
        for range in example.ranges {
            guard let value = Self.figure(range.field, of: advice) else {
                fail(.exampleNoValue, range.field, at: range.location)
                continue
            }
            if value < range.minimum - 0.5 || value > range.maximum + 0.5 {
                let wanted = range.minimum == range.maximum ? "\(RulePass.number(range.minimum))" : "[\(RulePass.number(range.minimum)), \(RulePass.number(range.maximum))]"
                fail(.exampleValue, range.field, wanted, RulePass.number(value.rounded()), at: range.location)
            }
        }
        return findings
    }

    /// The value of an output field by its JSON name: a number of every answer (``AnswerField``), or what only an
    /// option has (`area_m2`, `units`) or a batch writes (`loan_vnd`).
    public static func figure(_ field: String, of advice: ModelAdvice) -> Double? {
        if let number = AnswerField.all.first(where: { $0.key == field })?.number { return number(advice) }
        switch field {
        case "loan_vnd": return advice.projection.loanTotal ?? 0
        case "area_m2": return advice.areaM2
        case "units": return advice.units
        default: return nil
        }
    }
}
