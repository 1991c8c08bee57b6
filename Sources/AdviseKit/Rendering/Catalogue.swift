/// Every user-facing phrase of the rendered output, in each language, in one place.
public enum Catalogue {
    /// A phrase key.
    public enum Key: String, CaseIterable, Sendable {
        case ruleset, household, land, capital, notGiven, flood, salinity, labour, members, currentUse, loanCategory
        case assumedNote, recommendation, noRecommendation, rank, model, verdict, scale, investment, incomePerYear
        case riskNPV, firstIncome, payback, millionsHeader, capitalGap, loan, loanTerms
        case netIncome, afterRisk, perMember, abovePoverty, belowPoverty, cashFlow, lowPoint, paybackIn
        case noPayback, reasons, trace, scalesTried, year, workers, labourDays, perLabourDay, priceBands, skipped
        case verdictRecommended, verdictConditional, verdictUnsuitable, congNote, fired, notFired, when, override
        case rankedBy, priceLow, priceBase, priceHigh
    }

    /// The phrase in a language.
    public static func text(_ key: Key, _ language: Language) -> String {
        (table[key] ?? LocalizedText(vi: key.rawValue, en: key.rawValue))(language)
    }

    /// The table itself; a test checks every key has both languages.
    public static let table: [Key: LocalizedText] = [
        .ruleset: .init(vi: "Bộ quy tắc", en: "Rule set"),
        .household: .init(vi: "Hộ", en: "Household"),
        .land: .init(vi: "đất", en: "land"),
        .capital: .init(vi: "vốn", en: "capital"),
        .notGiven: .init(vi: "chưa cho biết", en: "not given"),
        .flood: .init(vi: "ngập", en: "flooding"),
        .salinity: .init(vi: "mặn", en: "salinity"),
        .labour: .init(vi: "lao động", en: "labour"),
        .members: .init(vi: "nhân khẩu", en: "members"),
        .currentUse: .init(vi: "hiện trạng", en: "current use"),
        .loanCategory: .init(vi: "diện vay", en: "loan category"),
        .assumedNote: .init(vi: "* giá trị mặc định của bộ quy tắc; cho biết giá trị thật bằng cờ tương ứng.", en: "* the rule set's default; give the real value with the matching flag."),
        .recommendation: .init(vi: "Khuyến nghị", en: "Recommendation"),
        .noRecommendation: .init(vi: "Chưa có mô hình nào phù hợp với hộ này; xem lý do từng mô hình bên dưới.", en: "No model fits this household yet; see each model's reasons below."),
        .rank: .init(vi: "#", en: "#"),
        .model: .init(vi: "Mô hình", en: "Model"),
        .verdict: .init(vi: "Kết luận", en: "Verdict"),
        .scale: .init(vi: "Quy mô", en: "Scale"),
        .investment: .init(vi: "Đầu tư", en: "Investment"),
        .incomePerYear: .init(vi: "Thu nhập/năm", en: "Income/yr"),
        .riskNPV: .init(vi: "NPV (rủi ro)", en: "NPV (risk)"),
        .firstIncome: .init(vi: "Có thu", en: "1st income"),
        .payback: .init(vi: "Hoàn vốn", en: "Payback"),
        .millionsHeader: .init(vi: "Tiền tính bằng triệu ₫; thu nhập và NPV đã trừ thiệt hại dự kiến do ngập, mặn, bão; năm tính từ lúc đầu tư.", en: "Money in VND million; income and NPV net of expected flood, salinity and storm losses; years counted from the investment."),
        .capitalGap: .init(vi: "Vốn còn thiếu", en: "Capital gap"),
        .loan: .init(vi: "Vay", en: "Loan"),
        .loanTerms: .init(vi: "lãi %@/năm, thời hạn %@ tháng", en: "%@ a year, %@ months"),
        .netIncome: .init(vi: "Thu nhập ròng/năm khi ổn định", en: "Net income a year at maturity"),
        .afterRisk: .init(vi: "sau rủi ro", en: "after risk"),
        .perMember: .init(vi: "mỗi nhân khẩu", en: "per member"),
        .abovePoverty: .init(vi: "trên chuẩn nghèo", en: "above the poverty line"),
        .belowPoverty: .init(vi: "dưới chuẩn nghèo", en: "below the poverty line"),
        .cashFlow: .init(vi: "Dòng tiền của hộ theo năm (giá cơ sở, triệu ₫)", en: "Household cash flow by year (base price, VND million)"),
        .lowPoint: .init(vi: "Điểm tiền mặt thấp nhất", en: "Lowest cash point"),
        .paybackIn: .init(vi: "hoàn vốn năm", en: "pays back in year"),
        .noPayback: .init(vi: "chưa hoàn vốn trong", en: "does not pay back within"),
        .reasons: .init(vi: "Lý do", en: "Reasons"),
        .trace: .init(vi: "Diễn giải quy tắc", en: "Rule trace"),
        .scalesTried: .init(vi: "Các quy mô đã thử (NPV rủi ro, triệu ₫)", en: "Scales tried (risk NPV, VND million)"),
        .year: .init(vi: "năm", en: "year"),
        .workers: .init(vi: "người", en: "workers"),
        .labourDays: .init(vi: "Công lao động", en: "Labour"),
        .perLabourDay: .init(vi: "mỗi ngày công", en: "per labour day"),
        .priceBands: .init(vi: "Theo giá thấp / cơ sở / cao", en: "At low / base / high price"),
        .skipped: .init(vi: "bỏ qua (thiếu dữ kiện)", en: "skipped (fact not given)"),
        .verdictRecommended: .init(vi: "nên làm", en: "recommended"),
        .verdictConditional: .init(vi: "có điều kiện", en: "conditional"),
        .verdictUnsuitable: .init(vi: "không phù hợp", en: "unsuitable"),
        .congNote: .init(vi: "1 công = %@ m²", en: "1 công = %@ m²"),
        .fired: .init(vi: "áp dụng", en: "fired"),
        .when: .init(vi: "khi", en: "when"),
        .override: .init(vi: "Điều chỉnh số liệu", en: "Override"),
        .notFired: .init(vi: "không áp dụng", en: "not fired"),
        .rankedBy: .init(vi: "xếp theo", en: "ranked by"),
        .priceLow: .init(vi: "giá thấp", en: "low price"),
        .priceBase: .init(vi: "giá cơ sở", en: "base price"),
        .priceHigh: .init(vi: "giá cao", en: "high price"),
    ]

