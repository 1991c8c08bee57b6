// advise-bench: in-process timings of the engine, for Benchmarks/run.sh.
//   advise-bench [RULES_DIR]
// Prints one line per measurement: name, iterations, and time per iteration.
import AdviseKit
import AdviseLog
import Dispatch
import Foundation

let rules = CommandLine.arguments.dropFirst().first ?? "Rules"
/// Only the measurements whose name contains this (`advise-bench Rules odds`).
let only = CommandLine.arguments.dropFirst(2).first

func measure(_ name: String, iterations: Int, per items: Int = 1, _ body: () -> Void) {
    if let only, !name.contains(only) { return }
    body()  // warm up
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { body() }
    let ns = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations * items)
    let text = ns >= 1_000_000 ? "\(Double(Int(ns / 10_000)) / 100) ms" : "\(Double(Int(ns / 10)) / 100) µs"
    print("\(name)\t\(iterations)\t\(text)")
}

do {
    let ruleSet = try RuleSetLoader.load(directory: rules, today: "2026-11-29")
    let parser = HouseholdParser(settings: ruleSet.settings)
    let households = try [
        ["land": "7000"], ["land": "7000", "capital": "150tr", "flood": "occasional"],
        ["land": "800", "capital": "20tr", "loan-category": "poor"], ["land": "1.1ha", "capital": "50tr", "current-use": "coconut"],
        ["land": "300", "capital": "15tr", "salinity": "medium", "loan-category": "near-poor"],
    ].map { values in
        try parser.parse(HouseholdInput(entries: Dictionary(uniqueKeysWithValues: values.compactMap { k, v in HouseholdFact.input(named: k).map { ($0, HouseholdInput.Entry(v)) } })))
    }
    let evaluator = Evaluator(ruleSet: ruleSet)
    var sink = 0.0
    measure("load and check the rule set", iterations: 20) { _ = try? RuleSetLoader.load(directory: rules, today: "2026-11-29") }
    measure("load the rule set without the whole-set checks", iterations: 20) { _ = try? RuleSetLoader.load(directory: rules) }
    measure("the worked examples", iterations: 20) { sink += Double(RuleSetValidator(ruleSet: ruleSet, today: "2026-11-29").exampleFindings().count) }
    measure("a new evaluator's first advice with the odds (the draws made)", iterations: 20) {
        sink += Evaluator(ruleSet: ruleSet).advise(households[0], plans: true, odds: RiskSimulation.Options(draws: 1000, seed: 1)).plan?.npv ?? 0
    }
    if let markets = MarketModel(markets: ruleSet.settings.markets, correlations: ruleSet.settings.marketCorrelations, startYear: 2026) {
        let hazards = DrawBank.hazards(of: ruleSet.models)
        measure("the odds' draws (1,000; \(markets.ids.count) markets, \(hazards.count) hazards, 30 years)", iterations: 20) {
            sink += Double(DrawBank(options: RiskSimulation.Options(draws: 1000, seed: 1), markets: markets, hazards: hazards, years: 30).years)
        }
    }
    measure("a kept evaluator's advice with the odds", iterations: 20) {
        sink += evaluator.advise(households[0], plans: true, odds: RiskSimulation.Options(draws: 1000, seed: 1)).plan?.npv ?? 0
    }
    measure("one household, full advice (every model, reasons, cash flows)", iterations: 1_000, per: households.count) {
        for h in households { sink += evaluator.advise(h).options[0].projection.npv }
    }
    let odds = RiskSimulation.Options(draws: 1000, seed: 1)
    measure("one household, full advice, plan and the odds (1,000 draws of every option and the plan)", iterations: 200, per: households.count) {
        for h in households { sink += evaluator.advise(h, plans: true, odds: odds).plan?.risk?.p10NPV ?? 0 }
    }
    measure("one household, full advice and plan without the odds (subtract from the line above)", iterations: 200, per: households.count) {
        for h in households { sink += evaluator.advise(h, plans: true).plan?.npv ?? 0 }
    }
    // The household of Benchmarks/server-load.sh, answered as the server answers it (parse, the full advice
    // with the odds, the JSON), on one core and on every core: what the server's throughput is compared with.
    let served = try HouseholdFile.parse(#"{"land": "7000", "capital": "150tr", "flood": "occasional", "members": 4}"#, path: "request")
    var request = AdviceRequest(input: served, today: "2026-11-29")
    request.format = .json
    // The server keeps one evaluator (the odds' draws) and an economics cache per request in flight.
    let kept = Evaluator(ruleSet: ruleSet, year: 2026)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let caches = (0..<cores).map { _ in EvaluationCache() }
    let answer: @Sendable (EvaluationCache) -> Int = { [request] cache in
        guard let household = try? parser.parse(served) else { return 0 }
        return request.render(request.advice(household, evaluator: kept, cache: cache), ruleSet: ruleSet).utf8.count
    }
    measure("one household as the server answers it (parse, advice with the odds, JSON), one core", iterations: 200) { sink += Double(answer(caches[0])) }
    measure("one household as the server answers it, on every core (\(cores)): time per answer", iterations: 50, per: cores * 20) {
        DispatchQueue.concurrentPerform(iterations: cores) { w in for _ in 0..<20 { _ = answer(caches[w]) } }
    }
    #if Log
    // What the server adds to an answer when it records it in the advice log: the record (the plan's
    // summary, every model's predictions) and its write, each its own transaction as the server makes it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advise-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try AdviceLog(path: folder.appendingPathComponent("log.sqlite").path)
    let logged = request.advice(try parser.parse(served), evaluator: kept, cache: caches[0])
    measure("recording an answer in the advice log: the record", iterations: 2_000) {
        sink += AdviceRecord(logged, evaluator: kept, source: "Rules", channel: "api", at: "2026-11-29T12:00:00Z").investmentVND ?? 0
    }
    let record = AdviceRecord(logged, evaluator: kept, source: "Rules", channel: "api", at: "2026-11-29T12:00:00Z")
    measure("recording an answer in the advice log: the write", iterations: 2_000) { sink += Double((try? log.record(record)) ?? 0) }
    #endif
    let cache = EvaluationCache()
    measure("one household, best option (the batch path, cached)", iterations: 20_000, per: households.count) {
        for h in households { sink += evaluator.bestOption(h, cache: cache)?.npv ?? 0 }
    }
    if sink == 42 { print("") }
} catch {
    print("advise-bench: \(error)")
}
