/// The advice as JSON, following the schema documented in docs/cli-and-json.md (`--format json`).
public struct JSONRenderer: Sendable {
    public var language: Language
    public var explain: Bool
    /// The settings, for the names of levels in messages.
    public var settings: RegionalSettings

    public init(language: Language, explain: Bool = false, settings: RegionalSettings) {
        self.language = language
        self.explain = explain
        self.settings = settings
    }

    /// The whole document, ending with a newline.
    public func render(_ advice: Advice) -> String { document(advice).serialized() + "\n" }

    /// The document as a value.
    public func document(_ advice: Advice) -> JSONValue {
        .object([
            ("ruleset", .object([
                ("id", .string(advice.ruleset.id)), ("version", .string(advice.ruleset.version)), ("effective", .string(advice.ruleset.effective)),
                ("source", advice.ruleset.source.isEmpty ? .null : .string(advice.ruleset.source)),
                ("overrides", .array(advice.overrides.map { o in
                    .object([("id", .string(o.id)), ("file", .string(o.file)), ("effective", .optional(o.effective) { .string($0) }),
                             ("paths", .array(o.paths.map { .string($0) }))])
                })),
            ])),
            ("household", household(advice.household)),
            ("rank_by", .string(advice.rankBy.rawValue)),
            ("horizon_years", .int(Int64(advice.horizon))),
            ("discount_rate", .double(advice.discountRate)),
            ("poverty_line_vnd_month", .vnd(advice.povertyLineMonth)),
            ("poverty_line_year", .int(Int64(advice.povertyLineYear))),
            ("recommendation", .optional(advice.recommendation) { .string($0.model.id) }),
            ("recommended_plan", .optional(advice.recommendedPlan) { p in
                .object([("models", .array(p.modelIDs.map { .string($0) })), ("verdict", .string(p.verdict.rawValue)), ("land_m2", .double(p.landM2)),
                         ("investment_vnd", .vnd(p.investment)), ("risk_adjusted_income_vnd", .vnd(p.riskAdjustedIncome)),
                         ("gain_npv_vnd", .vnd(p.projection.gainNPV))])
            }),
            ("plan", .optional(advice.plan) { plan($0, advice) }),
            ("options", .array(advice.options.enumerated().map { option($0.element, rank: $0.offset + 1, advice) })),
            ("stale", .array(advice.stale.map { d in
                .object([("code", .string(d.code)), ("message", .string(d.message)), ("location", .optional(d.location) { .string($0.description) })])
            })),
        ])
    }

