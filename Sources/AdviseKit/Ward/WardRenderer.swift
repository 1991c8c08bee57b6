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
            ("scenarios", .object([("unchanged", scenario(r.unchanged)), ("own_means", scenario(r.ownMeans)), ("allocated", scenario(r.allocated))])),
            ("allocation", .array(r.allocation.map { g in
                .object([("household", .string(g.household)), ("resource", .string(g.resource)), ("amount_vnd", .vnd(g.amount)),
                         ("plan", .string(g.plan)), ("p_lifted", Self.round(g.pLifted)), ("p_lifted_own_means", Self.round(g.pLiftedOwn))])
            })),
            ("resources", .array(r.resources.map { .object([("id", .string($0.id)), ("used_vnd", .vnd($0.used)), ("budget_vnd", .vnd($0.budget))]) })),
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
        let r = report, vi = language == .vi
        func pct(_ x: Double) -> String { NumberFormat.decimal(x, places: 2, language) + " %" }
        func money(_ x: Double) -> String { NumberFormat.millions(x, language) }
        var lines: [String] = []
        lines.append((vi ? "Phường: " : "Ward: ") + "\(r.households) " + (vi ? "hộ, " : "households, ") + NumberFormat.grouped(r.members, language) + (vi ? " nhân khẩu" : " members"))
        if let t = r.targets {
            lines.append((vi ? "Mục tiêu \(t.year): hộ nghèo dưới " : "Targets for \(t.year): poverty below ") + pct(t.povertyRate)
                + (t.nearPoorRate.map { (vi ? ", cận nghèo dưới " : ", near-poor below ") + pct($0) } ?? "")
                + (vi ? ", thu nhập bình quân trên " : ", income per person above ") + money(t.incomePerPerson) + (vi ? " triệu ₫/người/năm" : " million ₫/person/year"))
        }
        lines.append("")
        let header = (vi ? ["Năm", "Chuẩn nghèo (tr ₫/tháng)"] : ["Year", "Line (M ₫/month)"])
            + (vi ? ["Nghèo: giữ nguyên", "tự làm", "phân bổ", "Cận nghèo: giữ nguyên", "tự làm", "phân bổ", "Thu nhập/người (tr ₫/năm): giữ nguyên", "tự làm", "phân bổ"]
                : ["Poor: unchanged", "own means", "allocated", "Near-poor: unchanged", "own means", "allocated", "Income/person (M ₫/year): unchanged", "own means", "allocated"])
        var table = TextTable(headers: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for (i, year) in r.years.enumerated() {
            table.rows.append([String(year), money(r.povertyLineMonth[i]),
                         pct(r.unchanged.povertyRate[i]), pct(r.ownMeans.povertyRate[i]), pct(r.allocated.povertyRate[i]),
                         pct(r.unchanged.nearPoorRate[i]), pct(r.ownMeans.nearPoorRate[i]), pct(r.allocated.nearPoorRate[i]),
                         money(r.unchanged.incomePerPerson[i]), money(r.ownMeans.incomePerPerson[i]), money(r.allocated.incomePerPerson[i])])
        }
        lines.append(table.render())
        lines.append("")
        lines.append((vi ? "Phân bổ (" : "Allocation (") + r.method + (vi ? ", khoảng cách tối ưu " : ", optimality gap ") + pct(r.gap * 100) + "): "
            + (vi ? "dự kiến thoát nghèo " : "expected to leave poverty ") + NumberFormat.decimal(r.expectedLifted, places: 1, language)
            + (vi ? " hộ (tự làm: " : " households (own means: ") + NumberFormat.decimal(r.expectedLiftedOwnMeans, places: 1, language) + ")")
        for res in r.resources {
            let name = settings.loanProgrammes.first { $0.id == res.id }?.name(language) ?? (vi ? "hỗ trợ sinh kế" : "livelihood support")
            lines.append("  \(name): " + money(res.used) + " / " + money(res.budget) + (vi ? " triệu ₫" : " million ₫"))
        }
        lines.append("")
        lines.append(vi ? "Danh sách thăm hộ:" : "Visit list:")
        for (i, v) in r.visits.prefix(20).enumerated() {
            lines.append("\(i + 1). \(v.household) — \(v.reason(language))" + (v.plan.isEmpty ? "" : " [\(v.plan)]"))
        }
        if r.visits.count > 20 { lines.append("… " + String(r.visits.count - 20) + (vi ? " hộ nữa (--format csv)" : " more (--format csv)")) }
        for e in r.errors { lines.append(e.message(language)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
