/// Decodes the regional settings file (`kind: settings`).
struct SettingsDecoder {
    let context: DecodeContext

    /// The `công` size is read first because every other figure's units may use it.
    func decode(_ map: MappingReader) -> RegionalSettings? {
        var areaUnits: [AreaUnit] = []
        let congFigure = map.required("area_units").flatMap { node -> Figure? in
            guard let units = context.mapping(node) else { return nil }
            let probe = FigureDecoder(context: context, congM2: 1000)
            // Every entry is a unit by its written name (`sào`, `mẫu`); `cong` is required.
            for (key, value) in units.entries {
                guard let name = key.scalar, let size = probe.figure(value, expected: [.base(.area)])?.figure else { continue }
                areaUnits.append(AreaUnit(name: name, size: size))
            }
            guard let cong = areaUnits.first(where: { $0.name == "cong" }) else {
                context.error("field.missing", .settingsNoCong, at: node.location)
                return nil
            }
            return cong.size
        }
        let figures = FigureDecoder(context: context, congM2: congFigure?.value ?? 1000)

        let ruleset = map.required("ruleset").flatMap(ruleSetInfo)
        let language = map.required("language").flatMap { context.choice($0, as: Language.self) }
        let horizon = map.required("horizon").flatMap { figures.figure($0, expected: [.base(.time)]) }
        let discount = map.required("discount_rate").flatMap { figures.figure($0, expected: [Dimension.none / .base(.time)]) }
        let workdays = map.required("workdays_per_worker").flatMap { figures.figure($0, expected: [.base(.labour) / .base(.person) / .base(.time)]) }
        let wage = map.required("hired_labour_wage").flatMap { figures.figure($0, expected: [.base(.money) / .base(.labour)]) }
        let family = map.required("family_labour_value").flatMap { figures.figure($0, expected: [Dimension.none]) }
        let lineDimension = Dimension.base(.money) / .base(.person) / .base(.time)
        let single = map.optional("poverty_line").flatMap { figures.figure($0, expected: [lineDimension]) }
        let schedule = map.optional("poverty_lines").map { povertyLines($0, figures, dimension: lineDimension) }
        if (single == nil) == (schedule == nil), !context.hasErrors {
            context.error("field.missing", .settingsPovertyLine, at: map.node.location)
        }
        let areaType = map.optional("area_type").flatMap { context.choice($0, as: AreaType.self) } ?? .urban
        let poverty: [PovertyLine]? = schedule ?? single.map { [PovertyLine(from: "0000-01-01", to: nil, urban: $0.figure, rural: $0.figure)] }
        let scales = map.required("scales").map(self.scales) ?? [:]
        let constants = map.optional("constants").map { self.constants($0, figures) } ?? [:]
        let names = NameTable(scales: scales.mapValues { $0.levels.map(\.id) }, constants: constants.mapValues(\.value))
        let loans = map.required("loan_programmes").map { loanProgrammes($0, figures, names) } ?? []
        let grants = map.optional("grants").map { self.grants($0, figures, names) } ?? []
        let defaults = map.required("household_defaults").map { self.householdDefaults($0) } ?? [:]
        let columnNames = map.optional("column_names").map { self.columnNames($0) } ?? [:]
        let markets = map.optional("markets").map { self.markets($0, figures) } ?? []
        let correlations = map.optional("market_correlations").map { self.correlations($0, figures, markets: markets) } ?? []
        let maxAge = map.required("price_max_age").flatMap { figures.figure($0, expected: [.base(.time)]) }
        let coverage = map.required("coverage").flatMap { self.coverage($0, figures) }
        let wardTargets = map.optional("ward_targets").flatMap { self.wardTargets($0, figures) }
        let repayment = map.optional("repayment").flatMap { self.repayment($0, figures) }
        let limits = map.optional("input_limits").flatMap { self.inputLimits($0, figures) }
        let marketLimits = map.optional("market_limits").map { self.marketLimits($0, figures) } ?? [:]
        let calibration = map.optional("calibration").flatMap { self.calibrationLimits($0, figures) }

        for required in HouseholdFact.allCases.compactMap(\.scale) where scales[required] == nil {
            context.error("settings.scale-missing", .settingsScaleMissing, required, at: map.node.location)
        }
        for (id, eligibility, location) in loans.map({ ($0.id, $0.eligibility, $0.provenance.location) }) + grants.map({ ($0.id, $0.eligibility, $0.provenance.location) }) {
            for category in eligibility.categories where scales["loan_category"]?.level(category) == nil {
                context.error("settings.unknown-level", .settingsUnknownCategory, id, category, at: location)
            }
        }
        guard let ruleset, let language, let horizon, let discount, let workdays, let wage, let family, let poverty, let congFigure,
              let maxAge, let coverage else { return nil }
        let years = Int(horizon.value.rounded())
        guard (1...50).contains(years) else {
            context.error("figure.range", .settingsHorizon, at: horizon.figure.provenance.location)
            return nil
        }
        var settings = RegionalSettings(
            ruleset: ruleset, language: language, horizonYears: years, discountRate: discount.figure, congM2: congFigure,
            defaults: defaults, workdaysPerWorker: workdays.figure, hiredLabourWage: wage.figure, familyLabourValue: family.figure, povertyLines: poverty, areaType: areaType,
            scales: scales, loanProgrammes: loans, grants: grants, markets: markets, marketCorrelations: correlations, constants: constants,
            priceMaxAgeYears: maxAge.value, coverage: coverage, location: map.node.location)
        settings.columnNames = columnNames
        settings.wardTargets = wardTargets
        settings.repayment = repayment
        settings.inputLimits = limits
        settings.marketLimits = marketLimits
        if let calibration { settings.calibration = calibration }
        settings.areaUnits = areaUnits.sorted { ($0.name == "cong" ? 0 : 1) < ($1.name == "cong" ? 0 : 1) }
        return settings
    }

