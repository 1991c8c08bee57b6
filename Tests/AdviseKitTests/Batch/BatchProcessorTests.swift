@testable import AdviseKit
import Foundation
import Testing

@Suite struct BatchProcessorTests {
    static let header = "id,land,capital,flood,salinity,members,labour,current-use,loan-category"

    /// 5,000 households, a handful of them bad, written like the ward's export.
    static func rows() -> (lines: [Substring], bad: [Int: String]) {
        let lands = ["300", "800", "2cong", "3500", "0.7ha", "1.1ha", "15000"]
        let floods = ["none", "occasional", "frequent"], salinities = ["low", "medium", "high"]
        let categories = ["poor", "near-poor", "newly-escaped", "none"]
        var lines: [String] = []
        for i in 0..<5000 {
            lines.append("H\(i),\(lands[i % 7]),\((i * 37) % 400)tr,\(floods[i % 3]),\(salinities[(i / 3) % 3]),\(1 + i % 6),\(i % 4),bare,\(categories[i % 4])")
        }
        let bad = [17: "7.000", 999: "sometimes", 2500: "", 3333: "-40", 4998: "12,3,4"]
        lines[17] = "H17,7.000,50tr,none,low,4,2,bare,none"
        lines[999] = "H999,1000,50tr,sometimes,low,4,2,bare,none"
        lines[2500] = "H2500,,50tr,none,low,4,2,bare,none"
        lines[3333] = "H3333,1000,-40,none,low,4,2,bare,none"
        lines[4998] = "H4998,1000,50tr,none,low,4,2,bare,none,extra"
        return (lines.map { Substring($0) }, bad)
    }

    @Test func withRiskARowCarriesTheOddsOfTheSingleHouseholdAdvice() throws {
        let input = try BatchInput(csvHeader: Substring(Self.header))
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let odds = RiskSimulation.Options(draws: 300, seed: 5)
        let processor = BatchProcessor(evaluator: evaluator, input: input, format: .csv, odds: odds)
        #expect(processor.header?.hasSuffix("gain_npv_vnd,p10_npv_vnd,p50_npv_vnd,p90_npv_vnd,p_loss,p_missed_instalment,p_below_poverty_line\n") == true)
        var out = OutputBuffer()
        var summary = BatchSummary()
        processor.process(["H1,7000,150tr,none,low,4,2,bare,none"], firstLine: 2, memo: BatchMemo(), into: &out, summary: &summary)
        let fields = String(decoding: out.bytes, as: UTF8.self).split(separator: "\n").first?.split(separator: ",", omittingEmptySubsequences: false) ?? []
        #expect(fields.count == processor.columns.count)
        let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr", .members: "4", .labour: "2"])
        let risk = try #require(evaluator.advise(household, odds: odds).options.first?.risk)
        #expect(fields[processor.columns.firstIndex(of: "p50_npv_vnd")!] == Substring(String(Int64(risk.p50NPV.rounded()))))
        #expect(fields[processor.columns.firstIndex(of: "p_loss")!] == Substring(risk.pLoss == risk.pLoss.rounded() ? String(Int64(risk.pLoss)) : String(risk.pLoss)))
    }

