/// The ward report as JSON (the contract other tools read), CSV (the visit list, for a spreadsheet) and text.
public struct WardRenderer: Sendable {
    public var report: WardReport
    public var settings: RegionalSettings
    public var language: Language

    public init(_ report: WardReport, settings: RegionalSettings, language: Language) {
        self.report = report
        self.settings = settings
        self.language = language
    }

    private static func round(_ x: Double, _ places: Double = 10_000) -> JSONValue { .double((x * places).rounded() / places) }

    public func json() -> String {
        let r = report
        func scenario(_ s: WardReport.Scenario) -> JSONValue {
            .object([
                ("poverty_rate", .array(s.povertyRate.map { Self.round($0) })),
                ("near_poor_rate", .array(s.nearPoorRate.map { Self.round($0) })),
                ("income_per_person_vnd", .array(s.incomePerPerson.map(JSONValue.vnd))),
            ])
        }
        let info = settings.ruleset
        return JSONValue.object([
            ("ruleset", .object([("id", .string(info.id)), ("version", .string(info.version)), ("source", .string(info.source))])),
            ("ward", .object([("households", .int(Int64(r.households))), ("members", Self.round(r.members, 1))])),
            ("targets", JSONValue.optional(r.targets) { t in
                .object([("year", .int(Int64(t.year))), ("poverty_rate", Self.round(t.povertyRate)),
                         ("near_poor_rate", JSONValue.optional(t.nearPoorRate) { Self.round($0) }), ("income_per_person_vnd", .vnd(t.incomePerPerson))])
            }),
            ("years", .array(r.years.map { .int(Int64($0)) })),
            ("poverty_line_vnd_month", .array(r.povertyLineMonth.map(JSONValue.vnd))),
            ("poverty_line_assumed", .array(r.years.map { .bool(settings.povertyLineAssumed(inYear: $0)) })),
            ("scenarios", .object([("unchanged", scenario(r.unchanged)), ("own_means", scenario(r.ownMeans)), ("allocated", scenario(r.allocated))])),
            ("allocation", .array(r.allocation.map { g in
                .object([("household", .string(g.household)), ("resource", .string(g.resource)), ("amount_vnd", .vnd(g.amount)),
                         ("plan", .string(g.plan)), ("p_lifted", Self.round(g.pLifted)), ("p_lifted_own_means", Self.round(g.pLiftedOwn))])
            })),
            ("resources", .array(r.resources.map { res in
                // Money in VND; places and a market's room counted (their `used_vnd`/`budget_vnd` are null): a market's in
                // the model's own scale (does, m²).
                let unit = WardResources.placesModel(res.id) != nil ? "places" : WardResources.marketModel(res.id) != nil ? "scale" : "vnd"
                let counted = unit != "vnd"
                return .object([("id", .string(res.id)), ("used_vnd", counted ? .null : .vnd(res.used)), ("budget_vnd", counted ? .null : .vnd(res.budget)),
                                ("unit", .string(unit)), ("used", .double(res.used)), ("budget", .double(res.budget))])
            })),
            ("expected_lifted", Self.round(r.expectedLifted, 100)),
            ("expected_lifted_own_means", Self.round(r.expectedLiftedOwnMeans, 100)),
            ("method", .string(r.method)),
            ("optimality_gap", Self.round(r.gap)),
            ("bound", Self.round(r.bound, 100)),
            ("visit_list", .array(r.visits.enumerated().map { i, v in
                .object([("rank", .int(Int64(i + 1))), ("household", .string(v.household)), ("reason", .string(v.reason(language))), ("plan", .string(v.plan))])
            })),
            ("errors", .array(r.errors.map { e in
                .object([("line", .int(Int64(e.line))), ("id", JSONValue.optional(e.id) { .string($0) }), ("message", .string(e.message(language)))])
            })),
        ]).serialized() + "\n"
    }

