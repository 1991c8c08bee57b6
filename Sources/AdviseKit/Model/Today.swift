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
        // The calendar date in UTC, without a formatter (a server asks at every request).
        var now = time(nil), parts = tm()
        gmtime_r(&now, &parts)
        let month = Int(parts.tm_mon) + 1, day = Int(parts.tm_mday)
        return "\(Int(parts.tm_year) + 1900)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Now, `YYYY-MM-DDTHH:MM:SSZ` (UTC): when a log entry is recorded. Under `$ADVISE_TODAY`, that day at noon.
    public static var timestamp: String {
        var now = time(nil), parts = tm()
        gmtime_r(&now, &parts)
        let fixed = ProcessInfo.processInfo.environment["ADVISE_TODAY"] != nil
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = fixed ? "12:00:00" : "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return "\(iso)T\(clock)Z"
    }

    /// The calendar year of a `YYYY-MM-DD` date.
    public static func year(of date: String) -> Int? { Int(date.prefix(4)) }
}