    /// A household as the `household` object of the advice JSON.
    public func household(_ h: Household) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let id = h.id { pairs.append(("id", .string(id))) }
        pairs += [
            ("land_m2", .double(h.landM2)),
            ("capital_vnd", .optional(h.capitalVND) { .vnd($0) }),
            ("flood", .string(h.flood)),
            ("salinity", .string(h.salinity)),
            ("labour", .double(h.labour)),
            ("members", .double(h.members)),
            ("current_use", .string(h.currentUse)),
            ("loan_category", .string(h.loanCategory)),
            ("other_income_vnd", .vnd(h.otherIncomeVND)),
            ("experience", .array(h.experience.map { .string($0) })),
            ("assumed", .array(h.assumed.map { .string($0.name) })),
        ]
        return .object(pairs)
    }

    /// The plan: its components and land, every answer's fields (``AnswerField``), and its notes.
    func plan(_ p: Plan, _ advice: Advice) -> JSONValue {
        .object([
            ("verdict", .string(p.verdict.rawValue)),
            ("components", .array(p.components.flatMap { c in
                zip(c.models, zip(c.scales, c.investments)).map { model, pair in
                    JSONValue.object([
                        ("model", .string(model.id)),
                        ("scale", .object([("area_m2", .double(model.scale.areaM2(pair.0))), ("units", model.scale.isUnits ? .double(pair.0) : .null)])),
                        ("investment_vnd", .vnd(pair.1)),
                        ("intercrop", .optional(c.intercrop) { .string($0.id) }),
                        ("land_m2", .double(c.landM2)),
                    ])
                }
            })),
            ("land_m2", .double(p.landM2)),
        ] + AnswerField.pairs(p, advice, self) + [
            ("notes", .array(p.notes.map { .string($0(language)) })),
        ])
    }

    /// An option: its rank, model and scale, every answer's fields (``AnswerField``), then what only an option has.
    func option(_ o: ModelAdvice, rank: Int, _ advice: Advice) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rank", .int(Int64(rank))),
            ("model", .string(o.model.id)),
            ("name", .string(o.model.name(language))),
            ("verdict", .string(o.verdict.rawValue)),
            ("scale", .object([("area_m2", .double(o.areaM2)), ("units", .optional(o.units) { .double($0) })])),
        ] + AnswerField.pairs(o, advice, self) + [
            ("income_per_labour_day_vnd", .optional(o.incomePerLabourDay) { .vnd($0) }),
            ("income_per_member_month_vnd", .vnd(o.incomePerMemberMonth)),
            ("above_poverty_line", .bool(o.abovePovertyLine)),
            ("poverty_year", .int(Int64(o.povertyYear))),
            ("poverty_line_vnd_month", .vnd(o.povertyLineMonth)),
            ("poverty_line_assumed", .bool(settings.povertyLineAssumed(inYear: o.povertyYear))),
            ("reasons", .array(o.reasons.map(reason))),
        ]
        if o.verdict != .recommended {
            pairs.append(("what_would_change", .array(o.whatWouldChange.map { c in
                .object([("fact", .string(c.fact.name)),
                         ("to", c.number.map { JSONValue.vnd($0) } ?? .string(c.level ?? "")),
                         ("message", .string(Catalogue.change(c, settings: settings, language)))])
            })))
        }
        if explain {
            pairs.append(("trace", .object([
                ("rules", .array(o.trace.map { t in
                    .object([("rule", .string(t.rule)), ("condition", .string(t.condition)), ("effect", .string(t.effect)),
                             ("result", .string(t.result.rawValue)), ("observed", observed(t.observed))])
                })),
                ("scales_tried", .array(o.trials.map { .object([("scale", .double($0.scale)), ("risk_adjusted_npv_vnd", .vnd($0.riskAdjustedNPV))]) })),
            ])))
        }
        return .object(pairs)
    }

    /// The odds: `{draws, seed, p10_npv_vnd, …, poverty_line_assumed}`.
    func risk(_ r: RiskProfile) -> JSONValue {
        .object([("draws", .int(Int64(r.draws))), ("seed", .int(Int64(truncatingIfNeeded: r.seed))),
                 ("p10_npv_vnd", .vnd(r.p10NPV)), ("p50_npv_vnd", .vnd(r.p50NPV)), ("p90_npv_vnd", .vnd(r.p90NPV)),
                 ("p10_gain_vnd", .vnd(r.p10Gain)), ("p50_gain_vnd", .vnd(r.p50Gain)), ("p90_gain_vnd", .vnd(r.p90Gain)),
                 ("p_loss", .double(r.pLoss)), ("p_missed_instalment", .double(r.pMissedInstalment)),
                 ("p_below_poverty_line", .double(r.pBelowPovertyLine)), ("poverty_year", .int(Int64(r.povertyYear))),
                 ("poverty_line_vnd_month", .vnd(r.povertyLineMonth)),
                 ("poverty_line_assumed", .bool(settings.povertyLineAssumed(inYear: r.povertyYear)))])
    }

    /// The income by phase (empty when one income describes it).
    func phases(_ p: Projection) -> JSONValue {
        .array(p.incomePhases.map { phase in
            .object([("from_year", .int(Int64(phase.fromYear))), ("to_year", .int(Int64(phase.toYear))),
                     ("outputs", .array(phase.outputs.map { .string($0(language)) })),
                     ("risk_adjusted_income_vnd", .vnd(phase.riskAdjustedIncome))])
        })
    }

    /// The first loan (`loan`: the household's, else the working member's), null without one.
    func loan(_ p: Projection) -> JSONValue {
        p.loans.first.map { loan($0.schedule, $0.programme) } ?? .null
    }

    /// Every loan (`loans`): the household's, then a working member's own beside it.
    func loans(_ p: Projection) -> JSONValue { .array(p.loans.map { loan($0.schedule, $0.programme) }) }

    /// A tipping point: `{figure, kind, label, unit, base, breakeven, low, high, direction, source}` (a price in whole đồng,
    /// a yield to three decimals).
    func tipping(_ t: TippingPoint) -> JSONValue {
        let number = { (v: Double) -> JSONValue in t.kind == .price ? .vnd(v) : .double((v * 1_000).rounded() / 1_000) }
        return .object([("figure", .string(t.figure)), ("kind", .string(t.kind.rawValue)), ("label", .string(t.label(language))), ("unit", .string(t.unit)),
                 ("base", number(t.base)), ("breakeven", number(t.breakeven)), ("low", number(t.low)), ("high", number(t.high)),
                 ("direction", .string(t.above ? "above" : "below")), ("source", .array(t.sources.map { .string($0) }))])
    }

    private func loan(_ loan: LoanSchedule, _ programme: LoanProgramme) -> JSONValue {
        .object([("programme", .string(programme.id)), ("amount_vnd", .vnd(loan.amount)),
                 ("rate", .double(loan.rate)), ("term_months", .int(Int64(loan.termMonths))), ("grace_years", .int(Int64(loan.graceYears)))])
    }

    /// The grant towards a projection's investment: `{programme, amount_vnd}` or null.
    func grant(_ p: Projection) -> JSONValue {
        .optional(p.financing.grant) { .object([("programme", .string($0.id)), ("amount_vnd", .vnd(p.financing.grantAmount))]) }
    }

    func flow(_ values: [Double]?) -> JSONValue { .array((values ?? []).map { .vnd($0) }) }

    private func observed(_ list: [Reason.Observation]) -> JSONValue {
        .object(list.map { ($0.fact.name, Double($0.value).map { JSONValue.double($0) } ?? .string($0.value)) })
    }

    private func reason(_ r: Reason) -> JSONValue {
        .object([("rule", .string(r.rule)), ("effect", .string(r.effect)), ("message", .string(Catalogue.reason(r.detail, language))),
                 ("observed", observed(r.observed))])
    }
}
