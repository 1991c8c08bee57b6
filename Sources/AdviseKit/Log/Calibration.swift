/// What was predicted against what households reported, per model and per figure: how many reports, the
/// median of reported ÷ predicted, and the middle half of those ratios (25th to 75th percentile).
///
/// A ratio compares like with like: the prediction is the one logged with the advice (the rule set of that
/// day), taken at the scale the household reported (in proportion to the scale advised — close, but not
/// exact, where a model has fixed costs), for the year it reported. Predicted values of zero or below give
/// no ratio (a loss year has no meaningful "times as much").
///
/// A report cannot poison it: a withdrawn report is left out, and a ratio outside the plausible bounds
/// (``CalibrationLimits``) is set aside in ``flagged`` until an agronomist confirms its report — except a
/// season's net income below its prediction, which a loss year is (only an implausibly high one is held back).
public struct Calibration: Sendable, Equatable {
    /// The figure a ratio is about.
    public enum Figure: Sendable, Hashable, Comparable {
        /// What the household invested.
        case investment
        /// The model's net income in a season.
        case netIncome
        /// An output's quantity in a season.
        case yield(output: String)
        /// An output's price.
        case price(output: String)

        /// `investment`, `net_income`, `yield:OUTPUT`, `price:OUTPUT`.
        public var name: String {
            switch self {
            case .investment: "investment"
            case .netIncome: "net_income"
            case let .yield(output): "yield:\(output)"
            case let .price(output): "price:\(output)"
            }
        }

        public static func < (a: Figure, b: Figure) -> Bool { a.name < b.name }
    }

    /// One model's figure.
    public struct Row: Sendable, Equatable {
        public var model: String
        public var figure: Figure
        /// The ratios reported ÷ predicted, in the order they were found.
        public var ratios: [Double]
        public var count: Int { ratios.count }
        public var median: Double { Self.quantile(ratios, 0.5) }
        /// The middle half of the ratios.
        public var lower: Double { Self.quantile(ratios, 0.25) }
        public var upper: Double { Self.quantile(ratios, 0.75) }

        /// The `q` quantile by linear interpolation between order statistics.
        static func quantile(_ values: [Double], _ q: Double) -> Double {
            let sorted = values.sorted()
            guard let first = sorted.first else { return .nan }
            let position = q * Double(sorted.count - 1)
            let i = Int(position.rounded(.down)), fraction = position - Double(i)
            return i + 1 < sorted.count ? sorted[i] + fraction * (sorted[i + 1] - sorted[i]) : (sorted.last ?? first)
        }
    }

    /// A ratio set aside until its report is confirmed.
    public struct Flagged: Sendable, Equatable {
        /// `follow-up` or `season`, and the report's number in the log.
        public var report: String
        public var id: Int64
        public var model: String
        public var figure: Figure
        public var ratio: Double
    }

    /// By model, then figure.
    public var rows: [Row]
    /// The ratios outside the plausible bounds whose reports no agronomist has confirmed, in the log's order.
    public var flagged: [Flagged] = []
    /// The bounds it was made with.
    public var limits: CalibrationLimits

    /// The comparison over every history that has reports.
    public init(_ histories: [AdviceHistory], limits: CalibrationLimits = RegionalSettings.defaultCalibration) {
        self.limits = limits
        var ratios: [String: [Figure: [Double]]] = [:]
        var flagged: [Flagged] = []
        func add(_ model: String, _ figure: Figure, reported: Double?, predicted: Double?, report: (String, Int64?), confirmed: Bool) {
            guard let reported, let predicted, predicted > 0, reported.isFinite else { return }
            let ratio = reported / predicted
            let plausible = figure == .netIncome ? ratio <= limits.plausibleHigh : limits.plausible(ratio)
            guard plausible || confirmed else {
                flagged.append(Flagged(report: report.0, id: report.1 ?? 0, model: model, figure: figure, ratio: ratio))
                return
            }
            ratios[model, default: [:]][figure, default: []].append(ratio)
        }
        for history in histories {
            for followUp in history.followUps where followUp.withdrawnAt == nil {
                guard let prediction = history.record.prediction(followUp.model), prediction.scale > 0 else { continue }
                let scale = followUp.scale ?? prediction.scale
                add(followUp.model, .investment, reported: followUp.investedVND, predicted: prediction.investmentVND * scale / prediction.scale,
                    report: ("follow-up", followUp.id), confirmed: followUp.confirmedBy != nil)
            }
            for season in history.seasons where season.withdrawnAt == nil {
                guard let prediction = history.record.prediction(season.model) else { continue }
                let scale = history.scale(of: season.model) ?? prediction.scale
                let report = ("season", season.id), confirmed = season.confirmedBy != nil
                add(season.model, .netIncome, reported: season.netIncomeVND, predicted: prediction.netIncome(year: season.year, scale: scale),
                    report: report, confirmed: confirmed)
                guard let id = season.output, let output = prediction.outputs.first(where: { $0.id == id }) else { continue }
                add(season.model, .yield(output: id), reported: season.quantity, predicted: output.quantity(year: season.year, scale: scale),
                    report: report, confirmed: confirmed)
                add(season.model, .price(output: id), reported: season.priceVND, predicted: output.price(year: season.year), report: report, confirmed: confirmed)
            }
        }
        self.flagged = flagged
        rows = ratios.keys.sorted().flatMap { model in
            (ratios[model] ?? [:]).sorted { $0.key < $1.key }.map { Row(model: model, figure: $0.key, ratios: $0.value) }
        }
    }
}
