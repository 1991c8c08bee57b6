@testable import AdviseKit
import Testing

/// libyaml's problems reach the user in their words, at the problem's position.
@Suite struct YAMLReaderTests {
    @Test(arguments: [
        ("land: 7000\n  capital: 5tr\n", "sai chỗ", 2, 10),
        ("name: {vi: a, en: b\nsummary: x\n", "thiếu dấu ',' hoặc dấu đóng '}'", 2, 8),
        ("models: [a, b\nland: 1\n", "thiếu dấu ',' hoặc dấu đóng ']'", 2, 5),
        ("note: \"open\n", "kết thúc giữa chừng", 2, 1),
        ("note: \"a\\qb\"\n", "mã thoát", 1, 9),
        ("a:\n\t- b\n", "Tab", 2, 1),
        ("note: @home\n", "không thể bắt đầu", 1, 7),
    ] as [(String, String, Int, Int)])
    func aSyntaxProblemIsSaidInVietnamese(_ text: String, _ words: String, _ line: Int, _ column: Int) {
        #expect {
            _ = try YAMLReader.parse(text, file: "h.yaml")
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            let vi = d.message(in: .vi)
            #expect(vi.contains(words), "\(vi)")
            for english in ["did not find", "found", "expected", "while", "mapping", "scanning", "libyaml"] {
                #expect(!vi.contains(english), "\(vi)")
            }
            #expect(d.location?.line == line && d.location?.column == column, "\(d.location?.description ?? "")")
            return d.code == "yaml.syntax"
        }
    }
}
