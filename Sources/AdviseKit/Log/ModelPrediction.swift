/// What the advice predicted for one model at the scale it advised: the figures a follow-up is later
/// compared with (``Calibration``). Kept in the log as it was said, so that a later rule set never rewrites
/// what was predicted.
public struct ModelPrediction: Sendable, Equatable, Codable {
    /// One output's yield and price, after the rules' adjustments for this household.
    public struct OutputPrediction: Sendable, Equatable, Codable {
        public var id: String
        /// `nut`, `kg` or `month`.
        public var product: String
        /// Yield at maturity per scale unit (m² or unit) per year.
        public var yieldPerScale: Double
        /// The ramp-up: the share of ``yieldPerScale`` in year 1, 2, … (the last holds after).
        public var curve: [Double]
        /// The base (long-run) price, VND per product unit.
        public var priceVND: Double
        /// The expected price of year 1, 2, … as a multiple of ``priceVND``: its market's path from an observed price
        /// back to the long-run mean (the last holds after). Nil: flat (and in records made before prices reverted).
        public var priceFactorByYear: [Double]?

        /// The quantity a year brings at a scale.
        public func quantity(year: Int, scale: Double) -> Double {
            yieldPerScale * Output.fraction(curve, year: year) * scale
        }

        /// The price expected in a year (1-based), VND per product unit.
        public func price(year: Int) -> Double {
            guard let path = priceFactorByYear, !path.isEmpty else { return priceVND }
            return priceVND * path[min(max(year, 1), path.count) - 1]
        }

        enum CodingKeys: String, CodingKey {
            case id, product, curve
            case yieldPerScale = "yield_per_scale", priceVND = "price_vnd", priceFactorByYear = "price_factor_by_year"
        }
    }

    public var model: String
    /// The scale advised, in the model's terms (m² or units), and the land it takes.
    public var scale: Double
    public var areaM2: Double
    public var investmentVND: Double
    /// Expected net income of the model, year 1…horizon, at the advised scale: operating cash after expected
    /// losses and hired labour, before loan payments.
    public var netByYearVND: [Double]
    public var outputs: [OutputPrediction]

    /// The prediction of a model's advice.
    public init(_ advice: ModelAdvice) {
        self.init(advice.model, advice.projection.parts[0], of: advice.projection)
    }

    /// The prediction for one model of an answer — an option, or a model of a whole-farm plan — at the scale the
    /// answer gives it, with its economics there (an intercrop's included) and its share of the hired labour.
    public init(_ model: FarmModel, _ part: Projection.Part, of projection: Projection) {
        let economics = part.economics
        let adjustment = economics.adjustment
        self.model = model.id
        scale = part.scale
        areaM2 = model.scale.areaM2(part.scale)
        investmentVND = economics.investment(at: part.scale)
        let hired = projection.hiredCost(of: part)
        netByYearVND = economics.operatingCash(at: part.scale, priceFactor: 1, badYear: nil).map { $0 - hired }
        let years = netByYearVND.count
        outputs = model.outputs.map { output in
            let path = (0..<years).map { economics.valuation.outlook.factor(output.market, year: $0 + 1) }
            return OutputPrediction(id: output.id, product: output.productUnit, yieldPerScale: output.yieldPerScale.value * (adjustment?.yield ?? 1),
                                    curve: adjustment?.yieldCurve ?? output.curve, priceVND: output.price.base * (adjustment?.price ?? 1),
                                    priceFactorByYear: path.allSatisfy { $0 == 1 } ? nil : path)
        }
    }

    /// The prediction as the log stores it (the keys of its `Codable` form).
    public var json: JSONValue {
        .object([
            ("model", .string(model)), ("scale", .double(scale)), ("area_m2", .double(areaM2)), ("investment_vnd", .double(investmentVND)),
            ("net_by_year_vnd", .array(netByYearVND.map(JSONValue.double))),
            ("outputs", .array(outputs.map { o in
                .object([("id", .string(o.id)), ("product", .string(o.product)), ("yield_per_scale", .double(o.yieldPerScale)),
                         ("curve", .array(o.curve.map(JSONValue.double))), ("price_vnd", .double(o.priceVND))]
                        + (o.priceFactorByYear.map { [("price_factor_by_year", JSONValue.array($0.map(JSONValue.double)))] } ?? []))
            })),
        ])
    }

    /// The net income predicted for a year at a scale: in proportion to the scale advised (an approximation
    /// when fixed costs matter).
    public func netIncome(year: Int, scale: Double?) -> Double? {
        guard year >= 1, year <= netByYearVND.count else { return nil }
        let value = netByYearVND[year - 1]
        guard let scale, self.scale > 0 else { return value }
        return value * scale / self.scale
    }

    enum CodingKeys: String, CodingKey {
        case model, scale, outputs
        case areaM2 = "area_m2", investmentVND = "investment_vnd", netByYearVND = "net_by_year_vnd"
    }
}
