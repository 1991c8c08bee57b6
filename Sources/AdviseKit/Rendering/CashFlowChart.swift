/// A cash-flow chart as inline SVG: a bar for each year's cash (red below zero, green above), the
/// cumulative cash as a line, the lowest cumulative point and the payback year marked.
public struct CashFlowChart: Sendable {
    public var chart: ReportContent.Chart
    public var width = 330.0
    public var height = 130.0

    public init(_ chart: ReportContent.Chart) { self.chart = chart }

    /// The SVG element.
    public func svg(_ language: Language) -> String {
        let flow = chart.flow, cumulative = chart.cumulative
        guard !flow.isEmpty else { return "" }
        let left = 38.0, right = 8.0, top = 14.0, bottom = 22.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = flow + cumulative + [0]
        let (lo, hi) = (values.min() ?? 0, values.max() ?? 0)
        let span = max(hi - lo, 1)
        func y(_ v: Double) -> Double { top + (hi - v) / span * plotH }
        let slot = plotW / Double(flow.count)
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func n(_ v: Double) -> String { String(format1(v)) }
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" role=\"img\">")
        // zero line and y labels (VND million)
        parts.append("<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#555\" stroke-width=\"0.8\"/>")
        for v in [hi, 0, lo] where v == 0 || abs(v) > span * 0.08 {
            parts.append("<text x=\"\(n(left - 4))\" y=\"\(n(y(v) + 3))\" font-size=\"8\" text-anchor=\"end\" fill=\"#333\">\(NumberFormat.decimal(v / 1e6, places: 0, language))</text>")
        }
        for (i, v) in flow.enumerated() {
            let top = min(y(v), y(0)), h = max(abs(y(v) - y(0)), 0.5)
            parts.append("<rect x=\"\(n(x(i) - slot * 0.32))\" y=\"\(n(top))\" width=\"\(n(slot * 0.64))\" height=\"\(n(h))\" fill=\"\(v < 0 ? "#d9534f" : "#4caf50")\"/>")
            parts.append("<text x=\"\(n(x(i)))\" y=\"\(n(height - 8))\" font-size=\"8\" text-anchor=\"middle\" fill=\"#333\">\(i)</text>")
        }
        let points = cumulative.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
        parts.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1f3b73\" stroke-width=\"1.6\"/>")
        let low = min(max(chart.lowPointYear, 0), cumulative.count - 1)
        parts.append("<circle cx=\"\(n(x(low)))\" cy=\"\(n(y(cumulative[low])))\" r=\"3\" fill=\"#1f3b73\"/>")
        // The label sits below the point (above it near the bottom), on the side away from the chart's edge,
        // with a white halo so that the line and the bars never hide it.
        let lowY = y(cumulative[low])
        let labelY = lowY + 12 < top + plotH ? lowY + 12 : lowY - 7
        let onRight = low < flow.count / 2
        parts.append("<text x=\"\(n(x(low) + (onRight ? 5 : -5)))\" y=\"\(n(labelY))\" font-size=\"8\" text-anchor=\"\(onRight ? "start" : "end")\" fill=\"#1f3b73\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">\(chart.lowLabel) \(NumberFormat.decimal(cumulative[low] / 1e6, places: 0, language))</text>")
        if let payback = chart.paybackYear, payback > 0, payback < flow.count {
            parts.append("<line x1=\"\(n(x(payback)))\" y1=\"\(n(top))\" x2=\"\(n(x(payback)))\" y2=\"\(n(height - bottom))\" stroke=\"#e69500\" stroke-dasharray=\"3,2\" stroke-width=\"1\"/>")
            parts.append("<text x=\"\(n(x(payback) + 3))\" y=\"\(n(top + 8))\" font-size=\"8\" fill=\"#b36b00\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">\(chart.paybackLabel)</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One decimal, `.` as the mark (SVG coordinates).
    private func format1(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
