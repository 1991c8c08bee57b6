@testable import AdviseKit
import Testing

@Suite struct CatalogueTests {
    @Test(arguments: Language.allCases)
    func everyPhraseExistsInEachLanguage(_ language: Language) {
        let table = Catalogue.table(language)
        for key in Catalogue.Key.allCases {
            #expect(!(table[key] ?? "").isEmpty, "\(key) is missing in the \(language) catalogue")
        }
        #expect(table.count == Catalogue.Key.allCases.count)
    }

    @Test func placeholdersAgreeBetweenLanguages() {
        for key in Catalogue.Key.allCases {
            let count = { (l: Language) in Catalogue.text(key, l).components(separatedBy: "%@").count }
            #expect(count(.vi) == count(.en), "\(key) has different placeholders in vi and en")
        }
    }

    @Test func placeholdersAreFilledInOrder() {
        #expect(Catalogue.format(.loanTerms, .en, "6.6 %", "120") == "6.6 % a year, 120 months")
        #expect(Catalogue.format(.loanTerms, .vi, "6,6 %", "120") == "lãi 6,6 %/năm, thời hạn 120 tháng")
    }
}
