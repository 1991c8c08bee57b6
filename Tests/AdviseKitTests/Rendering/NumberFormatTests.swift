@testable import AdviseKit
import Testing

@Suite struct NumberFormatTests {
    @Test func vietnameseAndEnglishGrouping() {
        #expect(NumberFormat.money(300_000_000, .vi) == "300.000.000 ₫")
        #expect(NumberFormat.money(300_000_000, .en) == "VND 300,000,000")
        #expect(NumberFormat.money(-1_500, .vi) == "-1.500 ₫")
        #expect(NumberFormat.money(999, .vi) == "999 ₫")
    }

    @Test func prose() {
        #expect(NumberFormat.moneyProse(300_000_000, .vi) == "300 triệu ₫")
        #expect(NumberFormat.moneyProse(1_060_000_000, .vi) == "1,06 tỷ ₫")
        #expect(NumberFormat.moneyProse(27_500_000, .en) == "VND 27.5 million")
        #expect(NumberFormat.moneyProse(-8_900_000, .vi) == "-8,9 triệu ₫")
    }

    @Test func decimals() {
        #expect(NumberFormat.decimal(397.5, places: 1, .vi) == "397,5")
        #expect(NumberFormat.decimal(1234.56, places: 1, .en) == "1,234.6")
        #expect(NumberFormat.decimal(-0.04, places: 1, .en) == "0.0")
        #expect(NumberFormat.short(0.5, .vi) == "0,5")
        #expect(NumberFormat.short(7, .en) == "7")
    }
}