    @Test func everyRowGetsItsAnswerInOrderAndBadRowsAreNamed() throws {
        let input = try BatchInput(csvHeader: Substring(Self.header))
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: input, format: .csv, language: .en)
        let (lines, bad) = Self.rows()
        var out = OutputBuffer()
        var summary = BatchSummary()
        processor.process(lines[...], firstLine: 2, memo: BatchMemo(), into: &out, summary: &summary)
        let output = String(decoding: out.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.count == 5000)
        #expect(summary.rows == 5000 && summary.failed == bad.count)
        for (i, row) in output.enumerated() {
            #expect(row.hasPrefix("H\(i),"), "row \(i) out of order: \(row)")
            if bad[i] != nil {
                #expect(row.hasPrefix("H\(i),error,"), "\(row)")
                #expect(row.contains("line \(i + 2): "), "the error names its line: \(row)")
            } else {
                #expect(row.hasPrefix("H\(i),ok,,"), "\(row)")
            }
        }
        #expect(output[17].contains("column land: '7.000': ambiguous"))
        #expect(output[999].contains("column flood: 'sometimes' is not a flood level"))
        #expect(output[2500].contains("column land is required"))
        #expect(output[3333].contains("column capital"))
        #expect(output[4998].contains("the row has 10 fields, the header 9"))
    }

    @Test func jsonLinesInAndOut() throws {
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: .jsonLines, format: .jsonl)
        var out = OutputBuffer()
        var summary = BatchSummary()
        let lines: [Substring] = [#"{"id": "a", "land": 7000, "capital": "150tr", "flood": "occasional"}"#, #"{"id": "b", "land": "7.000"}"#, "not json"]
        processor.process(lines[...], firstLine: 1, memo: BatchMemo(), into: &out, summary: &summary)
        let rows = String(decoding: out.bytes, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "a" && first["status"] as? String == "ok" && first["model"] is String)
        #expect(Set(first.keys) == Set(BatchProcessor.columns))
        // The error cells speak the rule set's language (Vietnamese) unless told otherwise.
        #expect(rows[1].contains(#""status":"error""#) && rows[1].contains("dòng 2: cột land: '7.000': không rõ"))
        #expect(rows[2].contains("dòng 3: dòng này không phải là một đối tượng JSON"))
    }

    @Test func aRowAgreesWithTheSingleHouseholdAdvice() throws {
        let input = try BatchInput(csvHeader: "id,land,capital,flood")
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: input, format: .csv)
        var out = OutputBuffer()
        var summary = BatchSummary()
        processor.process(["x,7000,150tr,occasional"][...], firstLine: 2, memo: BatchMemo(), into: &out, summary: &summary)
        let advice = Evaluator(ruleSet: Fixtures.ruleSet).advise(try Fixtures.household([.landM2: "7000", .capitalVND: "150tr", .flood: "occasional"]))
        let best = try #require(advice.best)
        let fields = String(decoding: out.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[3] == Substring(best.model.id))
        #expect(fields[7] == Substring(String(Int64(best.projection.investment.rounded()))))
        #expect(summary.byModel == [best.model.id: 1])
    }

    @Test func withPlansARowIsTheHouseholdsBestPlan() throws {
        let input = try BatchInput(csvHeader: "id,land,capital,flood,current-use")
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: input, format: .csv, plans: true)
        var out = OutputBuffer()
        var summary = BatchSummary()
        processor.process(["nam,7000,100tr,occasional,coconut"][...], firstLine: 2, memo: BatchMemo(), into: &out, summary: &summary)
        let plan = try #require(Evaluator(ruleSet: Fixtures.ruleSet).plan(try Fixtures.household([.landM2: "7000", .capitalVND: "100tr", .flood: "occasional", .currentUse: "coconut"])))
        let fields = String(decoding: out.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[3] == Substring(plan.modelIDs.joined(separator: "+")))
        #expect(fields[13] == Substring(String(Int64(plan.riskAdjustedNPV.rounded()))))
        #expect(summary.byModel == [plan.modelIDs.joined(separator: "+"): 1])
    }

    /// The default batch row is what `advise` recommends for the same household: its plan, or (when the plan
    /// is unsuitable or absent) its best single model.
    @Test func aPlanRowIsTheSingleHouseholdRecommendation() throws {
        let input = try BatchInput(csvHeader: "id,land,capital,flood,salinity,loan-category,current-use")
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let processor = BatchProcessor(evaluator: evaluator, input: input, format: .csv, plans: true)
        let lands = ["0", "600", "1500", "3500", "7000", "2ha"], capitals = ["0", "20tr", "150tr", "1ty"]
        let floods = ["none", "occasional", "frequent"], categories = ["poor", "newly-escaped", "none"], uses = ["bare", "coconut"]
        var checked = 0
        for (i, land) in lands.enumerated() {
            for (j, capital) in capitals.enumerated() {
                let flood = floods[(i + j) % 3], category = categories[(i * 2 + j) % 3], use = uses[(i + j) % 2]
                var out = OutputBuffer()
                var summary = BatchSummary()
                processor.process(["h,\(land),\(capital),\(flood),low,\(category),\(use)"][...], firstLine: 2, memo: BatchMemo(), into: &out, summary: &summary)
                let row = String(decoding: out.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
                let advice = evaluator.advise(try Fixtures.household([.landM2: land, .capitalVND: capital, .flood: flood, .loanCategory: category, .currentUse: use]), plans: true)
                let expected = advice.recommendedPlan.map { $0.modelIDs.joined(separator: "+") } ?? advice.recommendation?.model.id
                if let expected { #expect(row[3] == Substring(expected), "land \(land), capital \(capital): \(row[3]) vs \(expected)") }
                checked += 1
            }
        }
        #expect(checked == lands.count * capitals.count)
    }

    /// A batch remembers answers by the facts that decide them; a household that differs only in its members
    /// or other income gets its own income per member, exactly as a fresh evaluation gives.
    @Test(arguments: [true, false])
    func rememberedAnswersEqualFreshOnes(_ plans: Bool) throws {
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        let shared = BatchMemo()
        for (members, other) in [("2", "0"), ("6", "0"), ("6", "3tr"), ("1", "10tr"), ("2", "0")] {
            let household = try Fixtures.household([.landM2: "7000", .capitalVND: "150tr", .members: members, .otherIncomeVND: other, .loanCategory: "poor"])
            let remembered = evaluator.answer(household, plans: plans, memo: shared)
            let fresh = evaluator.answer(household, plans: plans, memo: BatchMemo())
            #expect(remembered == fresh, "members \(members), other income \(other)")
            if !plans { #expect(fresh == evaluator.bestOption(household)) }
        }
    }

    /// A row met before by the text of its deciding columns takes the remembered answer (``RowMemo``):
    /// every row, in one run with one cache, is written exactly as it is alone with a fresh one — members,
    /// other income and ids that differ, an empty members field (the default), a bad member count on a
    /// remembered text, another spelling of the same land, quotes; with plans or without, in CSV or JSON Lines.
    @Test(arguments: [true, false], [BatchProcessor.Format.csv, .jsonl])
    func rowsRememberedByTheirTextEqualRowsAnsweredAlone(_ plans: Bool, _ format: BatchProcessor.Format) throws {
        let header = "id,land,capital,flood,members,other-income,notes"
        let lines: [Substring] = [
            "a,7000,150tr,occasional,4,0,x", "b,7000,150tr,occasional,6,3tr,y", "c,7000,150tr,occasional,,12tr,", "d,7000,150tr,occasional,abc,0,",
            "=e,7000,150tr,occasional,1,0,z", "f,7cong,150tr,occasional,2,0,", "g,7000,150tr,occasional,2,-1,", "\"h\",7000,150tr,occasional,3,0,",
            "i,7000,150tr,occasional,3,0", "j,300,0,none,1,0,", "k,300,0,none,5,0,", "b,7000,150tr,occasional,6,3tr,y",
        ]
        let input = try BatchInput(csvHeader: Substring(header))
        let processor = BatchProcessor(evaluator: Evaluator(ruleSet: Fixtures.ruleSet), input: input, format: format, plans: plans, language: .en)
        func run(_ records: [BatchRecord], _ memo: BatchMemo) -> String {
            var out = OutputBuffer()
            var summary = BatchSummary()
            processor.process(records, memo: memo, into: &out, summary: &summary)
            return String(decoding: out.bytes, as: UTF8.self)
        }
        let records = lines.enumerated().map { BatchRecord($1, line: $0 + 2) }
        let together = run(records, BatchMemo()).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let alone = records.map { run([$0], BatchMemo()).dropLast() }
        #expect(together.count == alone.count)
        for (row, expected) in zip(together, alone) { #expect(row == expected) }
        #expect(together[1].drop { $0 != "," } != together[0].drop { $0 != "," }, "another household size, another income per member: \(together[1])")
        #expect(together[3].hasPrefix(format == .csv ? "d,error," : #"{"id":"d","status":"error""#), "a bad member count on a remembered text is named: \(together[3])")
    }

    /// A list without other income or a current use: its households live on nothing but the plan, so members
    /// only divide the income and rows that differ in them share one remembered answer — each row still equal
    /// to the row answered alone (the repayment constraint reads members only through what a household lives on).
    @Test func rowsThatDifferOnlyInMembersShareTheirAnswerWhenNothingElseIsLivedOn() throws {
        let input = try BatchInput(csvHeader: "id,land,capital,loan-category,members")
        let evaluator = Evaluator(ruleSet: Fixtures.ruleSet)
        #expect(evaluator.deciding(columns: input.columns) == evaluator.decidingWithoutLiving)
        let processor = BatchProcessor(evaluator: evaluator, input: input, format: .csv, plans: true, language: .en)
        let lines: [Substring] = ["a,7000,20tr,poor,2", "b,7000,20tr,poor,6", "c,2000,0,near-poor,1", "d,2000,0,near-poor,5", "e,7000,20tr,poor,6"]
        func run(_ records: [BatchRecord]) -> [Substring] {
            var out = OutputBuffer()
            var summary = BatchSummary()
            processor.process(records, memo: BatchMemo(), into: &out, summary: &summary)
            return String(decoding: out.bytes, as: UTF8.self).split(separator: "\n")
        }
        let records = lines.enumerated().map { BatchRecord($1, line: $0 + 2) }
        let together = run(records)
        #expect(together == records.flatMap { run([$0]) })
        let withIncome = try BatchInput(csvHeader: "id,land,capital,other-income")
        #expect(evaluator.deciding(columns: withIncome.columns) == evaluator.deciding)
    }

    @Test(arguments: [("id,land,land", "appears twice"), ("id,capital", "no 'land' column")])
    func aBadHeaderIsRefused(_ header: String, _ message: String) {
        #expect { _ = try BatchInput(csvHeader: Substring(header)) } throws: { ($0 as? Diagnostic)?.message.contains(message) == true }
    }

    @Test func quotedFieldsAreRead() throws {
        #expect(try CSVLine.fields("a,\"b,c\",\"d \"\"e\"\"\",").get() == ["a", "b,c", "d \"e\"", ""])
        #expect(throws: CSVProblem.self) { try CSVLine.fields("a,\"b").get() }
    }
}

/// Club lists as spreadsheets write them: a byte-order mark, semicolons or tabs; and ids a spreadsheet
/// would run as formulas are written back as text.
@Suite struct SpreadsheetCSVTests {
    @Test(arguments: ["\u{FEFF}id;land;capital", "id\tland\tcapital", "\u{FEFF}id,land,capital"])
    func theHeaderIsReadWhateverTheDelimiterAndMark(_ header: String) throws {
        let input = try BatchInput(csvHeader: Substring(header))
        #expect(input.ignoredColumns.isEmpty, "\(input.ignoredColumns)")
        let delimiter = Character(Unicode.Scalar(input.delimiter))
        let row = ["A1", "7000", "150tr"].joined(separator: String(delimiter))
        let household = try input.input(Substring(row)).get()
        #expect(household.id == "A1")
        #expect(household[.landM2]?.text == "7000")
        #expect(household[.capitalVND]?.text == "150tr")
    }

    @Test(arguments: [("=1+1", "\"'=1+1\""), ("@SUM(1)", "\"'@SUM(1)\""), ("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""),
                      ("-40", "\"'-40\""), ("A1", "A1"), ("a,b", "\"a,b\"")])
    func formulasAreWrittenAsText(_ field: String, _ written: String) {
        #expect(CSVLine.escape(field) == written)
        var out = OutputBuffer()
        out.appendCSV(field)
        #expect(String(decoding: out.bytes, as: UTF8.self) == written)
    }
}
