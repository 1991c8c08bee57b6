/// A small SVG line chart for the ward report: one line per scenario by year, and the target as a dashed
/// line. Self-contained (no script, no font files), sized to sit three abreast on an A4 page.
struct WardChart {
    var title: String
    var years: [Int]
    /// Scenario name and values, drawn in order (grey, blue, green).
    var series: [(name: String, values: [Double])]
    var target: (label: String, value: Double)?
    /// How a value is labelled on the axis.
    var label: (Double) -> String

    static let colours = ["#9e9e9e", "#1565c0", "#2e7d32"]

    func svg() -> String {
        let width = 220.0, height = 150.0, left = 34.0, right = 8.0, top = 8.0, bottom = 20.0
        let all = series.flatMap(\.values) + [target?.value].compactMap { $0 }
        var low = min(0, all.min() ?? 0), high = max(all.max() ?? 1, low + 1e-9)
        if low == high { high = low + 1 }
        high += (high - low) * 0.08
        if low < 0 { low -= (high - low) * 0.05 }
        let x = { (i: Int) in left + (width - left - right) * (years.count > 1 ? Double(i) / Double(years.count - 1) : 0.5) }
        let y = { (v: Double) in top + (height - top - bottom) * (1 - (v - low) / (high - low)) }
        var out = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(Markup.escaped(title))\">"
        out += "<line x1=\"\(left)\" y1=\"\(y(low))\" x2=\"\(width - right)\" y2=\"\(y(low))\" stroke=\"#555\" stroke-width=\"0.6\"/>"
        for v in [low, (low + high) / 2, high] {
            out += "<text x=\"\(left - 3)\" y=\"\(y(v) + 3)\" font-size=\"8\" text-anchor=\"end\" fill=\"#444\">\(Markup.escaped(label(v)))</text>"
        }
        for (i, year) in years.enumerated() where years.count <= 8 || i % 2 == 0 {
            out += "<text x=\"\(x(i))\" y=\"\(height - 6)\" font-size=\"8\" text-anchor=\"middle\" fill=\"#444\">\(year)</text>"
        }
        if let target {
            out += "<line x1=\"\(left)\" y1=\"\(y(target.value))\" x2=\"\(width - right)\" y2=\"\(y(target.value))\" stroke=\"#c62828\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            out += "<text x=\"\(width - right)\" y=\"\(y(target.value) - 3)\" font-size=\"8\" text-anchor=\"end\" fill=\"#c62828\">\(Markup.escaped(target.label))</text>"
        }
        for (k, s) in series.enumerated() {
            let points = s.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(Self.colours[k % 3])\" stroke-width=\"\(k == series.count - 1 ? 2 : 1.4)\"/>"
        }
        return out + "</svg>"
    }
}
