import AdviseKit
import Foundation
import Testing

/// README and `docs/` cannot drift from the program: every output they show is the command's output, every file
/// they quote is the file, every flag an example passes is one its command has, and README's exit codes are the
/// help's.
///
/// A ` ```console ` block is a transcript: its first line `$ advise ARGS` (or `$ swift run [-c release] advise
/// ARGS`, optionally after `NAME=value` settings) is run with today fixed at 2026-11-29, and the lines after it
/// are what it prints (standard output, then standard error). A line `…` stands for any number of lines; a last
/// line `(exit N)` is the exit status, else 0. A ` ```yaml PATH ` block is that file's text (with `…` alike).
/// `ADVISE_RECORD=1` rewrites the blocks from what the program prints now (a trailing `…` keeps as many lines as
/// the block showed); read the diff before committing.
@Suite struct DocumentationTests {
    /// One checked block of a document.
    struct Shown: CustomTestStringConvertible, Sendable, Equatable {
        var document: String
        /// The block's first line (its fence), 1-based.
        var line: Int
        var info: [String]
        var body: [String]
        var testDescription: String { "\(document):\(line)" }
    }

    static let documents: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    static func text(_ document: String) -> String {
        (try? String(contentsOf: Fixtures.root.appendingPathComponent(document), encoding: .utf8)) ?? ""
    }