    /// The visit list: rank, household, reason, plan, and what the ward gives it.
    public func csv() -> String {
        var out = "rank,household,reason,plan,resource,amount_vnd,p_lifted\n"
        let given = Dictionary(grouping: report.allocation, by: \.household)
        for (i, v) in report.visits.enumerated() {
            let grants = given[v.household] ?? []
            let fields = [String(i + 1), v.household, v.reason(language), v.plan, grants.map(\.resource).joined(separator: "+"),
                          grants.isEmpty ? "" : String(Int64(grants.reduce(0) { $0 + $1.amount }.rounded())),
                          grants.first.map { String(format: "%.2f", $0.pLifted) } ?? ""]
            out += fields.map(CSVLine.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// For a terminal: the scenarios by year against the targets, the allocation, the first visits.
    public func text() -> String {
        let r = report, l = language
        var lines = [Catalogue.text(.wardTitle, l).uppercased(), Catalogue.format(.wardHouseholds, l, NumberFormat.grouped(Double(r.households), l), NumberFormat.grouped(r.members, l))]
        if let t = targetLine { lines.append(t) }
        lines.append("")
        var table = TextTable(headers: scenarioHeaders, alignments: [.left] + Array(repeating: .right, count: scenarioHeaders.count - 1))
        table.rows = scenarioRows
        lines.append(table.render())
        if let note = lineNote { lines.append(note) }
        lines.append("")
        lines.append(contentsOf: allocationLines)
        lines.append("")
        lines.append(Catalogue.text(.wardVisits, l) + ":")
        for (i, v) in r.visits.prefix(20).enumerated() {
            lines.append("\(i + 1). \(v.household) — \(v.reason(l))" + (v.plan.isEmpty ? "" : " [\(v.plan)]"))
        }
        if r.visits.count > 20 { lines.append(Catalogue.format(.wardMore, l, NumberFormat.grouped(Double(r.visits.count - 20), l))) }
        for e in r.errors { lines.append(e.message(l)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func percent(_ x: Double) -> String { NumberFormat.decimal(x, places: 2, language) + " %" }
    func millions(_ x: Double) -> String { NumberFormat.millions(x, language) }

    /// That the poverty line of the years past the rule set's last line is assumed, when the plan reaches them.
    var lineNote: String? {
        guard let year = report.years.last, let i = report.years.indices.last else { return nil }
        return Catalogue.lineAssumed(year, linesEnd: settings.povertyLinesEnd, line: NumberFormat.moneyProse(report.povertyLineMonth[i], language), language)
    }

    /// The targets in words, when the rule set has them.
    var targetLine: String? {
        report.targets.map { t in
            Catalogue.format(.wardTargetLine, language, String(t.year), percent(t.povertyRate), t.nearPoorRate.map(percent) ?? "–", millions(t.incomePerPerson))
        }
    }

    /// The scenarios table: a row a year, the three scenarios of each measure side by side.
    var scenarioHeaders: [String] {
        let l = language, three = [Catalogue.text(.wardUnchanged, l), Catalogue.text(.wardOwnMeans, l), Catalogue.text(.wardAllocated, l)]
        return [Catalogue.text(.wardYear, l), Catalogue.text(.wardLineHeader, l)]
            + [Catalogue.text(.wardPoor, l), Catalogue.text(.wardNearPoor, l), Catalogue.text(.wardIncome, l)].flatMap { measure in
                three.enumerated().map { $0.offset == 0 ? measure + ": " + $0.element : $0.element }
            }
    }

    var scenarioRows: [[String]] {
        let r = report
        return r.years.indices.map { i in
            [String(r.years[i]), millions(r.povertyLineMonth[i])]
                + [r.unchanged.povertyRate[i], r.ownMeans.povertyRate[i], r.allocated.povertyRate[i]].map(percent)
                + [r.unchanged.nearPoorRate[i], r.ownMeans.nearPoorRate[i], r.allocated.nearPoorRate[i]].map(percent)
                + [r.unchanged.incomePerPerson[i], r.ownMeans.incomePerPerson[i], r.allocated.incomePerPerson[i]].map(millions)
        }
    }

    /// The allocation's result and each resource's use.
    var allocationLines: [String] {
        let r = report, l = language
        return [Catalogue.format(.wardAllocationLine, l, r.method, percent(r.gap * 100), NumberFormat.decimal(r.expectedLifted, places: 1, l),
                                 NumberFormat.decimal(r.expectedLiftedOwnMeans, places: 1, l))]
            + r.resources.map { res in
                if WardResources.placesModel(res.id) != nil {
                    return "  " + Catalogue.format(.wardPlacesLine, l, resourceName(res.id), String(Int(res.used)), String(Int(res.budget)))
                }
                if WardResources.marketModel(res.id) != nil {
                    return "  " + Catalogue.format(.wardMarketLine, l, resourceName(res.id), NumberFormat.grouped(res.used, l), NumberFormat.grouped(res.budget, l))
                }
                return "  " + Catalogue.format(.wardResourceLine, l, resourceName(res.id), millions(res.used), millions(res.budget))
            }
    }

    /// A resource in words: its loan programme's name, livelihood support, or places in a model.
    func resourceName(_ id: String) -> String { report.resourceNames[id]?(language) ?? id }
}
