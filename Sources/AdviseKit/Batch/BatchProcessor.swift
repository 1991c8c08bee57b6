/// Answers batch rows: each line becomes one output line, in order — the best option's figures, or an
/// error that names the row and the column. Pure: lines in, text out; the caller reads, writes and splits
/// the work between cores (give each worker its own ``BatchMemo``).
public struct BatchProcessor: Sendable {
    /// The output's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public let evaluator: Evaluator
    /// The language of the error cells (the rule set's by default).
    public let language: Language
    public let input: BatchInput
    public let format: Format
    public let rankBy: RankBy
    /// Answer each row with its best whole-farm plan (falling back to the best single option when no plan
    /// pays). Slower: a plan search per household.
    public let plans: Bool
    /// Simulate the odds of each row's answer (the full advice per row: slower).
    public let odds: RiskSimulation.Options?
    let parser: HouseholdParser
    /// The columns the quick path reads (``RowMemo``): CSV without odds.
    let layout: RowMemo.Layout?

    public init(evaluator: Evaluator, input: BatchInput, format: Format, rankBy: RankBy = .gain, plans: Bool = false,
                odds: RiskSimulation.Options? = nil, language: Language? = nil) {
        let language = language ?? evaluator.ruleSet.settings.language
        self.language = language
        self.evaluator = evaluator
        self.input = input
        self.format = format
        self.rankBy = rankBy
        self.plans = plans
        self.odds = odds
        let names = input.headerNames
        parser = HouseholdParser(settings: evaluator.ruleSet.settings, label: { Catalogue.format(.qColumn, language, names[$0] ?? $0.inputName) })
        layout = odds == nil ? RowMemo.Layout(input, deciding: evaluator.deciding(columns: input.columns)) : nil
    }

    /// The output columns, in order (a contract: documented in docs/batch.md; new ones are added at the end).
    public static let columns = [
        "id", "status", "error", "model", "verdict", "area_m2", "units", "investment_vnd", "loan_programme", "loan_vnd",
        "annual_net_income_vnd", "risk_adjusted_income_vnd", "npv_vnd", "risk_adjusted_npv_vnd", "payback_year",
        "first_income_year", "income_per_member_month_vnd", "above_poverty_line", "gain_npv_vnd",
    ]

    /// The columns that hold text; the others hold numbers or truth values.
    static let textColumns: Set<String> = ["id", "status", "error", "model", "verdict", "loan_programme"]

    /// A batch's CSV output as a sheet: numbers as numbers and `true`/`false` as truth values, so that a
    /// spreadsheet can sum and filter them; ids and messages as text.
    public static func sheet(fromOutput csv: [UInt8], name: String) -> Sheet {
        let records = BatchRecord.records(of: String(decoding: csv, as: UTF8.self), quoted: true, firstLine: 1)
        var header: [String] = []
        let rows = records.enumerated().map { index, record in
            let fields = ((try? CSVLine.fields(record.text).get()) ?? [record.text]).map(String.init)
            if index == 0 {
                header = fields
                return fields.map(SheetCell.text)
            }
            return fields.enumerated().map { column, field -> SheetCell in
                if field.isEmpty { return .empty }
                if column < header.count, textColumns.contains(header[column]) { return .text(field) }
                if field == "true" || field == "false" { return .bool(field == "true") }
                return Double(field).map(SheetCell.number) ?? .text(field)
            }
        }
        return Sheet(name: name, cells: rows)
    }

    /// The columns `--risk` adds after them.
    public static let riskColumns = ["p10_npv_vnd", "p50_npv_vnd", "p90_npv_vnd", "p_loss", "p_missed_instalment", "p_below_poverty_line"]

    /// This run's columns.
    public var columns: [String] { Self.columns + (odds == nil ? [] : Self.riskColumns) }

    /// The CSV header line (JSON Lines has none).
    public var header: String? { format == .csv ? columns.joined(separator: ",") + "\n" : nil }

    /// Answers `lines`, one record each, the first of which is line `firstLine` of the input file.
    public func process(_ lines: ArraySlice<Substring>, firstLine: Int, memo: BatchMemo, into out: inout OutputBuffer, summary: inout BatchSummary) {
        process(lines.enumerated().map { BatchRecord($1, line: firstLine + $0) }, memo: memo, into: &out, summary: &summary)
    }

