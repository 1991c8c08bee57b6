/// What was predicted against what households reported, per model and per figure: how many reports, the
/// median of reported ÷ predicted, and the middle half of those ratios (25th to 75th percentile).
///
/// A ratio compares like with like: the prediction is the one logged with the advice (the rule set of that
/// day), taken at the scale the household reported (in proportion to the scale advised — close, but not
/// exact, where a model has fixed costs), for the year it reported. Predicted values of zero or below give
/// no ratio (a loss year has no meaningful "times as much").
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

    /// By model, then figure.
    public var rows: [Row]

    /// The comparison over every history that has reports.
    public init(_ histories: [AdviceHistory]) {
        var ratios: [String: [Figure: [Double]]] = [:]
        func add(_ model: String, _ figure: Figure, reported: Double?, predicted: Double?) {
            guard let reported, let predicted, predicted > 0, reported.isFinite else { return }
            ratios[model, default: [:]][figure, default: []].append(reported / predicted)
        }
        for history in histories {
            for followUp in history.followUps {
                guard let prediction = history.record.prediction(followUp.model), prediction.scale > 0 else { continue }
                let scale = followUp.scale ?? prediction.scale
                add(followUp.model, .investment, reported: followUp.investedVND, predicted: prediction.investmentVND * scale / prediction.scale)
            }
            for season in history.seasons {
                guard let prediction = history.record.prediction(season.model) else { continue }
                let scale = history.scale(of: season.model) ?? prediction.scale
                add(season.model, .netIncome, reported: season.netIncomeVND, predicted: prediction.netIncome(year: season.year, scale: scale))
                guard let id = season.output, let output = prediction.outputs.first(where: { $0.id == id }) else { continue }
                add(season.model, .yield(output: id), reported: season.quantity, predicted: output.quantity(year: season.year, scale: scale))
                add(season.model, .price(output: id), reported: season.priceVND, predicted: output.priceVND)
            }
        }
        rows = ratios.keys.sorted().flatMap { model in
            (ratios[model] ?? [:]).sorted { $0.key < $1.key }.map { Row(model: model, figure: $0.key, ratios: $0.value) }
        }
    }
}
