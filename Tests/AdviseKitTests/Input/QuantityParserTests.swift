@testable import AdviseKit
import Testing

@Suite struct QuantityParserTests {
    @Test(arguments: [
        ("7000", 7000.0), ("7000m2", 7000), ("7000 m²", 7000), ("0.7ha", 7000), ("0,7ha", 7000), ("7cong", 7000),
        ("7công", 7000), ("7 CONG", 7000), ("1.1ha", 11000), ("0.700ha", 7000), ("12.000.000m2", 12_000_000),
        ("2.5cong", 2500),
    ])
    func areas(_ text: String, _ m2: Double) throws {
        #expect(try QuantityParser.area(text, congM2: 1000).get() == m2)
    }

    @Test(arguments: [
        ("3tr", 36_000_000.0), ("3tr/tháng", 36_000_000), ("3tr/thang", 36_000_000), ("3 triệu mỗi tháng", 36_000_000),
        ("3tr/month", 36_000_000), ("36tr/năm", 36_000_000), ("36tr/year", 36_000_000), ("36 triệu một năm", nil),
        ("0", 0), ("x/tháng", nil), ("/tháng", nil),
    ] as [(String, Double?)])
    func incomes(_ text: String, _ perYear: Double?) {
        switch QuantityParser.income(text) {
        case let .success(v): #expect(v == perYear, "\(text)")
        case let .failure(p):
            #expect(perYear == nil, "\(text): \(p.message)")
            #expect(p.message.contains("3tr/tháng"))
        }
    }

    /// The rule set's regional units, as an officer writes them, with or without diacritics.
    @Test(arguments: [("2 sào", 2000.0), ("2sao", 2000), ("2 SÀO", 2000), ("1 mẫu", 10_000), ("1,5 mẫu", 15_000), ("3 mau", 30_000), ("7 công", 7000)])
    func regionalUnitsFollowTheRuleSet(_ text: String, _ m2: Double) throws {
        let household = try Fixtures.household([.landM2: text])
        #expect(household.landM2 == m2)
        let units = Fixtures.settings.areaUnits
        #expect(units.map(\.name) == ["cong", "sào", "mẫu"], "the công first, then in file order")
        #expect(units.allSatisfy { !$0.size.provenance.sources.isEmpty }, "each unit's size has its source")
    }

    @Test func anUnknownUnitListsTheRegionalOnes() {
        guard case let .failure(problem) = QuantityParser.area("2 thước", congM2: 1000, others: Fixtures.settings.areaUnits) else {
            Issue.record("2 thước was read as an area")
            return
        }
        #expect(problem.text(.vi).hasSuffix("7 công (1 công = 1.000 m²), 2 sào (1 sào = 1.000 m²), 2 mẫu (1 mẫu = 10.000 m²)"))
        #expect(problem.text(.en).hasSuffix("7cong (1 công = 1,000 m²), 2 sào (1 sào = 1,000 m²), 2 mẫu (1 mẫu = 10,000 m²)"))
    }

    @Test func congFollowsTheRuleSet() throws {
        #expect(try QuantityParser.area("1cong", congM2: 1296).get() == 1296)
    }

    @Test(arguments: [
        ("150000000", 150_000_000.0), ("150tr", 150_000_000), ("150trieu", 150_000_000), ("150 triệu", 150_000_000),
        ("150M", 150_000_000), ("1.5ty", 1_500_000_000), ("1,5tỷ", 1_500_000_000), ("300.000.000", 300_000_000),
        ("300,000,000 VND", 300_000_000), ("0", 0), ("20tr", 20_000_000), ("500k", 500_000), ("2 tỉ", 2_000_000_000),
    ])
    func money(_ text: String, _ vnd: Double) throws {
        #expect(try QuantityParser.money(text).get() == vnd)
    }

