/// Decodes a combinations file (`kind: combinations`).
struct CombinationsDecoder {
    let context: DecodeContext
    let figures: FigureDecoder

    /// - Parameters:
    ///   - declared: every model id a file declares, even one that failed to load (so that one mistake is
    ///     not reported twice).
    func decode(_ map: MappingReader, models: [FarmModel], declared ids: [String]) -> Combinations {
        var result = Combinations()
        func modelPair(_ node: ConfigNode?) -> [String]? {
            guard let node, let items = context.sequence(node) else { return nil }
            let pair = items.compactMap { context.identifier($0) }
            guard pair.count == 2, pair[0] != pair[1] else {
                context.error("type.mismatch", .combinationPair, node.path, at: node.location)
                return nil
            }
            for (id, item) in zip(pair, items) where !ids.contains(id) {
                context.error("ref.model", .combinationUnknownModel, node.path, id, suggesting: Spelling.closest(to: id, among: ids), at: item.location)
            }
            return pair
        }
        for node in map.optional("intercrops").flatMap({ context.sequence($0) }) ?? [] {
            guard let m = context.mapping(node) else { continue }
            defer { m.finish() }
            let id = m.required("id").flatMap { context.identifier($0) }
            let pair = modelPair(m.required("models"))
            let message = m.required("message").flatMap { context.text($0) }
            var shares: [String: Double] = [:]
            var provenance: Provenance?
            if let shareNode = m.required("share"), let s = context.mapping(shareNode) {
                for (key, value) in s.entries {
                    guard let model = key.scalar, let f = figures.figure(value, expected: [.none]) else { continue }
                    guard f.value > 0, f.value <= 1 else {
                        context.error("figure.range", .combinationShare, at: value.location)
                        continue
                    }
                    if pair?.contains(model) == false { context.error("ref.model", .combinationShareModel, model, at: key.location) }
                    shares[model] = f.value
                    provenance = provenance ?? f.figure.provenance
                }
            }
            for model in pair ?? [] where shares[model] == nil {
                context.error("field.missing", .combinationNoShare, model, at: node.location)
            }
            for model in pair ?? [] {
                if let spec = models.first(where: { $0.id == model })?.scale, spec.isUnits {
                    context.error("combination.scale", .combinationUnits, model, at: node.location)
                }
            }
            guard let id, let pair, let message, let provenance else { continue }
            result.intercrops.append(Intercrop(id: id, models: pair, shares: shares, message: message, provenance: provenance))
        }
        for node in map.optional("separate").flatMap({ context.sequence($0) }) ?? [] {
            guard let m = context.mapping(node) else { continue }
            defer { m.finish() }
            let id = m.required("id").flatMap { context.identifier($0) }
            let pair = modelPair(m.required("models"))
            let message = m.required("message").flatMap { context.text($0) }
            if let sourceNode = m.optional("source") { _ = context.sources(sourceNode) }
            guard let id, let pair, let message else { continue }
            result.separate.append(SeparatePlots(id: id, models: pair, message: message, location: node.location))
        }
        return result
    }
}