    /// Answers `records` in order, appending one output line each to `out`.
    public func process(_ records: [BatchRecord], memo: BatchMemo, into out: inout OutputBuffer, summary: inout BatchSummary) {
        var tally = ModelTally()
        for record in records {
            var text = record.text
            text.withUTF8 { answer($0, line: record.line, memo: memo, into: &out, summary: &summary, tally: &tally) }
        }
        tally.add(to: &summary, memo)
    }

    /// Answers the records of `bytes` — whole records, as ``RecordStream`` gives them — in order, the first
    /// of which starts on line `firstLine` of the input, appending one output line each to `out`.
    public func process(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, firstLine: Int, memo: BatchMemo, into out: inout OutputBuffer,
                        summary: inout BatchSummary) {
        var tally = ModelTally()
        BatchRecord.scan(bytes, quoted: quoted, firstLine: firstLine) { range, line in
            answer(UnsafeBufferPointer(rebasing: bytes[range]), line: line, memo: memo, into: &out, summary: &summary, tally: &tally)
        }
        tally.add(to: &summary, memo)
    }

    /// Answers one record: a row met before the quick way (``RowMemo``), any other the full way.
    private func answer(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, memo: BatchMemo, into out: inout OutputBuffer,
                        summary: inout BatchSummary, tally: inout ModelTally) {
        var row: RowMemo.Row?
        if let layout {
            row = memo.read(bytes, layout)
            if let row, quick(row, bytes, memo: memo, into: &out, summary: &summary, tally: &tally) { return }
        }
        switch answer(Substring(String(decoding: bytes, as: UTF8.self)), memo: memo, row: row) {
        case let .success((id, best)):
            summary.add(best)
            write(id: id, best: best, error: nil, into: &out)
        case let .failure(error):
            summary.addFailure()
            let at = Catalogue.format(input.fromSheet ? .batchRow : .batchLine, language, String(line))
            write(id: error.id, best: nil, error: at + error.text(language), into: &out)
        }
    }

    /// Writes a row met before: its own id, the remembered columns, and income per member from its own
    /// members and other income. False (nothing written) when it was not met, or they cannot be read.
    private func quick(_ row: RowMemo.Row, _ bytes: UnsafeBufferPointer<UInt8>, memo: BatchMemo, into out: inout OutputBuffer,
                       summary: inout BatchSummary, tally: inout ModelTally) -> Bool {
        guard let at = row.entry else { return false }
        func field(_ range: Range<Int>?) -> UnsafeBufferPointer<UInt8>? { range.map { UnsafeBufferPointer(rebasing: bytes[$0]) } }
        guard let members = memo.numbers.number(.members, field(row.members), parser),
              let other = memo.numbers.number(.otherIncomeVND, field(row.otherIncome), parser) else { return false }
        let entry = memo.row(at)
        switch format {
        case .csv: if let id = field(row.id) { out.appendCSV(id) }
        case .jsonl: writeJSONID(field(row.id).map { String(decoding: $0, as: UTF8.self) }, into: &out)
        }
        memo.append(entry, at: at, head: true, to: &out)
        var above = false
        if entry.hasFigures {
            let perMonth = entry.perMember.perMonth(members: members, otherIncome: other, landM2: entry.landM2)
            above = perMonth >= entry.perMember.line
            writePerMember(perMonth, above: above, into: &out)
            memo.append(entry, at: at, head: false, to: &out)
        }
        out.append(byte: 10)
        // A row counted for a model has figures (an unsuitable answer has them too, and counts for none).
        if entry.model >= 0 {
            tally.count(entry.model, shared: at.shared)
            summary.add(entry.share, above: above)
        } else {
            summary.addWithoutOption()
        }
        return true
    }

