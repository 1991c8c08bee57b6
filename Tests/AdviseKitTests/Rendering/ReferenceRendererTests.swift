@testable import AdviseKit
import Foundation
import Testing

@Suite struct ReferenceRendererTests {
    @Test func theCommittedReferenceIsCurrent() throws {
        let path = Fixtures.root.appendingPathComponent("docs/rules-reference.md").path
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        let generated = ReferenceRenderer(ruleSet: Fixtures.ruleSet).render()
        #expect(committed == generated, "docs/rules-reference.md is stale: run `swift run advise rules docs -o docs/rules-reference.md`")
    }

    @Test func everyModelRuleAndCitedSourceIsDocumented() {
        let text = ReferenceRenderer(ruleSet: Fixtures.ruleSet).render()
        for model in Fixtures.ruleSet.models {
            #expect(text.contains("{#model-\(model.id)}"))
            for rule in model.rules { #expect(text.contains("| `\(rule.id)` |")) }
        }
        for id in Fixtures.ruleSet.sources.keys { #expect(text.contains("<a id=\"source-\(id.lowercased())\"></a>\(id)")) }
        #expect(text.contains("| Investment: Breeding does | 5.5 MVND/unit |"))
        #expect(text.contains("24000 / 60000 / 108000 VND/chục"))
    }
}
