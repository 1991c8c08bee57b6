@testable import AdviseKit
import Testing

@Suite struct RowMemoTests {
    static let layout = RowMemo.Layout(try! BatchInput(csvHeader: "id,land,capital,flood,members"), deciding: Evaluator(ruleSet: Fixtures.ruleSet).deciding)!

    /// Reads a row's text into `memo`.
    static func read(_ text: String, _ memo: inout RowMemo) -> RowMemo.Row? {
        Array(text.utf8).withUnsafeBufferPointer { memo.read($0, layout) }
    }

    static func remembered(_ i: Int) -> RowMemo.Remembered {
        RowMemo.Remembered(head: Array(",ok,,head \(i),".utf8), tail: Array("tail \(i)".utf8),
                           perMember: i % 5 == 0 ? nil : .init(income: Double(i), landM2: 1, keepingPerM2: 2, line: 3), landM2: Double(i),
                           model: i % 3 == 0 ? nil : "model-\(i % 4)", share: .init(investment: Double(i), loan: 0, income: 1))
    }

    /// Rows remembered by one memo, then taken in by another that already knows some of them: each is
    /// found by its text alone, with its own figures and written columns, the models renumbered, and no
    /// text twice; texts never remembered are not found.
    @Test func absorbedRowsAreFoundWithTheirOwnRecords() throws {
        var first = RowMemo(capacity: 1_000), second = RowMemo(capacity: 1_000)
        let text = { (i: Int) in "H\(i),\(300 + i),\(i)tr,none,4" }
        for i in 0..<300 {
            let row = try #require(Self.read(text(i), &first))
            first.remember(row, Self.remembered(i))
        }
        for i in stride(from: 0, to: 300, by: 7) {
            let row = try #require(Self.read("H\(i),\(300 + i),\(i)tr,frequent,4", &second))  // other households, first in line
            second.remember(row, Self.remembered(1_000 + i))
        }
        for i in stride(from: 0, to: 300, by: 2) {
            let row = try #require(Self.read(text(i), &second))
            second.remember(row, Self.remembered(i))
        }
        let known = second.count
        second.absorb(first)
        #expect(second.count == known + 150, "the rows it knew are not taken twice")
        for i in 0..<300 {
            let row = try #require(Self.read("other id," + text(i).drop { $0 != "," }.dropFirst(), &second))
            let offset = try #require(second.find(row.hash, second.key[...]), "row \(i)")
            let entry = second.entry(offset)
            let expected = Self.remembered(i)
            #expect(entry.landM2 == expected.landM2 && entry.share.investment == expected.share.investment)
            #expect(entry.hasFigures == (expected.perMember != nil))
            #expect((entry.model < 0 ? nil : second.model(entry.model)) == expected.model)
            var out = OutputBuffer()
            second.append(entry, at: offset, head: true, to: &out)
            second.append(entry, at: offset, head: false, to: &out)
            #expect(out.bytes == expected.head + expected.tail)
        }
        let unknown = try #require(Self.read("x,12345,1tr,none,4", &second))
        #expect(second.find(unknown.hash, second.key[...]) == nil)
    }

    /// A full memo keeps the rows it has and takes no more.
    @Test func aFullMemoTakesNoMore() throws {
        var memo = RowMemo(capacity: 10)
        for i in 0..<20 {
            let row = try #require(Self.read("H,\(300 + i),1tr,none,4", &memo))
            memo.remember(row, Self.remembered(i))
        }
        #expect(memo.count == 10)
        let kept = try #require(Self.read("H,309,1tr,none,4", &memo))
        #expect(memo.find(kept.hash, memo.key[...]) != nil)
        let dropped = try #require(Self.read("H,310,1tr,none,4", &memo))
        #expect(memo.find(dropped.hash, memo.key[...]) == nil)
    }

    /// Rows the quick path leaves to the full one: quotes, a field too many or too few, an oversized record.
    @Test(arguments: ["\"H\",300,1tr,none,4", "H,300,1tr,none,4,5", "H,300,1tr,none", "\u{1A}2000000"])
    func rowsTheQuickPathCannotReadAreLeftToTheFullOne(_ text: String) {
        var memo = RowMemo(capacity: 10)
        #expect(Self.read(text, &memo) == nil)
    }
}
