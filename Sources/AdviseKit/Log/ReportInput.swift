/// A follow-up or a season's report as a person writes it — flags on the command line, fields of the web
/// form — read and checked against the advice it follows: the model must be one the advice predicted, the
/// output one of that model's, money and land in the forms the flags take. Every problem is reported at
/// once, naming the field as the user sees it.
public struct ReportInput: Sendable {
    /// The values by field name: `model`, `area`, `units`, `invested`, `loan`, `note`; `year`, `net-income`,
    /// `output`, `quantity`, `price`.
    public var fields: [String: String]
    /// How a field is named to the user (`--invested`, or the form's label).
    public var label: @Sendable (String) -> String

    public init(fields: [String: String], label: @escaping @Sendable (String) -> String = { "--" + $0 }) {
        self.fields = fields.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        self.label = label
    }

    /// What the household did after `record`.
    public func followUp(for record: AdviceRecord, settings: RegionalSettings, at time: String) throws(DiagnosticError) -> FollowUp {
        var problems: [Diagnostic] = []
        let model = self.model(record, &problems)
        var scale = number("units", &problems)
        if let area = fields["area"] {
            switch QuantityParser.area(area, congM2: settings.congM2.value, others: settings.areaUnits) {
            case let .success(v): scale = v
            case let .failure(problem): problems.append(error("area", problem.text))
            }
        }
        let invested = money("invested", &problems), loan = money("loan", &problems)
        guard problems.isEmpty, let model else { throw DiagnosticError(problems) }
        return FollowUp(adviceID: record.id ?? 0, recordedAt: time, model: model.model, scale: scale, investedVND: invested, loanVND: loan, note: fields["note"])
    }

    /// A season's report on a model of `record`.
    public func season(for record: AdviceRecord, at time: String) throws(DiagnosticError) -> SeasonReport {
        var problems: [Diagnostic] = []
        let model = self.model(record, &problems)
        var year: Int?
        if let text = fields["year"] {
            if let y = Int(text), (1...60).contains(y) { year = y } else {
                problems.append(error("year", Catalogue.phrase(.logYearRange, [text])))
            }
        } else {
            problems.append(error("year", Catalogue.phrase(.logNeedsYear)))
        }
        let output = fields["output"]
        if let output, let model, !model.outputs.contains(where: { $0.id == output }) {
            problems.append(error("output", Catalogue.phrase(.logUnknownOutput, [output, model.model, model.outputs.map(\.id).joined(separator: ", ")])))
        }
        let quantity = number("quantity", &problems), price = money("price", &problems), net = money("net-income", &problems, signed: true)
        guard problems.isEmpty, let model, let year else { throw DiagnosticError(problems) }
        return SeasonReport(adviceID: record.id ?? 0, recordedAt: time, model: model.model, year: year, output: output, quantity: quantity,
                            priceVND: price, netIncomeVND: net)
    }

    /// The model reported on: one the advice predicted.
    private func model(_ record: AdviceRecord, _ problems: inout [Diagnostic]) -> ModelPrediction? {
        guard let id = fields["model"] else {
            problems.append(error("model", Catalogue.phrase(.logNeedsModel, [record.predictions.map(\.model).joined(separator: ", ")])))
            return nil
        }
        guard let prediction = record.prediction(id) else {
            problems.append(error("model", Catalogue.phrase(.logUnknownModel, [id, String(record.id ?? 0), record.predictions.map(\.model).joined(separator: ", ")])))
            return nil
        }
        return prediction
    }

    /// Money; `signed`: a loss may be written with a minus sign (a season's net income).
    private func money(_ name: String, _ problems: inout [Diagnostic], signed: Bool = false) -> Double? {
        guard let text = fields[name] else { return nil }
        switch signed ? QuantityParser.signedMoney(text) : QuantityParser.money(text) {
        case let .success(v): return v
        case let .failure(problem):
            problems.append(error(name, problem.text))
            return nil
        }
    }

    /// A plain number at least 0 (`40`, `2.5`).
    private func number(_ name: String, _ problems: inout [Diagnostic]) -> Double? {
        guard let text = fields[name] else { return nil }
        guard let v = Double(text.replacingOccurrences(of: ",", with: ".")), v.isFinite, v >= 0 else {
            problems.append(error(name, Catalogue.phrase(.logNotNumber, [text])))
            return nil
        }
        return v
    }

    private func error(_ name: String, _ text: LocalizedText) -> Diagnostic {
        let label = label(name)
        return .error("input.\(name)", LocalizedText { "\(label): " + text($0) }, at: nil)
    }
}