    /// What a row's answer leaves to the rows that share its deciding text: its columns as written.
    private func remembered(_ answer: Evaluator.RowAnswer?, landM2: Double) -> RowMemo.Remembered {
        var head = OutputBuffer(), tail = OutputBuffer()
        writeHead(answer?.summary, error: nil, into: &head)
        if let best = answer?.summary { writeTail(best, into: &tail) }
        let counted = answer.map(\.summary).flatMap { $0.verdict == .unsuitable ? nil : $0 }
        return RowMemo.Remembered(head: head.bytes, tail: tail.bytes, perMember: answer?.perMember, landM2: landM2, model: counted?.model,
                                  share: BatchSummary.Share(investment: counted?.investment ?? 0, loan: counted?.loan ?? 0,
                                                            income: counted?.riskAdjustedIncome ?? 0))
    }

    /// A row's answer the full way; a row read by the quick path and answered is remembered there.
    private func answer(_ line: Substring, memo: BatchMemo, row: RowMemo.Row?) -> Result<(String?, OptionSummary?), BatchRowError> {
        let input: HouseholdInput
        switch self.input.input(line) {
        case let .success(i): input = i
        case let .failure(e): return .failure(e)
        }
        do {
            let household = try parser.parse(input)
            if let odds {
                // The full advice, with the odds of the answer given.
                let advice = evaluator.advise(household, rankBy: rankBy, plans: plans, odds: odds, cache: memo.evaluation)
                if plans, let plan = advice.recommendedPlan {
                    var row = evaluator.summary(plan, household)
                    row.risk = plan.risk
                    return .success((input.id, row))
                }
                let best = advice.options.first.map { o in
                    var row = OptionSummary(o, incomePerMemberMonth: o.incomePerMemberMonth, abovePovertyLine: o.abovePovertyLine)
                    row.risk = o.risk
                    return row
                }
                return .success((input.id, best))
            }
            let answer = evaluator.rowAnswer(household, rankBy: rankBy, plans: plans, memo: memo)
            if let row { memo.remember(row, remembered(answer, landM2: household.landM2)) }
            return .success((input.id, answer?.row(for: household)))
        } catch {
            let diagnostics = error.diagnostics
            return .failure(BatchRowError(id: input.id, text: LocalizedText { language in diagnostics.map { $0.message(in: language) }.joined(separator: "; ") }))
        }
    }

    /// Writes a row's output line: the id, the columns before the household's own, income per member and
    /// whether it is above the poverty line, the columns after — pieces the quick path writes from a
    /// remembered row (``RowMemo``).
    private func write(id: String?, best: OptionSummary?, error: String?, into out: inout OutputBuffer) {
        switch format {
        case .csv: out.appendCSV(id ?? "")
        case .jsonl: writeJSONID(id, into: &out)
        }
        writeHead(best, error: error, into: &out)
        if let best {
            writePerMember(best.incomePerMemberMonth, above: best.abovePovertyLine, into: &out)
            writeTail(best, into: &out)
        }
        out.append(byte: 10)
    }

