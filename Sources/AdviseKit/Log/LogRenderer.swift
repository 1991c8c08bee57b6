/// The advice log for people: the list, one advice with what came after it, the calibration table, and the
/// tables `advise log export` writes (CSV, or a workbook).
public struct LogRenderer: Sendable {
    public var language: Language
    /// The rule set's settings, to name a record's levels in words (`ngập thỉnh thoảng`, not `occasional`);
    /// nil: the levels' ids.
    public var settings: RegionalSettings?

    public init(language: Language, settings: RegionalSettings? = nil) {
        self.language = language
        self.settings = settings
    }

    /// A level of a scale in words, when the settings are known and have it; else its id.
    private func level(_ scale: String, _ id: String) -> String {
        settings?.scales[scale]?.level(id)?.name(language) ?? id
    }

    private func t(_ key: Catalogue.Key, _ arguments: String...) -> String { Catalogue.format(key, language, arguments: arguments) }
    private func money(_ v: Double?) -> String { v.map { NumberFormat.money($0, language) } ?? "–" }

    /// One line an advice, newest first.
    public func list(_ records: [AdviceRecord]) -> String {
        guard !records.isEmpty else { return t(.logEmpty) + "\n" }
        var table = TextTable(headers: ["#", t(.logWhen), t(.household), t(.land), t(.recommendation), t(.investment), t(.incomePerYear)],
                              alignments: [.right, .left, .left, .right, .left, .right, .right])
        for r in records {
            table.rows.append([String(r.id ?? 0), String(r.recordedAt.prefix(10)), r.householdID ?? "–", NumberFormat.grouped(r.landM2, language) + " m²",
                               r.recommendation ?? t(.logNothing), money(r.investmentVND), money(r.riskAdjustedIncomeVND)])
        }
        return table.render() + "\n"
    }

    /// An advice, its predictions and what the household reported.
    public func show(_ history: AdviceHistory) -> String {
        var table = TextTable(headers: predictionHeaders, alignments: [.left, .right, .right, .left])
        table.rows = predictionRows(history.record)
        return (summary(history.record) + ["", t(.logPredicted), table.render(), ""] + reports(history)).joined(separator: "\n") + "\n"
    }

    /// The advice in a few lines: when and where, the rule set, the household, the recommendation.
    public func summary(_ r: AdviceRecord) -> [String] {
        [
            t(.logAdvice, String(r.id ?? 0), r.recordedAt, r.channel),
            t(.logRuleSet, r.rulesetID, r.rulesetVersion, r.rulesetSource) + (r.overrides.isEmpty ? "" : " + " + r.overrides),
            "\(t(.household)) \(r.householdID ?? "–")\(r.householdName.map { " (\($0))" } ?? ""): \(t(.land)) \(NumberFormat.grouped(r.landM2, language)) m², "
                + "\(t(.capital)) \(money(r.capitalVND)), \(t(.flood)) \(level("flood", r.flood)), \(t(.salinity)) \(level("salinity", r.salinity)), "
                + "\(t(.labour)) \(NumberFormat.short(r.labour, language)), \(t(.members)) \(NumberFormat.short(r.members, language)), "
                + "\(t(.currentUse)) \(level("current_use", r.currentUse)), \(t(.loanCategory)) \(level("loan_category", r.loanCategory))",
            "\(t(.recommendation)): \(r.recommendation ?? t(.logNothing)) — \(t(.investment)) \(money(r.investmentVND)), \(t(.loan)) \(money(r.loanVND)), "
                + "\(t(.incomePerYear)) \(money(r.riskAdjustedIncomeVND))",
        ]
    }

    /// The predictions' table: model, scale, investment, net income in years 1–5.
    public var predictionHeaders: [String] { [t(.model), t(.scale), t(.investment), t(.logNetYears)] }

    public func predictionRows(_ r: AdviceRecord) -> [[String]] {
        r.predictions.map { p in
            [p.model, NumberFormat.short(p.scale, language), money(p.investmentVND),
             p.netByYearVND.prefix(5).map { NumberFormat.millions($0, language) }.joined(separator: " · ")]
        }
    }

    /// What was reported after the advice, a line each (or that nothing was).
    public func reports(_ history: AdviceHistory) -> [String] {
        var lines: [String] = []
        if history.followUps.isEmpty && history.seasons.isEmpty { lines.append(t(.logNoReports)) }
        for f in history.followUps {
            lines.append(t(.logFollowUp, String(f.recordedAt.prefix(10)), f.model, f.scale.map { NumberFormat.short($0, language) } ?? "–",
                           money(f.investedVND), money(f.loanVND)) + (f.note.map { " — \($0)" } ?? ""))
        }
        for s in history.seasons {
            var line = t(.logSeason, String(s.recordedAt.prefix(10)), s.model, String(s.year), money(s.netIncomeVND))
            if let output = s.output {
                line += t(.logSeasonOutput, output, s.quantity.map { NumberFormat.grouped($0, language) } ?? "–", money(s.priceVND))
            }
            lines.append(line)
        }
        return lines
    }