    /// `column_names`: input name (`id` or a fact) → the other names a batch header may give it.
    private func columnNames(_ node: ConfigNode) -> [String: [String]] {
        guard let map = context.mapping(node) else { return [:] }
        var result: [String: [String]] = [:]
        var taken = Dictionary(uniqueKeysWithValues: BatchColumn.inputNames.map { ($0, $0) })
        for (key, value) in map.entries {
            guard let keyText = key.scalar, let name = BatchColumn.inputNames.first(where: { $0 == Spelling.folded(keyText) }) else {
                context.error("field.unknown", .settingsNoColumn, key.scalar ?? "", BatchColumn.inputNames.joined(separator: ", "), at: key.location)
                continue
            }
            for item in context.sequence(value) ?? [] {
                guard let text = context.string(item) else { continue }
                if let other = taken.updateValue(name, forKey: Spelling.folded(text)), other != name {
                    context.error("id.duplicate", .settingsColumnTaken, text, other, at: item.location)
                    continue
                }
                result[name, default: []].append(text)
            }
        }
        return result
    }

    private func coverage(_ node: ConfigNode, _ figures: FigureDecoder) -> CoverageGrid? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let land = map.required("land").flatMap { figures.values($0, expected: .base(.area), range: 1...1e8, rangeText: .figureMoreThanZero) }
        let capital = map.required("capital").flatMap { figures.values($0, expected: .base(.money)) }
        guard let land, let capital else { return nil }
        return CoverageGrid(landM2: land.values, capitalVND: capital.values)
    }

    /// `ward_targets`: the ward's poverty and near-poor rates (percent of households) and income per person
    /// by a year, for `advise ward`.
    private func wardTargets(_ node: ConfigNode, _ figures: FigureDecoder) -> WardTargets? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let year = map.required("year").flatMap { context.integer($0) }
        let poverty = map.required("poverty_rate").flatMap { figures.figure($0, expected: [Dimension.none]) }
        let nearPoor = map.optional("near_poor_rate").flatMap { figures.figure($0, expected: [Dimension.none]) }
        let income = map.required("income_per_person").flatMap {
            figures.figure($0, expected: [.base(.money) / .base(.person) / .base(.time)])
        }
        guard let year, let poverty, let income else { return nil }
        // Rates as percent of households (the figures are read as fractions).
        return WardTargets(year: year, povertyRate: poverty.value * 100, nearPoorRate: nearPoor.map { $0.value * 100 }, incomePerPerson: income.value)
    }

    /// `repayment`: the largest chance of a missed instalment a recommended loan may carry, and the share of
    /// the poverty line a household keeps for its living before it pays one (both fractions, from 0 to 1).
    private func repayment(_ node: ConfigNode, _ figures: FigureDecoder) -> Repayment? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let fraction = { (key: String) -> Figure? in
            guard let node = map.required(key), let read = figures.figure(node, expected: [Dimension.none]) else { return nil }
            guard (0...1).contains(read.value) else {
                context.error("figure.range", .settingsFraction, key, at: read.figure.provenance.location)
                return nil
            }
            return read.figure
        }
        let missed = fraction("max_missed_instalment_probability"), reserve = fraction("living_reserve")
        guard let missed, let reserve else { return nil }
        return Repayment(maxMissedInstalmentProbability: missed, livingReserve: reserve)
    }

    /// `input_limits`: the least money other than 0 (VND), the least and the most land (an area).
    private func inputLimits(_ node: ConfigNode, _ figures: FigureDecoder) -> InputLimits? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let money = map.required("money_minimum").flatMap { figures.figure($0, expected: [.base(.money)]) }
        let least = map.required("land_minimum").flatMap { figures.figure($0, expected: [.base(.area)]) }
        let most = map.required("land_maximum").flatMap { figures.figure($0, expected: [.base(.area)]) }
        guard let money, let least, let most else { return nil }
        return InputLimits(moneyMinimum: money.figure, landMinimum: least.figure, landMaximum: most.figure)
    }

    /// `market_limits`: by model id, the new scale the ward's market takes (units of a model sized in units, or m²).
    private func marketLimits(_ node: ConfigNode, _ figures: FigureDecoder) -> [String: Figure] {
        guard let map = context.mapping(node) else { return [:] }
        var limits: [String: Figure] = [:]
        for (key, value) in map.entries {
            guard let id = key.scalar, let read = figures.figure(value, expected: [.base(.unit), .base(.area)]) else { continue }
            limits[id] = read.figure
        }
        return limits
    }

    /// `calibration`: the plausible ratios reported ÷ predicted, and the cap on a proposal's change (fractions).
    private func calibrationLimits(_ node: ConfigNode, _ figures: FigureDecoder) -> CalibrationLimits? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let values = ["plausible_low", "plausible_high", "proposal_cap"].map { key in
            map.required(key).flatMap { figures.figure($0, expected: [Dimension.none]) }
        }
        guard let low = values[0], let high = values[1], let cap = values[2] else { return nil }
        guard low.value > 0, low.value < 1, high.value > 1, cap.value > 0, cap.value < 1 else {
            context.error("figure.range", .settingsCalibration, at: node.location)
            return nil
        }
        return CalibrationLimits(plausibleLow: low.value, plausibleHigh: high.value, proposalCap: cap.value)
    }

    private func ruleSetInfo(_ node: ConfigNode) -> RuleSetInfo? {
        guard let map = context.mapping(node) else { return nil }
        defer { map.finish() }
        let id = map.required("id").flatMap { context.identifier($0) }
        let version = map.required("version").flatMap { context.string($0) }
        let effective = map.required("effective").flatMap { context.date($0) }
        let name = map.required("name").flatMap { context.text($0) }
        guard let id, let version, let effective, let name else { return nil }
        return RuleSetInfo(id: id, version: version, effective: effective, name: name)
    }

    private func scales(_ node: ConfigNode) -> [String: ExposureScale] {
        guard let map = context.mapping(node) else { return [:] }
        var result: [String: ExposureScale] = [:]
        for (key, value) in map.entries {
            guard let id = context.identifier(key), let scale = context.mapping(value) else { continue }
            defer { scale.finish() }
            let name = scale.required("name").flatMap { context.text($0) }
            var levels: [ExposureScale.Level] = []
            for item in scale.required("levels").flatMap({ context.sequence($0) }) ?? [] {
                guard let level = context.mapping(item) else { continue }
                defer { level.finish() }
                let levelID = level.required("id").flatMap { context.identifier($0) }
                let levelName = level.required("name").flatMap { context.text($0) }
                let meaning = level.optional("meaning").flatMap { context.text($0) }
                let aliases = level.optional("aliases").flatMap { context.sequence($0) }?.compactMap { context.string($0) } ?? []
                let baselineNode = level.optional("baseline")
                if let node = baselineNode, id != "current_use" {
                    context.error("settings.baseline", .settingsBaselineScale, id, at: node.location)
                }
                let baseline = id == "current_use" ? baselineNode.flatMap { context.identifier($0) } : nil
                guard let levelID, let levelName else { continue }
                if levels.contains(where: { $0.id == levelID }) {
                    context.error("id.duplicate", .settingsLevelTwice, levelID, id, at: item.location)
                }
                levels.append(.init(id: levelID, name: levelName, meaning: meaning, aliases: aliases, baseline: baseline))
            }
            guard let name, !levels.isEmpty else { continue }
            result[id] = ExposureScale(id: id, name: name, levels: levels)
        }
        return result
    }

    /// A list of entries with an `id` and a `name` (loan programmes, grants, markets): each mapping decoded
    /// by `body` once its id and name are read; an id declared twice is an error.
    private func namedList<T>(_ node: ConfigNode, _ body: (MappingReader, _ id: String?, _ name: LocalizedText?) -> T?) -> [T] {
        var result: [T] = []
        var seen: Set<String> = []
        for item in context.sequence(node) ?? [] {
            guard let map = context.mapping(item) else { continue }
            defer { map.finish() }
            let id = map.required("id").flatMap { context.identifier($0) }
            let name = map.required("name").flatMap { context.text($0) }
            guard let entry = body(map, id, name), let id else { continue }
            if !seen.insert(id).inserted { context.error("id.duplicate", .idDeclaredTwice, id, node.path, at: item.location) }
            result.append(entry)
        }
        return result
    }

    private func loanProgrammes(_ node: ConfigNode, _ figures: FigureDecoder, _ names: NameTable) -> [LoanProgramme] {
        namedList(node) { map, id, name in
            let eligibility = self.eligibility(map, names)
            let ceiling = map.required("ceiling").flatMap { figures.figure($0, expected: [.base(.money)]) }
            let rate = map.required("rate").flatMap { figures.figure($0, expected: [Dimension.none / .base(.time)]) }
            let term = map.required("term").flatMap { figures.figure($0, expected: [.base(.time)]) }
            let grace = map.optional("grace_to_first_income").flatMap { figures.figure($0, expected: [.base(.time)]) }
            guard let id, let name, let ceiling, let rate, let term else { return nil }
            return LoanProgramme(id: id, name: name, eligibility: eligibility, ceiling: ceiling.figure, rate: rate.figure,
                                 termMonths: Int((term.value * 12).rounded()), graceMonths: grace.map { Int(($0.value * 12).rounded()) },
                                 provenance: ceiling.figure.provenance)
        }
    }

    private func grants(_ node: ConfigNode, _ figures: FigureDecoder, _ names: NameTable) -> [SupportGrant] {
        namedList(node) { map, id, name in
            let eligibility = self.eligibility(map, names)
            let amount = map.required("amount").flatMap { figures.figure($0, expected: [.base(.money)]) }
            guard let id, let name, let amount else { return nil }
            return SupportGrant(id: id, name: name, amount: amount.figure, eligibility: eligibility)
        }
    }

    /// `categories`, `when`, `models` and `area` of a loan programme or grant.
    private func eligibility(_ map: MappingReader, _ names: NameTable) -> Eligibility {
        let categories = map.optional("categories").flatMap { context.sequence($0) }?.compactMap { context.identifier($0) } ?? []
        let when = map.optional("when").flatMap { RuleDecoder.condition($0, context: context, names: names) }
        let models = map.optional("models").flatMap { context.sequence($0) }?.compactMap { context.identifier($0) }
        let area = map.optional("area").flatMap { context.choice($0, as: AreaType.self) }
        let purpose = map.optional("purpose").flatMap { context.choice($0, as: Role.self) }
        return Eligibility(categories: categories, when: when, models: models, area: area, purpose: purpose)
    }

    private func povertyLines(_ node: ConfigNode, _ figures: FigureDecoder, dimension: Dimension) -> [PovertyLine] {
        var result: [PovertyLine] = []
        for item in context.sequence(node) ?? [] {
            guard let map = context.mapping(item) else { continue }
            defer { map.finish() }
            let from = map.required("from").flatMap { context.date($0) }
            let to = map.optional("to").flatMap { context.date($0) }
            let urban = map.required("urban").flatMap { figures.figure($0, expected: [dimension]) }
            let rural = map.required("rural").flatMap { figures.figure($0, expected: [dimension]) }
            guard let from, let urban, let rural else { continue }
            if let to, to < from { context.error("figure.range", .settingsLineEnds, to, from, at: item.location) }
            if let last = result.last, last.from >= from {
                context.error("settings.order", .settingsLineOrder, from, last.from, at: item.location)
            }
            result.append(PovertyLine(from: from, to: to, urban: urban.figure, rural: rural.figure))
        }
        if result.isEmpty { context.error("field.missing", .settingsNoLines, at: node.location) }
        return result
    }

    private func markets(_ node: ConfigNode, _ figures: FigureDecoder) -> [Market] {
        namedList(node) { map, id, name in
            let volatility = map.required("volatility").flatMap { figures.figure($0, expected: [Dimension.none]) }
            let halfLife = map.required("half_life").flatMap { figures.figure($0, expected: [.base(.time)]) }
            if let v = volatility, !(0...3).contains(v.value) {
                context.error("figure.range", .settingsVolatility, at: v.figure.provenance.location)
            }
            if let h = halfLife, !(0...50).contains(h.value) {
                context.error("figure.range", .settingsHalfLife, at: h.figure.provenance.location)
            }
            // A market's reference price: its long-run mean and, dated, where it stands today (both or neither, one unit).
            let money = Dimension.base(.money)
            let prices = [money / .base(.mass), money / .base(.nut), money / .base(.person) / .base(.time), money / .base(.time)]
            let meanNode = map.optional("mean"), currentNode = map.optional("current")
            let mean = meanNode.flatMap { figures.figure($0, expected: prices) }
            let current = currentNode.flatMap { figures.dated($0, expected: prices) }
            if let mean, let current, mean.dimension != current.dimension || mean.figure.unit != current.figure.unit {
                context.error("unit.mismatch", .settingsMarketUnits, mean.figure.unit, current.figure.unit, at: current.figure.provenance.location)
            }
            for figure in [mean?.figure, current?.figure].compactMap({ $0 }) where figure.value <= 0 {
                context.error("figure.range", .settingsMarketPrice, at: figure.provenance.location)
            }
            // Written without the other (a figure written wrong is reported as such, once).
            if (meanNode == nil) != (currentNode == nil) {
                context.error("field.missing", .settingsMarketPair, at: map.node.location)
            }
            guard let id, let name, let volatility, let halfLife else { return nil }
            return Market(id: id, name: name, volatility: volatility.figure, halfLife: halfLife.figure,
                          mean: mean?.figure, current: current?.figure, currentDate: current?.date)
        }
    }

    private func correlations(_ node: ConfigNode, _ figures: FigureDecoder, markets: [Market]) -> [MarketCorrelation] {
        var result: [MarketCorrelation] = []
        for item in context.sequence(node) ?? [] {
            guard let map = context.mapping(item) else { continue }
            defer { map.finish() }
            let pair = map.required("markets").flatMap { context.sequence($0) }
            let ids = pair?.compactMap { context.identifier($0) } ?? []
            let value = map.required("value").flatMap { figures.figure($0, expected: [Dimension.none]) }
            guard let pair, ids.count == pair.count, let value else { continue }
            guard ids.count == 2, ids[0] != ids[1] else {
                context.error("type.mismatch", .settingsCorrelationPair, at: item.location)
                continue
            }
            for id in ids where !markets.contains(where: { $0.id == id }) {
                context.error("ref.market", .settingsCorrelationMarket, id, at: item.location)
            }
            if !(-1...1).contains(value.value) { context.error("figure.range", .settingsCorrelationRange, at: value.figure.provenance.location) }
            result.append(MarketCorrelation(markets: (ids[0], ids[1]), value: value.figure))
        }
        if !result.isEmpty, MarketModel(markets: markets, correlations: result) == nil {
            context.error("figure.range", .settingsCorrelationsInconsistent, at: node.location)
        }
        return result
    }

    private func constants(_ node: ConfigNode, _ figures: FigureDecoder) -> [String: Figure] {
        guard let map = context.mapping(node) else { return [:] }
        var result: [String: Figure] = [:]
        let anything = [Dimension.none, .base(.area), .base(.money), .base(.time), .base(.person)]
        for (key, value) in map.entries {
            guard let name = context.identifier(key) else { continue }
            if HouseholdFact.named(name) != nil {
                context.error("id.duplicate", .settingsConstantFact, name, at: key.location)
            }
            if let f = figures.figure(value, expected: anything) { result[name] = f.figure }
        }
        return result
    }

    private func householdDefaults(_ node: ConfigNode) -> [HouseholdFact: String] {
        guard let map = context.mapping(node) else { return [:] }
        var result: [HouseholdFact: String] = [:]
        for (key, value) in map.entries {
            guard let keyText = key.scalar, let fact = HouseholdFact.input(named: keyText) else {
                context.error("field.unknown", .settingsUnknownFact, key.scalar ?? "", HouseholdFact.allCases.map(\.inputName).joined(separator: ", "), at: key.location)
                continue
            }
            if fact == .landM2 || fact == .capitalVND {
                context.error("settings.default", .settingsNoDefault, keyText, at: key.location)
                continue
            }
            result[fact] = context.string(value)
        }
        return result
    }
}