    /// A phrase with `%@` placeholders filled in order.
    public static func format(_ key: Key, _ language: Language, _ arguments: String...) -> String {
        var text = self.text(key, language)
        for argument in arguments {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: argument)
        }
        return text
    }

    /// A verdict in words.
    public static func verdict(_ verdict: Verdict, _ language: Language) -> String {
        switch verdict {
        case .recommended: text(.verdictRecommended, language)
        case .conditional: text(.verdictConditional, language)
        case .unsuitable: text(.verdictUnsuitable, language)
        }
    }

    /// What a ranking metric is called.
    public static func rankBy(_ rank: RankBy, _ language: Language) -> String {
        switch (rank, language) {
        case (.riskAdjustedNPV, .vi): "NPV sau rủi ro"
        case (.riskAdjustedNPV, .en): "risk-adjusted NPV"
        case (.income, .vi): "thu nhập/năm sau rủi ro"
        case (.income, .en): "risk-adjusted yearly income"
        case (.npv, .vi): "NPV theo giá cơ sở"
        case (.npv, .en): "NPV at base price"
        case (.payback, .vi): "năm hoàn vốn"
        case (.payback, .en): "payback year"
        case (.firstIncome, .vi): "năm có thu nhập đầu tiên"
        case (.firstIncome, .en): "first year with income"
        }
    }

    /// A reason in words.
    public static func reason(_ detail: Reason.Detail, _ language: Language) -> String {
        let vi = language == .vi
        switch detail {
        case let .rule(text):
            return text(language)
        case let .landTooSmall(need, have):
            return vi ? "Cần ít nhất \(NumberFormat.grouped(need, .vi)) m² đất, hộ có \(NumberFormat.grouped(have, .vi)) m²."
                : "Needs at least \(NumberFormat.grouped(need, .en)) m² of land; the household has \(NumberFormat.grouped(have, .en)) m²."
        case let .capitalShort(need, have, ceiling):
            return vi ? "Quy mô nhỏ nhất cần \(NumberFormat.moneyProse(need, .vi)); hộ có \(NumberFormat.moneyProse(have, .vi)) và vay được tối đa \(NumberFormat.moneyProse(ceiling, .vi))."
                : "The smallest scale needs \(NumberFormat.moneyProse(need, .en)); the household has \(NumberFormat.moneyProse(have, .en)) and can borrow at most \(NumberFormat.moneyProse(ceiling, .en))."
        case let .loanNeeded(amount, programme):
            return vi ? "Cần vay \(NumberFormat.moneyProse(amount, .vi)) từ chương trình \(programme.vi); lãi và gốc đã tính vào dòng tiền."
                : "Needs a loan of \(NumberFormat.moneyProse(amount, .en)) from \(programme.en); interest and repayments are in the cash flow."
        case let .hiredLabour(days, cost):
            return vi ? "Gia đình thiếu \(NumberFormat.grouped(days, .vi)) ngày công mỗi năm; thuê ngoài tốn \(NumberFormat.moneyProse(cost, .vi))/năm (đã trừ vào thu nhập)."
                : "The family lacks \(NumberFormat.grouped(days, .en)) labour days a year; hiring them costs \(NumberFormat.moneyProse(cost, .en)) a year (deducted from income)."
        case let .doesNotPay(npv, horizon):
            return vi ? "Không sinh lời trong \(horizon) năm: NPV sau rủi ro \(NumberFormat.moneyProse(npv, .vi))."
                : "Does not pay within \(horizon) years: risk-adjusted NPV \(NumberFormat.moneyProse(npv, .en))."
        case let .capitalUnknown(need):
            return vi ? "Chưa biết vốn của hộ: mô hình cần \(NumberFormat.moneyProse(need, .vi)) ở quy mô này (dùng --capital để tính vốn thiếu và khoản vay)."
                : "Capital not given: the model needs \(NumberFormat.moneyProse(need, .en)) at this scale (give --capital to see the gap and the loan)."
        }
    }
}