    /// The users who may sign in, by name, with their roles.
    public func users(_ users: [LogUser]) -> String {
        guard !users.isEmpty else { return t(.usersNone) + "\n" }
        var table = TextTable(headers: [t(.usersName), t(.usersRole), t(.usersAddedAt)], alignments: [.left, .left, .left])
        table.rows = users.map { [$0.name, role($0.role), String($0.createdAt.prefix(10))] }
        return table.render() + "\n"
    }

    /// A role's name.
    public func role(_ role: LogUser.Role) -> String {
        t(role == .officer ? .roleOfficer : role == .agronomist ? .roleAgronomist : .roleAdmin)
    }

    /// The audit table, one line an entry.
    public func audit(_ entries: [AuditEntry]) -> String {
        guard !entries.isEmpty else { return t(.auditEmpty) + "\n" }
        var table = TextTable(headers: [t(.logWhen), t(.auditUser), t(.auditAction), t(.auditRecord), t(.auditDetail)],
                              alignments: [.left, .left, .left, .right, .left])
        table.rows = entries.map { [$0.at, $0.user, $0.action.rawValue, $0.adviceID.map(String.init) ?? "–", $0.detail ?? ""] }
        return table.render() + "\n"
    }

    /// Predicted against reported, per model and figure.
    public func calibration(_ c: Calibration) -> String {
        guard !c.rows.isEmpty || !c.flagged.isEmpty else { return t(.logNoCalibration) + "\n" }
        var table = TextTable(headers: [t(.model), t(.logFigure), t(.logCount), t(.logMedian), t(.logMiddleHalf)],
                              alignments: [.left, .left, .right, .right, .right])
        for row in c.rows {
            table.rows.append([row.model, row.figure.name, String(row.count), NumberFormat.decimal(row.median, places: 2, language),
                               "\(NumberFormat.decimal(row.lower, places: 2, language))–\(NumberFormat.decimal(row.upper, places: 2, language))"])
        }
        var text = t(.logCalibrationTitle) + "\n\n" + table.render() + "\n"
        if !c.flagged.isEmpty {
            text += "\n" + t(.logFlagged, NumberFormat.decimal(c.limits.plausibleLow, places: 1, language), NumberFormat.decimal(c.limits.plausibleHigh, places: 1, language)) + "\n"
            for f in c.flagged {
                text += "  " + t(.logFlaggedLine, f.report, String(f.id), f.model, f.figure.name, NumberFormat.decimal(f.ratio, places: 2, language)) + "\n"
            }
        }
        return text
    }

    /// The log's tables as CSV: the log's own columns (stable English names, VND and m², as the batch writes
    /// them), the advice without its predictions.
    public static func csv(_ histories: [AdviceHistory], table: ExportTable) -> String {
        let rows: [[(name: String, value: LogValue)]] = switch table {
        case .advice: histories.map { $0.record.columns.filter { $0.name != "predictions" } }
        case .followUp: histories.flatMap(\.followUps).map(\.columns)
        case .season: histories.flatMap(\.seasons).map(\.columns)
        }
        let header = (rows.first ?? Self.emptyRow(table)).map(\.name).joined(separator: ",")
        return ([header] + rows.map { $0.map(Self.cell).joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    /// A column's cell: amounts of money (`…_vnd`) in whole đồng, as the batch writes them.
    private static func cell(_ column: (name: String, value: LogValue)) -> String {
        if column.name.hasSuffix("_vnd"), case let .real(amount) = column.value, amount.isFinite { return LogValue.real(amount.rounded()).csv }
        return column.value.csv
    }

    /// A row of a table with no entries yet, for its header.
    private static func emptyRow(_ table: ExportTable) -> [(name: String, value: LogValue)] {
        switch table {
        case .advice: AdviceRecord().columns.filter { $0.name != "predictions" }
        case .followUp: FollowUp(adviceID: 0, recordedAt: "", model: "").columns
        case .season: SeasonReport(adviceID: 0, recordedAt: "", model: "", year: 1).columns
        }
    }

    /// The tables of the log.
    public enum ExportTable: String, Sendable, CaseIterable {
        case advice
        case followUp = "follow-up"
        case season
    }
}
