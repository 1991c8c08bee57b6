@testable import AdviseKit
import Testing

@Suite struct CatalogueTests {
    @Test(arguments: Catalogue.Key.allCases)
    func everyPhraseExistsInBothLanguages(_ key: Catalogue.Key) throws {
        let text = try #require(Catalogue.table[key], "\(key) has no entry")
        #expect(!text.vi.isEmpty && !text.en.isEmpty)
    }

    @Test func placeholdersAreFilledInOrder() {
        #expect(Catalogue.format(.loanTerms, .en, "6.6 %", "120") == "6.6 % a year, 120 months")
        #expect(Catalogue.format(.loanTerms, .vi, "6,6 %", "120") == "lãi 6,6 %/năm, thời hạn 120 tháng")
    }
}
