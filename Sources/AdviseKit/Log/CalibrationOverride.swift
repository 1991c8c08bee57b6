import Foundation

/// An override file (`kind: override`) proposing revised figures from a ``Calibration``: every yield, price
/// and investment item of a model with enough reports, multiplied by the median ratio held within the cap
/// (``CalibrationLimits/proposalCap``), with the log as its source. For the agronomists to review and apply
/// with `--override`; nothing applies it on its own, and a larger change needs a named agronomist's
/// `confirmed_by` in the file before `advise rules check` accepts it.
///
/// The figures are written in the engine's own terms (per m² for a model scaled by area, per unit for one
/// scaled by units; VND), so that each is exactly the current figure times the ratio, whatever unit its
/// rule file uses.
public struct CalibrationOverride: Sendable {
    public var calibration: Calibration
    public var ruleSet: RuleSet
    /// Reports a figure needs before a revision is proposed.
    public var minimumCount: Int
    /// The day it is written, `YYYY-MM-DD`.
    public var date: String

    public init(calibration: Calibration, ruleSet: RuleSet, minimumCount: Int = 3, date: String) {
        self.calibration = calibration
        self.ruleSet = ruleSet
        self.minimumCount = minimumCount
        self.date = date
    }

    /// The figure paths proposed, with the YAML of each.
    public var entries: [(path: String, figure: String)] {
        let source = sourceID
        var result: [(String, String)] = []
        for row in calibration.rows where row.count >= minimumCount && row.median.isFinite && row.median > 0 {
            guard let model = ruleSet.models.first(where: { $0.id == row.model }) else { continue }
            let r = calibration.limits.capped(row.median), per = model.scale.isUnits ? "unit" : "m2"
            let capped = r == row.median ? "" : "; capped at ×\(Self.number(r)): a larger change needs an agronomist's confirmed_by"
            let note = "\"median of reported ÷ predicted \(Self.number(row.median)) over \(row.count) reports (middle half \(Self.number(row.lower))–\(Self.number(row.upper)))\(capped)\""
            switch row.figure {
            case let .yield(id):
                guard let output = model.outputs.first(where: { $0.id == id }) else { continue }
                result.append(("\(model.id).outputs.\(id).yield",
                               "{value: \(Self.number(output.yieldPerScale.value * r)), unit: \(output.productUnit)/\(per)/year, source: \(source), note: \(note)}"))
            case let .price(id):
                guard let output = model.outputs.first(where: { $0.id == id }) else { continue }
                let p = output.price
                result.append(("\(model.id).outputs.\(id).price",
                               "{low: \(Self.number(p.low * r)), base: \(Self.number(p.base * r)), high: \(Self.number(p.high * r)), unit: VND/\(output.productUnit), source: \(source), note: \(note)}"))
            case .investment:
                for item in model.investment {
                    let (value, unit) = item.perScale != 0 ? (item.perScale, "VND/\(per)") : (item.fixed, "VND")
                    result.append(("\(model.id).investment.\(item.id).cost",
                                   "{value: \(Self.number(value * r)), unit: \(unit), source: \(source), note: \(note)}"))
                }
            case .netIncome:
                continue  // no single figure: the yields, prices and costs behind it are revised one by one
            }
        }
        return result
    }

    /// The id of the source the proposal cites: the log, on its date.
    public var sourceID: String { "LOG-\(date)" }

    /// The override file.
    public func render() -> String {
        let reports = calibration.rows.map(\.count).reduce(0, +)
        var lines = [
            "# Figures proposed by `advise log calibration` on \(date): each is the current figure times the median of",
            "# reported ÷ predicted. Review them before use: `advise rules check --override FILE`, then `--override FILE`.",
            "kind: override",
            "id: calibration-\(date)",
            "description: \"Calibration from the advice log: \(reports) ratios, figures with at least \(minimumCount) reports\"",
            "effective: \(date)",
            "sources:",
            "  - {id: \(sourceID), title: \"advise log: follow-ups and season reports of the households advised, as of \(date)\", year: \(date.prefix(4))}",
        ]
        let entries = self.entries
        if entries.isEmpty {
            lines.append("set: {}  # no figure has enough reports yet")
        } else {
            lines.append("set:")
            lines += entries.map { "  \($0.path): \($0.figure)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A figure as YAML reads it back, to six significant digits, without an exponent: `940`, `1.25`, `0.000123`.
    static func number(_ v: Double) -> String {
        guard v != 0, v.isFinite else { return "0" }
        let places = min(12, max(0, 5 - Int(log10(abs(v)).rounded(.down))))
        var text = String(format: "%.\(places)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
