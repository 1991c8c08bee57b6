@testable import AdviseKit
import Testing

@Suite struct NumberMemoTests {
    /// More texts than the memo has slots, read in a shuffled order several times: every read equals the
    /// parser's, whichever text held the slot before.
    @Test func aRememberedNumberIsWhatTheParserReads() {
        let parser = HouseholdParser(settings: Fixtures.ruleSet.settings)
        let texts = (0..<300).map(String.init) + ["", "3tr", "abc", "-1", "1.5", "7 người", "0", "12tr", "1000000", "2,5tr", "12345678"]
        var memo = NumberMemo()
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            for text in texts.shuffled(using: &rng) {
                for fact in [HouseholdFact.members, .otherIncomeVND] {
                    let read = Array(text.utf8).withUnsafeBufferPointer { memo.number(fact, $0, parser) }
                    #expect(read == parser.number(fact, Substring(text)), "\(fact) '\(text)'")
                }
            }
        }
        #expect(memo.number(.members, nil, parser) == parser.number(.members, nil), "an absent column reads the default")
    }
}
