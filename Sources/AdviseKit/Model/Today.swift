import Foundation

/// Today's date, `YYYY-MM-DD` (UTC): the rule set's date checks, the report's date and year 0 of every
/// projection. `$ADVISE_TODAY` fixes it, for repeatable runs and tests.
public enum Today {
    /// Today, or `$ADVISE_TODAY` when it is a date.
    public static var iso: String {
        if let fixed = ProcessInfo.processInfo.environment["ADVISE_TODAY"], fixed.count == 10,
           fixed.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : $0.element.isNumber }) {
            return fixed
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    /// The calendar year of a `YYYY-MM-DD` date.
    public static func year(of date: String) -> Int? { Int(date.prefix(4)) }
}
