import Foundation

/// Suggests the nearest known word for a misspelt key or name, and folds the ways people vary a spelling.
enum Spelling {
    /// A spelling as people vary it, folded: trimmed, lower case, without diacritics (`đ` as `d`), spaces,
    /// underscores and runs of them as one dash — so `Thường xuyên`, `thuong xuyen` and `thuong_xuyen` match.
    static func folded(_ s: String) -> String {
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.utf8.allSatisfy({ $0 < 128 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(trimmed.utf8.count)
            for b in trimmed.utf8 {
                let c = b >= 65 && b <= 90 ? b + 32 : (b == 95 || b == 32 || b == 9 ? 45 : b)
                if c == 45, bytes.last == 45 { continue }
                bytes.append(c)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let plain = trimmed.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        for c in plain {
            let d: Character = c == "đ" || c == "Đ" ? "d" : (c == "_" || c.isWhitespace ? "-" : c)
            if d == "-", result.last == "-" { continue }
            result.append(d)
        }
        return result
    }

    /// The candidate within a small edit distance of `word`, if any.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let prefixed = word.count >= 3 && (candidate.hasPrefix(word) || word.hasPrefix(candidate))
            let d = prefixed ? min(limit, distance(word, candidate)) : distance(word, candidate)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