    /// Every fenced block of a document: its fence line, info words and body.
    static func blocks(of document: String) -> [Shown] {
        var result: [Shown] = []
        var open: Shown?
        for (index, line) in text(document).components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    result.append(block)
                    open = nil
                } else {
                    open = Shown(document: document, line: index + 1, info: line.dropFirst(3).split(separator: " ").map(String.init), body: [])
                }
            } else {
                open?.body.append(line)
            }
        }
        return result
    }

    static let transcripts: [Shown] = documents.flatMap(blocks(of:)).filter { $0.info.first == "console" }
    static let quotedFiles: [Shown] = documents.flatMap(blocks(of:)).filter { $0.info.first == "yaml" && $0.info.count > 1 }

    static var recording: Bool { ProcessInfo.processInfo.environment["ADVISE_RECORD"] == "1" }

    /// The words of a shell line as a shell splits them: quotes kept together, `#` to the end a comment.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if c == "#" && !inWord {
                break
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// A command line as run: its settings, the program (`advise` or `advise-server`) and its arguments; nil
    /// when the line runs something else.
    static func command(_ line: String) -> (settings: [String: String], program: String, arguments: [String])? {
        var rest = words(line)
        var settings: [String: String] = [:]
        while let first = rest.first, let equals = first.firstIndex(of: "="), first.first?.isUppercase == true {
            settings[String(first[..<equals])] = String(first[first.index(after: equals)...])
            rest.removeFirst()
        }
        if rest.first == "swift", rest.dropFirst().first == "run" {
            rest.removeFirst(2)
            while let first = rest.first, first.hasPrefix("-") {
                rest.removeFirst()
                if ["-c", "--configuration", "--traits"].contains(first) { rest.removeFirst() }
            }
        }
        guard let program = rest.first, ["advise", "advise-server"].contains(program) else { return nil }
        return (settings, program, Array(rest.dropFirst()))
    }

    /// Whether `actual` is what `expected` shows, a `…` line standing for any number of lines.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            return actual.indices.map { actual[$0...] }.contains { matches(expected.dropFirst(), $0) } || matches(expected.dropFirst(), [])
        }
        guard let line = actual.first, line == first else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    /// What a block would show of `actual`: all of it, or its first lines when the block ends with `…`.
    static func recorded(_ expected: [String], _ actual: [String]) -> [String]? {
        let inner = expected.dropLast(expected.last == "…" ? 1 : 0)
        guard !inner.contains("…") else { return nil }
        if expected.last == "…" && !inner.isEmpty { return Array(actual.prefix(inner.count)) + ["…"] }
        return actual
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Replaces a block's body in its document (recording).
    static func rewrite(_ block: Shown, with body: [String]) throws {
        let url = Fixtures.root.appendingPathComponent(block.document)
        var all = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let start = block.line, end = start + block.body.count  // body lines are start..<end (0-based)
        all.replaceSubrange(start..<end, with: body)
        try all.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// What a transcript's command prints now, and the status the block expects.
    static func run(_ block: Shown) throws -> (expected: [String], status: Int32, actual: [String], actualStatus: Int32) {
        let prompt = try #require(block.body.first.flatMap { $0.hasPrefix("$ ") ? String($0.dropFirst(2)) : nil },
                                  "\(block.testDescription): a console block starts with `$ advise …`")
        #expect(!prompt.contains(" | ") && !prompt.contains(">") && !prompt.hasSuffix("\\"), "one command, no pipe or redirection: \(prompt)")
        let (settings, program, arguments) = try #require(Self.command(prompt), "not an advise command: \(prompt)")
        #expect(program == "advise")
        var expected = Array(block.body.dropFirst())
        var status: Int32 = 0
        if let last = expected.last, let code = last.wholeMatch(of: /\(exit (\d+)\)/) {
            status = Int32(code.output.1)!
            expected.removeLast()
        }
        let r = try CommandLineTests.run(arguments, today: settings["ADVISE_TODAY"] ?? "2026-11-29")
        return (expected, status, Self.lines(r.stdout) + Self.lines(r.stderr), r.status)
    }

    @Test(arguments: transcripts)
    func aShownOutputIsWhatTheCommandPrints(_ block: Shown) throws {
        guard !Self.recording else { return }
        let r = try Self.run(block)
        #expect(r.actualStatus == r.status, "\(block.testDescription): exit \(r.actualStatus)\n\(r.actual.joined(separator: "\n"))")
        #expect(Self.matches(r.expected[...], r.actual[...]),
                "\(block.testDescription) shows what `\(block.body[0])` no longer prints (ADVISE_RECORD=1 re-records):\n\(r.actual.joined(separator: "\n"))")
    }

    @Test(arguments: quotedFiles)
    func aQuotedFileIsTheFile(_ block: Shown) throws {
        guard !Self.recording else { return }
        let path = block.info[1]
        let actual = Self.lines(try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8))
        #expect(Self.matches(block.body[...], actual[...]), "\(block.testDescription) no longer quotes \(path) as it is (ADVISE_RECORD=1 re-records)")
    }

    /// `ADVISE_RECORD=1`: every block rewritten from what it shows now, one document at a time and its blocks from
    /// the last up, so that no rewrite moves a block still to come.
    @Test(.enabled(if: DocumentationTests.recording))
    func recordWhatEveryBlockShows() throws {
        for document in Self.documents {
            let blocks = Self.blocks(of: document).filter { Self.transcripts.contains($0) || Self.quotedFiles.contains($0) }
            for block in blocks.reversed() {
                let shown: [String]
                if block.info.first == "console" {
                    let r = try Self.run(block)
                    if Self.matches(r.expected[...], r.actual[...]) && r.status == r.actualStatus { continue }
                    let body = try #require(Self.recorded(r.expected, r.actual), "\(block.testDescription): a `…` inside a block is edited by hand")
                    shown = [block.body[0]] + body + (r.actualStatus == 0 ? [] : ["(exit \(r.actualStatus))"])
                } else {
                    let actual = Self.lines(try String(contentsOf: Fixtures.root.appendingPathComponent(block.info[1]), encoding: .utf8))
                    if Self.matches(block.body[...], actual[...]) { continue }
                    shown = try #require(Self.recorded(block.body, actual), "\(block.testDescription): a `…` inside a block is edited by hand")
                }
                try Self.rewrite(block, with: shown)
                Issue.record("\(block.testDescription) re-recorded; run the tests again")
            }
        }
    }

    @Test func everyDocumentChecksWhatItShows() {
        // An output shown as plain text would not be checked: a block that starts with a prompt is a transcript.
        for block in Self.documents.flatMap(Self.blocks(of:)) where block.info.first != "console" {
            #expect(block.body.first?.hasPrefix("$ ") != true, "\(block.testDescription): a shown command with its output is a ```console block")
        }
        #expect(Self.transcripts.count >= 5)
        #expect(!Self.quotedFiles.isEmpty)
    }

    /// The options a command's help declares (`advise rules check --help`), remembered.
    final class Help: @unchecked Sendable {
        private var known: [[String]: Set<String>] = [:]
        private let lock = NSLock()

        func flags(_ program: String, _ path: [String]) throws -> Set<String> {
            let key = [program] + path
            if let flags = lock.withLock({ known[key] }) { return flags }
            let executable = CommandLineTests.binary.deletingLastPathComponent().appendingPathComponent(program)
            let r = try CommandLineTests.run(path + ["--help"], executable: executable)
            let declared = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  -") }
                .flatMap { $0.prefix(28).matches(of: /--?[a-zA-Z][a-zA-Z-]*/).map { String($0.output) } }
            lock.withLock { known[key] = Set(declared) }
            return Set(declared)
        }

        /// The subcommands `advise PATH --help` lists.
        func subcommands(_ path: [String]) throws -> Set<String> {
            let r = try CommandLineTests.run(path + ["--help"])
            guard let range = r.stdout.range(of: "SUBCOMMANDS:\n") else { return [] }
            return Set(r.stdout[range.upperBound...].split(separator: "\n").compactMap { line in
                line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
            })
        }
    }

    /// Every `advise …` line of a shell or console block and every `` `advise …` `` span of the prose.
    static func commandLines(_ document: String) -> [String] {
        let blocks = blocks(of: document).filter { ["sh", "console"].contains($0.info.first ?? "") }
        let shell = blocks.flatMap { block in
            block.body.filter { block.info.first == "sh" || $0.hasPrefix("$ ") }.map { $0.hasPrefix("$ ") ? String($0.dropFirst(2)) : $0 }
        }
        let prose = text(document).matches(of: /`((?:swift run [^`]*)?advise(?:-server)? [^`]*)`/).map { String($0.output.1) }
        return (shell + prose).flatMap { $0.components(separatedBy: " | ") }.flatMap { $0.components(separatedBy: " && ") }
    }

    @Test(arguments: documents)
    func everyFlagAnExamplePassesIsOneItsCommandHas(_ document: String) throws {
        let help = Help()
        var groups: [String: Set<String>] = [:]
        for line in Self.commandLines(document) {
            guard let (_, program, arguments) = Self.command(line) else { continue }
            if program == "advise-server" && !FileManager.default.isExecutableFile(atPath: CommandLineTests.binary.deletingLastPathComponent().appendingPathComponent(program).path) {
                continue  // built only with the Server trait
            }
            var path: [String] = []
            if program == "advise" {
                while let next = arguments.dropFirst(path.count).first {
                    let choices = try groups[path.joined(separator: " ")] ?? help.subcommands(path)
                    groups[path.joined(separator: " ")] = choices
                    guard choices.contains(next) else { break }
                    path.append(next)
                }
                if path.isEmpty || path == ["help"] { path = ["recommend"] }
            }
            let declared = try help.flags(program, path)
            // A command built without its trait (`advise log`, `users` without Log; `advise-server` without Server) is a stub
            // that says how to build it, with no help to check (every real command declares at least --help).
            if declared.isEmpty { continue }
            for word in arguments where word.hasPrefix("-") && word.dropFirst().first?.isLetter == true || word.hasPrefix("--") {
                let flag = String(word.split(separator: "=").first ?? "")
                #expect(declared.contains(flag), "\(document): `\(line)` passes \(flag), which `\(([program] + path).joined(separator: " ")) --help` does not have")
            }
        }
    }

    /// The manual's flag table lists exactly the flags `advise recommend --help` declares.
    @Test func theFlagTableIsTheHelps() throws {
        let rows = Self.text("docs/cli-and-json.md").components(separatedBy: "\n").filter { $0.hasPrefix("| `-") }
        let listed = Set(rows.flatMap { row in
            row.replacingOccurrences(of: "\\|", with: "/").split(separator: "|").first.map { String($0).matches(of: /--?[a-zA-Z][a-zA-Z-]*/).map { String($0.output) } } ?? []
        })
        let declared = try Help().flags("advise", ["recommend"]).subtracting(["-h", "--help", "--version"])
        #expect(listed == declared, "the table lists \(listed.subtracting(declared).sorted()) that the help does not, and not \(declared.subtracting(listed).sorted())")
    }

    /// The manual's table of every answer's figures is written from their one definition (``AnswerField``).
    @Test func theAnswerFieldsTableIsTheRegistry() throws {
        let document = "docs/cli-and-json.md", url = Fixtures.root.appendingPathComponent(document)
        var lines = Self.text(document).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("<!-- answer fields:") }), end = try #require(lines.firstIndex { $0 == "<!-- end of answer fields -->" })
        let table = ["", "| field | meaning |", "|---|---|"] + AnswerField.all.map { "| `\($0.key)` | \($0.meaning) |" } + [""]
        #expect(Set(AnswerField.all.map(\.key)).count == AnswerField.all.count, "a key named twice")
        if Self.recording {
            if Array(lines[(start + 1)..<end]) != table {
                lines.replaceSubrange((start + 1)..<end, with: table)
                try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
                Issue.record("\(document): the answer fields re-written; run the tests again")
            }
            return
        }
        #expect(Array(lines[(start + 1)..<end]) == table, "\(document): the answer fields' table differs from AnswerField.all (ADVISE_RECORD=1 rewrites it)")
    }

    @Test func readmesExitCodesAreTheHelps() throws {
        let readme = Self.text("README.md")
        let table = Set(readme.matches(of: #/\n\| `(\d+)` \|/#).map { String($0.output.1) })
        let r = try CommandLineTests.run(["--help"])
        let said = try #require(r.stdout.firstRange(of: "Exit codes:").map { r.stdout[$0.lowerBound...].split(whereSeparator: \.isWhitespace).joined(separator: " ") })
        let help = Set(said.matches(of: #/(?:: |; )(\d+) /#).map { String($0.output.1) })
        #expect(!table.isEmpty)
        #expect(table == help, "README lists \(table.sorted()), `advise --help` \(help.sorted())")
    }
}
