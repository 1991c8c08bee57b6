import AdviseKit
import AdviseRuleSet
import Foundation
import Testing

/// The rule set built into the binary is `Rules/`, file for file, and loads.
@Suite struct EmbeddedRulesTests {
    @Test func theEmbeddedRuleSetIsTheRulesFolder() throws {
        let onDisk = try Fixtures.ruleFiles()
        #expect(EmbeddedRules.files.map(\.path) == onDisk.map(\.path))
        for (embedded, file) in zip(EmbeddedRules.files, onDisk) {
            #expect(embedded.text == file.text, "\(file.path) differs from its embedded copy")
        }
        let ruleSet = try RuleSetLoader.load(files: EmbeddedRules.files, today: "2026-11-29")
        #expect(ruleSet.models.map(\.id) == Fixtures.ruleSet.models.map(\.id))
    }
}
