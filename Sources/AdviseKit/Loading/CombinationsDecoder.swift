/// Decodes a combinations file (`kind: combinations`).
struct CombinationsDecoder {
    let context: DecodeContext
    let figures: FigureDecoder

    /// - Parameters:
    ///   - declared: every model id a file declares, even one that failed to load (so that one mistake is
    ///     not reported twice).
    func decode(_ map: MappingReader, models: [FarmModel], declared ids: [String]) -> Combinations {
        var result = Combinations()
        func modelPair(_ node: ConfigNode?, _ what: String) -> [String]? {
            guard let node, let items = context.sequence(node, "the models of \(what)") else { return nil }
            let pair = items.compactMap { context.identifier($0, "a model id") }
            guard pair.count == 2, pair[0] != pair[1] else {
                context.error("type.mismatch", "\(what) names exactly two different models", at: node.location)
                return nil
            }
            for (id, item) in zip(pair, items) where !ids.contains(id) {
                var message = "\(what) names model '\(id)', which the rule set does not have"
                if let s = Spelling.closest(to: id, among: ids) { message += "; did you mean '\(s)'?" }
                context.error("ref.model", message, at: item.location)
            }
            return pair
        }
        for node in map.optional("intercrops").flatMap({ context.sequence($0, "intercrops") }) ?? [] {
            guard let m = context.mapping(node, "an intercrop") else { continue }
            defer { m.finish() }
            let id = m.required("id").flatMap { context.identifier($0, "an intercrop id") }
            let pair = modelPair(m.required("models"), "an intercrop")
            let message = m.required("message").flatMap { context.text($0, "the intercrop's message") }
            var shares: [String: Double] = [:]
            var provenance: Provenance?
            if let shareNode = m.required("share"), let s = context.mapping(shareNode, "share") {
                for (key, value) in s.entries {
                    guard let model = key.scalar, let f = figures.figure(value, "the share of \(model)", expected: [.none]) else { continue }
                    guard f.value > 0, f.value <= 1 else {
                        context.error("figure.range", "a share is more than 0 % and at most 100 %", at: value.location)
                        continue
                    }
                    if pair?.contains(model) == false { context.error("ref.model", "share names '\(model)', which is not one of the intercrop's models", at: key.location) }
                    shares[model] = f.value
                    provenance = provenance ?? f.figure.provenance
                }
            }
            for model in pair ?? [] where shares[model] == nil {
                context.error("field.missing", "the intercrop needs a share for '\(model)'", at: node.location)
            }
            for model in pair ?? [] {
                if let spec = models.first(where: { $0.id == model })?.scale, spec.isUnits {
                    context.error("combination.scale", "'\(model)' scales by unit; only models that scale by area can share land", at: node.location)
                }
            }
            guard let id, let pair, let message, let provenance else { continue }
            result.intercrops.append(Intercrop(id: id, models: pair, shares: shares, message: message, provenance: provenance))
        }
        for node in map.optional("separate").flatMap({ context.sequence($0, "separate") }) ?? [] {
            guard let m = context.mapping(node, "a separate-plots rule") else { continue }
            defer { m.finish() }
            let id = m.required("id").flatMap { context.identifier($0, "an id") }
            let pair = modelPair(m.required("models"), "a separate-plots rule")
            let message = m.required("message").flatMap { context.text($0, "the message") }
            if let sourceNode = m.optional("source") { _ = context.sources(sourceNode) }
            guard let id, let pair, let message else { continue }
            result.separate.append(SeparatePlots(id: id, models: pair, message: message, location: node.location))
        }
        return result
    }
}