    /// A JSON line's start, up to its id.
    private func writeJSONID(_ id: String?, into out: inout OutputBuffer) {
        out.append(#"{"id":"#)
        out.append(JSONValue.optional(id) { .string($0) }.compact())
    }

    /// The columns after the id up to income per member, and what comes before its value (for a row without
    /// an option: every column after the id).
    private func writeHead(_ best: OptionSummary?, error: String?, into out: inout OutputBuffer) {
        switch format {
        case .csv: writeCSVHead(best, error: error, into: &out)
        case .jsonl:
            let status: [(String, JSONValue)] = [("status", .string(error == nil ? "ok" : "error")), ("error", .optional(error) { .string($0) })]
            guard let b = best else { return out.append("," + Self.members(status + columns.dropFirst(3).map { ($0, JSONValue.null) }) + "}") }
            let pairs: [(String, JSONValue)] = [
                ("model", .string(b.model)), ("verdict", .string(b.verdict.rawValue)), ("area_m2", .double(b.areaM2)),
                ("units", .optional(b.units) { .double($0) }), ("investment_vnd", .vnd(b.investment)),
                ("loan_programme", .optional(b.programme) { .string($0) }), ("loan_vnd", .optional(b.loan) { .vnd($0) }),
                ("annual_net_income_vnd", .vnd(b.annualNetIncome)), ("risk_adjusted_income_vnd", .vnd(b.riskAdjustedIncome)),
                ("npv_vnd", .vnd(b.npv)), ("risk_adjusted_npv_vnd", .vnd(b.riskAdjustedNPV)),
                ("payback_year", .optional(b.paybackYear) { .int(Int64($0)) }),
                ("first_income_year", .optional(b.firstIncomeYear) { .int(Int64($0)) }),
            ]
            out.append("," + Self.members(status + pairs) + #","income_per_member_month_vnd":"#)
        }
    }

    private func writeCSVHead(_ best: OptionSummary?, error: String?, into out: inout OutputBuffer) {
        let comma: UInt8 = 44
        out.append(byte: comma)
        out.append(error == nil ? "ok," : "error,")
        out.appendCSV(error ?? "")
        guard let b = best else {
            for _ in 3..<columns.count { out.append(byte: comma) }
            return
        }
        func field(_ write: (inout OutputBuffer) -> Void) {
            out.append(byte: comma)
            write(&out)
        }
        field { $0.append(b.model) }
        field { $0.append(b.verdict.rawValue) }
        field { $0.append(rounded: b.areaM2) }
        field { o in if let u = b.units { o.append(Self.number(u)) } }
        field { $0.append(rounded: b.investment) }
        field { o in if let id = b.programme { o.appendCSV(id) } }
        field { o in if let loan = b.loan { o.append(rounded: loan) } }
        field { $0.append(rounded: b.annualNetIncome) }
        field { $0.append(rounded: b.riskAdjustedIncome) }
        field { $0.append(rounded: b.npv) }
        field { $0.append(rounded: b.riskAdjustedNPV) }
        field { o in if let y = b.paybackYear { o.append(Int64(y)) } }
        field { o in if let y = b.firstIncomeYear { o.append(Int64(y)) } }
        out.append(byte: comma)
    }

    /// The household's own: income per member (rounded to the dong, as every VND column) and whether it is
    /// above the poverty line, and what comes before the next value.
    private func writePerMember(_ perMonth: Double, above: Bool, into out: inout OutputBuffer) {
        out.append(rounded: perMonth)
        switch format {
        case .csv: out.append(above ? ",true," : ",false,")
        case .jsonl: out.append(above ? #","above_poverty_line":true,"# : #","above_poverty_line":false,"#)
        }
    }

    /// The columns after whether the row is above the poverty line, to the line's end.
    private func writeTail(_ b: OptionSummary, into out: inout OutputBuffer) {
        let r = b.risk
        switch format {
        case .csv:
            out.append(rounded: b.gainNPV)
            guard odds != nil else { return }
            for v in [r?.p10NPV, r?.p50NPV, r?.p90NPV] {
                out.append(byte: 44)
                if let v { out.append(rounded: v) }
            }
            for v in [r?.pLoss, r?.pMissedInstalment, r?.pBelowPovertyLine] {
                out.append(byte: 44)
                if let v { out.append(Self.number(v)) }
            }
        case .jsonl:
            var pairs: [(String, JSONValue)] = [("gain_npv_vnd", .vnd(b.gainNPV))]
            if odds != nil {
                pairs += [("p10_npv_vnd", .optional(r?.p10NPV) { .vnd($0) }), ("p50_npv_vnd", .optional(r?.p50NPV) { .vnd($0) }),
                          ("p90_npv_vnd", .optional(r?.p90NPV) { .vnd($0) }), ("p_loss", .optional(r?.pLoss) { .double($0) }),
                          ("p_missed_instalment", .optional(r?.pMissedInstalment) { .double($0) }),
                          ("p_below_poverty_line", .optional(r?.pBelowPovertyLine) { .double($0) })]
            }
            out.append(Self.members(pairs) + "}")
        }
    }

    /// The members of a JSON object as one line writes them, without its braces.
    private static func members(_ pairs: [(String, JSONValue)]) -> String {
        String(JSONValue.object(pairs).compact().dropFirst().dropLast())
    }

    private static func number(_ v: Double) -> String { v == v.rounded() ? String(Int64(v)) : String(v) }
}