    @Test(arguments: [
        ("7.000", "ambiguous"), ("7,000", "ambiguous"), ("abc", "not an area"),
        ("7000 acres", "unknown unit 'acres'"), ("-5", "is negative"), ("7.0.0", "wrong places"),
        ("1.000,5", "mixes"), ("", "not an area"), ("99999ha", "more than 10,000 ha"),
    ])
    func badAreasAreRefusedWithTheAcceptedForms(_ text: String, _ message: String) {
        guard case let .failure(problem) = QuantityParser.area(text, congM2: 1000) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test(arguments: [("1.500ty", "ambiguous"), ("150 dollars", "unknown unit"), ("lots", "not an amount"), ("99999ty", "more than 10,000 tỷ")])
    func badMoneyIsRefused(_ text: String, _ message: String) {
        guard case let .failure(problem) = QuantityParser.money(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test func theAmbiguityHintOffersBothReadings() {
        guard case let .failure(p) = QuantityParser.area("7.000", congM2: 1000) else { return #expect(Bool(false)) }
        #expect(p.message.contains("write 7000 or 7.0"))
    }
}

@Suite struct HouseholdParserTests {
    @Test func defaultsAreFilledAndNamed() throws {
        let h = try Fixtures.household([.landM2: "7cong"])
        #expect(h.landM2 == 7000)
        #expect(h.capitalVND == nil)
        #expect(h.flood == "none")
        // Other income has no default: not given, it counts as none and is listed as assumed.
        #expect(h.assumed == [.flood, .salinity, .labour, .members, .currentUse, .loanCategory, .otherIncomeVND])
    }

    @Test func levelsAcceptNamesAndAliases() throws {
        let h = try Fixtures.household([.landM2: "1000", .currentUse: "Neglected coconut garden", .loanCategory: "near_poor", .flood: "thỉnh thoảng"])
        #expect(h.currentUse == "neglected-coconut")
        #expect(h.loanCategory == "near-poor")
        #expect(h.flood == "occasional")
    }

    @Test func everyBadValueIsReportedWithItsLabel() {
        var input = HouseholdInput()
        input[.landM2] = .init("7.000")
        input[.flood] = .init("sometimes")
        input[.members] = .init("0")
        let parser = HouseholdParser(settings: Fixtures.settings, label: { "--" + $0.inputName })
        #expect {
            _ = try parser.parse(input)
        } throws: { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.message) ?? []
            return messages.count == 3
                && messages.contains { $0.hasPrefix("--land: ") && $0.contains("ambiguous") }
                && messages.contains { $0.hasPrefix("--flood: ") && $0.contains("none, occasional, frequent") }
                && messages.contains { $0.hasPrefix("--members: ") }
        }
    }

    /// Money as officers say and write it.
    @Test(arguments: [("150 triệu đồng", 150e6), ("150trđ", 150e6), ("150 tr đ", 150e6), ("1ty5", 1.5e9), ("1 tỷ 500 triệu", 1.5e9),
                      ("2tr500", 2.5e6), ("1 tỷ 2", 1.2e9), ("2 triệu 500 nghìn", 2.5e6), ("1,5 tỷ đồng", 1.5e9), ("150 đồng", 150)])
    func spokenMoneyIsRead(_ text: String, _ vnd: Double) throws {
        #expect(try QuantityParser.money(text).get() == vnd)
    }

    @Test(arguments: ["5 triệu 3 tỷ", "tr5", "1 tỷ tỷ", "abc", "3 con gà"])
    func moneyThatIsNotMoneyIsRefused(_ text: String) {
        #expect(throws: QuantityParser.Problem.self) { try QuantityParser.money(text).get() }
    }

    /// Level names as officers write them: Vietnamese, with or without diacritics, and the short forms.
    @Test(arguments: [(HouseholdFact.loanCategory, "nghèo", "poor"), (.loanCategory, "can ngheo", "near-poor"), (.loanCategory, "Cận nghèo", "near-poor"),
                      (.flood, "thuong xuyen", "frequent"), (.flood, "THỈNH THOẢNG", "occasional"), (.salinity, "trung binh", "medium"),
                      (.currentUse, "vuon dua", "coconut")])
    func levelsInVietnamese(_ fact: HouseholdFact, _ text: String, _ id: String) throws {
        var input = HouseholdInput()
        input[.landM2] = .init("7000")
        input[fact] = .init(text)
        let household = try HouseholdParser(settings: Fixtures.settings).parse(input)
        #expect(household.level(fact) == id)
    }

    @Test func landIsRequired() {
        #expect(throws: DiagnosticError.self) { try HouseholdParser(settings: Fixtures.settings).parse(HouseholdInput()) }
    }
}
