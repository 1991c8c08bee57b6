import Foundation

/// The checks that need a whole, decoded rule set: conditions that can never or always hold, figures past
/// their date or whose newest source is too old, and worked examples that no longer hold. They run on
/// every load (for advice too; the examples not for the rule set built into the binary, whose tests ran
/// them) and in `advise rules check`.
public struct RuleSetValidator: Sendable {
    public let ruleSet: RuleSet
    /// Today's date, `YYYY-MM-DD`; passed in so that checks are repeatable.
    public let today: String

    public init(ruleSet: RuleSet, today: String) {
        self.ruleSet = ruleSet
        self.today = today
    }

    /// Every finding, in a stable order; without the worked examples' when `examples` is false.
    public func diagnostics(examples: Bool = true) -> [Diagnostic] {
        DiagnosticError(conditionFindings() + dateFindings() + marketLimitFindings() + (examples ? exampleFindings() : [])).diagnostics
    }

    /// Conditions evaluated over every combination of the values they read: the coverage grid's land and
    /// capital, a few labour and household sizes, and every level of each scale.
    public func conditionFindings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for model in ruleSet.models {
            let conditions: [(Catalogue.Key, String, Condition)] = model.rules.map { (.conditionOfRule, $0.id, $0.condition) }
                + model.investment.compactMap { item in item.when.map { (.conditionOfItem, item.id, $0) } }
                + model.operatingCosts.compactMap { cost in cost.when.map { (.conditionOfCost, cost.id, $0) } }
            for (whose, id, condition) in conditions where condition.text.trimmingCharacters(in: .whitespaces) != "true" {
                let results = Set(samples(for: condition.facts).compactMap { condition($0) })
                guard results.count == 1, let always = results.first else { continue }
                let text = LocalizedText { language in
                    Catalogue.format(whose, language, model.id, id) + Catalogue.format(always ? .conditionAlwaysTrue : .conditionNeverTrue, language, condition.text)
                }
                findings.append(.warning(always ? "expr.always-true" : "expr.never-true", text, at: condition.location))
            }
        }
        return findings
    }

    private func samples(for facts: [HouseholdFact]) -> [FactValues] {
        let settings = ruleSet.settings
        var result = [FactValues()]
        for fact in facts {
            let values: [Double]
            switch fact {
            case .landM2: values = settings.coverage.landM2
            case .capitalVND: values = settings.coverage.capitalVND
            case .labour: values = [0, 1, 2, 4]
            case .members: values = [1, 2, 4, 8]
            case .otherIncomeVND: values = [0, 24e6, 60e6, 120e6]
            case .flood, .salinity, .currentUse, .loanCategory:
                values = (0..<(settings.scales[fact.scale ?? ""]?.levels.count ?? 0)).map(Double.init)
            }
            result = result.flatMap { base in values.map { v in
                var next = base
                next[fact] = v
                return next
            } }
        }
        return result
    }

    /// Market limits that name no model, or that are written in another measure than the model's scale.
    public func marketLimitFindings() -> [Diagnostic] {
        let settings = ruleSet.settings
        return settings.marketLimits.sorted { $0.key < $1.key }.compactMap { id, figure in
            let at = figure.provenance.location
            guard let model = ruleSet.model(id) else {
                return .error("settings.unknown-model", .settingsMarketModel, id, ruleSet.models.map(\.id).joined(separator: ", "), at: at)
            }
            let wanted: Dimension = model.scale.isUnits ? .base(.unit) : .base(.area)
            guard UnitOfMeasure.parse(figure.unit, congM2: settings.congM2.value)?.dimension != wanted else { return nil }
            return .error("unit.mismatch", .settingsMarketUnit, id, model.scale.isUnits ? "unit" : "m2", model.scale.isUnits ? "unit" : "m2", at: at)
        }
    }

    /// Figures past `valid_until`, and price bands whose newest dated source is older than the settings allow.
    public func dateFindings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if let last = ruleSet.settings.povertyLines.last, let end = last.to, end < today {
            findings.append(.warning("figure.expired", .figureScheduleEnds, end, at: last.urban.provenance.location))
        }
        for (_, provenance) in ruleSet.provenances {
            if let until = provenance.validUntil, until < today {
                findings.append(.warning("figure.expired", .figureExpired, provenance.path, until, at: provenance.location))
            }
        }
        let thisYear = Int(today.prefix(4)) ?? 0
        for model in ruleSet.models {
            for output in model.outputs {
                let years = output.price.provenance.sources.compactMap { ruleSet.sources[$0]?.year }
                guard let newest = years.max() else { continue }
                let age = thisYear - newest
                if Double(age) > ruleSet.settings.priceMaxAgeYears {
                    findings.append(.warning("figure.stale", .figureStale, model.id, output.id, String(newest), String(age), String(Int(ruleSet.settings.priceMaxAgeYears)),
                                             at: output.price.provenance.location))
                }
            }
        }
        return findings
    }

    /// Worked examples that no longer hold, at their lines.
    public func exampleFindings() -> [Diagnostic] {
        let check = ExampleCheck(ruleSet: ruleSet)
        return check.examples.flatMap { check.check($0.example, of: $0.model) }
    }
}

extension RuleSet {
    /// Every figure's provenance with a short description, for the date checks and the reference docs.
    public var provenances: [(String, Provenance)] {
        let s = settings
        var result: [(String, Provenance)] = [
            ("the discount rate", s.discountRate.provenance), ("the công", s.congM2.provenance),
            ("workdays per worker", s.workdaysPerWorker.provenance), ("the hired labour wage", s.hiredLabourWage.provenance),
        ]
        for line in s.povertyLines {
            result += [("the urban poverty line from \(line.from)", line.urban.provenance), ("the rural poverty line from \(line.from)", line.rural.provenance)]
        }
        for loan in s.loanProgrammes {
            result += [("\(loan.id) ceiling", loan.ceiling.provenance), ("\(loan.id) rate", loan.rate.provenance)]
        }
        for (name, figure) in s.constants.sorted(by: { $0.key < $1.key }) { result.append(("constant \(name)", figure.provenance)) }
        for m in models {
            result += m.investment.map { ("\(m.id) investment \($0.id)", $0.provenance) }
            result += m.operatingCosts.map { ("\(m.id) operating cost \($0.id)", $0.provenance) }
            for o in m.outputs {
                result += [("\(m.id) yield of \(o.id)", o.yieldPerScale.provenance), ("\(m.id) price of \(o.id)", o.price.provenance)]
                result += o.premiums.map { ("\(m.id) premium \($0.id)", $0.provenance) }
            }
            result.append(("\(m.id) labour", m.labour.provenance))
            for rule in m.rules {
                switch rule.effect {
                case let .mitigation(item): result.append(("\(m.id) rule \(rule.id) cost", item.provenance))
                case let .risk(risk): result.append(("\(m.id) rule \(rule.id) risk", risk.provenance))
                case let .adjust(a): result.append(("\(m.id) rule \(rule.id) adjustment", a.provenance))
                case .unsuitable, .warning: break
                }
            }
        }
        return result
    }
}
