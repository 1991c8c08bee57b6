import AdviseKit
import ArgumentParser

/// `advise rules coverage`: the household grid swept for gaps, silent rules and never-best models.
struct RulesCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Sweep the household grid declared in the settings: gaps with no explanation, rules that never fire, models never best.",
        discussion: "Exit 0 when every household either gets an option or every model says why not; 1 when a gap is unexplained."
    )

    @OptionGroup var ruleSetOptions: RuleSetOptions

    @Option(help: "Output format.")
    var format: FindingsFormat = .text

    @Flag(help: "Also find every profile's recommendation (the best whole-farm plan), as `advise` gives it: how often each model is recommended, and how often the answer is to keep the current use. Slower.")
    var plans = false

    func run() throws {
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let report = CoverageReport(ruleSet: ruleSet, plans: plans)
        switch format {
        case .text:
            let s = ruleSet.settings
            let sizes = ["flood", "salinity", "current_use", "loan_category"].map { "\(s.scales[$0]?.levels.count ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }
            print("Coverage of \(s.ruleset.id) \(s.ruleset.version): \(s.coverage.landM2.count) land × \(s.coverage.capitalVND.count) capital × \(sizes.joined(separator: " × ")) = \(report.profiles) households")
            print("Answered (a model recommended or conditional): \(report.answered) (\(percent(report.answered, report.profiles)))")
            print("Without an option: \(report.gaps.count), of which unexplained: \(report.unexplainedGaps.count)")
            for gap in report.unexplainedGaps.prefix(20) {
                let h = gap.household
                print("  - land \(Int(h.landM2)) m², capital \(Int(h.capitalVND ?? 0)) VND, flood \(h.flood), salinity \(h.salinity), \(h.currentUse), \(h.loanCategory): no reason from \(gap.unexplainedModels.joined(separator: ", "))")
            }
            print("Rules that never fire: \(report.silentRules.isEmpty ? "none" : "")")
            for r in report.silentRules { print("  \(r.location): \(r.model) rule '\(r.rule)'") }
            print("Best option: " + report.bestCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("Never the best: \(report.neverBest.isEmpty ? "none" : report.neverBest.joined(separator: ", "))")
            if report.withPlans {
                print("Recommended (part of the recommended plan): " + report.recommendedCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                    .map { "\($0.key) \($0.value) (\(percent($0.value, report.profiles)))" }.joined(separator: ", "))
                print("Keep the current use: \(report.keepCount) (\(percent(report.keepCount, report.profiles))); nothing fits: \(report.noneCount) (\(percent(report.noneCount, report.profiles)))")
            }
            print("Tipping figures (profiles where a price inside its range would undo the model's gain):")
            for (model, figures) in report.tipping.sorted(by: { $0.key < $1.key }) {
                print("  \(model): " + ranked(figures, of: report.profiles))
            }
            if report.withPlans {
                print("Recommended plans that hang on a price: \(report.plansTipping) (\(percent(report.plansTipping, report.profiles)))"
                    + (report.planTipping.isEmpty ? "" : ": " + ranked(report.planTipping, of: report.profiles)))
            }
            print("Held back by (profiles where each reason stopped the model):")
            for (model, reasons) in report.heldBack.sorted(by: { $0.key < $1.key }) {
                print("  \(model): " + reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        case .json:
            let document = JSONValue.object([
                ("profiles", .int(Int64(report.profiles))),
                ("answered", .int(Int64(report.answered))),
                ("gaps", .int(Int64(report.gaps.count))),
                ("unexplained_gaps", .array(report.unexplainedGaps.map { g in
                    .object([("household", JSONRenderer(language: .en, settings: ruleSet.settings).household(g.household)), ("models", .array(g.unexplainedModels.map { .string($0) }))])
                })),
                ("silent_rules", .array(report.silentRules.map { .object([("model", .string($0.model)), ("rule", .string($0.rule)), ("location", .string($0.location.description))]) })),
                ("best_counts", .object(report.bestCounts.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
                ("never_best", .array(report.neverBest.map { .string($0) })),
                ("recommended_counts", report.withPlans ? .object(report.recommendedCounts.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }) : .null),
                ("keep_current_use", report.withPlans ? .int(Int64(report.keepCount)) : .null),
                ("nothing_fits", report.withPlans ? .int(Int64(report.noneCount)) : .null),
                ("tipping_points", .object(report.tipping.sorted { $0.key < $1.key }.map { model, figures in
                    (model, .object(figures.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }))
                })),
                ("plan_tipping_points", report.withPlans ? .object(report.planTipping.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }) : .null),
                ("plans_tipping", report.withPlans ? .int(Int64(report.plansTipping)) : .null),
                ("held_back", .object(report.heldBack.sorted { $0.key < $1.key }.map { model, reasons in
                    (model, .object(reasons.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }))
                })),
            ])
            print(document.serialized())
        }
        if !report.unexplainedGaps.isEmpty { throw ExitCode.failure }
    }

    /// The most frequent figures first, at most five, with their share of the profiles.
    private func ranked(_ counts: [String: Int], of total: Int) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key) \($0.value) (\(percent($0.value, total)))" }.joined(separator: ", ")
    }

    private func percent(_ a: Int, _ b: Int) -> String {
        b == 0 ? "0 %" : "\(Int((Double(a) / Double(b) * 100).rounded())) %"
    }
}
