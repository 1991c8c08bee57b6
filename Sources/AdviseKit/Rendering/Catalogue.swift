import Foundation

/// Every user-facing phrase of the rendered output (text, JSON messages, reports, messages, batch
/// summaries, and every diagnostic, the rule authors' included): one catalogue per language, in
/// `Catalogue+Vietnamese.swift` and `Catalogue+English.swift`. A test fails when a key is missing in a
/// language. (The command-line help is in English.)
public enum Catalogue {
    /// A phrase key.
    public enum Key: String, CaseIterable, Sendable {
        case ruleset, household, land, capital, notGiven, flood, salinity, labour
        case members, currentUse, loanCategory, assumedNote, recommendation, noRecommendation, rank, model
        case batchEmpty, batchNoRows, logNoRecord, logUnavailable, serverOpenHost
        case verdict, scale, investment, incomePerYear, riskNPV, firstIncome, payback, millionsHeader
        case capitalGap, loan, loanTerms, netIncome, incomePhases, phaseYears, perYear, afterRisk, perMember, abovePoverty, belowPoverty
        case cashFlow, lowPoint, paybackIn, noPayback, reasons, trace, scalesTried, year
        case workers, labourDays, perLabourDay, priceBands, skipped, verdictRecommended, verdictConditional, verdictUnsuitable
        case congNote, fired, when, override, notFired, rankedBy, priceLow, priceBase
        case priceHigh, perMonth, daysPerYear, rankRiskNPV, rankIncome, rankNPV, rankPayback, rankFirstIncome
        case priceMinus30, pricePlus30, compareFor, compareOption, compareLowPoint, compareIncomeBands, compareBadYear, compareLabour, comparePlan, compareSensitivity, sensitivityCase, compareHouseholds, whatWouldChange, changeCapital, changeLand, changeLevel, changeLoanCategory, changeMitigation, planTitle, planNone, planLoanShortfall, planUnserviceable, intercropWith, reasonLandTooSmall, reasonCapitalShortNoLoan, reasonCapitalShort, reasonLoanNeeded, reasonHiredLabour, reasonDoesNotPay, reasonCapitalUnknown, reasonNoGain, reasonBelowWage, rankGain, gain, keepCurrentUse, messageKeep, summaryHeadline, summaryHouseholds
        case summaryNoModel, summaryInvestment, summaryIncome, summaryPoverty, reportTitle, reportAdvice, reportNoAdvice, reportInvestment
        case reportLoan, reportNoLoan, reportFirstIncome, reportYear, reportIncome, reportIncomeNote, reportPayback, reportNoPayback
        case reportLowPoint, reportChartTitle, reportRunnerUp, reportCompare, reportReasons, reportPriceRisk, reportHeldBack, reportMoreHeldBack, reportFooter
        case reportLowPointLabel, reportPaybackLabel, reportCapitalGiven, reportWorkers, reportMembers, messageIntro, messageChoice, messageInvestment
        case messageLoan, messageIncome, messageRisk, messageNone, messageVersion
        case rankDownside, oddsTitle, oddsRange, oddsLoss, oddsLossBare, oddsInstalment, oddsPoverty, chanceNone, chanceUnder, chanceAbout, chanceAlmostAll
        case noteKeepRest, noteIdleCapital, noteIdleValue, otherIncome, grant, staleNote, messageStale, rulesetFrom, rulesetEmbedded
        case severityError, severityWarning, severityNote, formsArea, formsMoney, formsIncome, qNotA, qArea, qMoney, qUnknownUnit, qNumber, qNaN
        case qMixed, qWrongPlaces, qAmbiguous, qNegativeArea, qNegative, qMoneyShort, qLandShort, qLandLong, qAreaTooLarge, qMoneyTooLarge, qNotIncome, qNotCount, qNotLevel, qDidYouMean
        case qLandRequired, qNoScale, qColumn, batchLine, batchRow, batchFieldCount, batchNotJSON, batchJSONValue, batchOversized, csvUnclosed, csvAfterQuote
        case fileCannotRead, fileHousehold, fileOverride, fileRule, fileInput, fileTooLarge, fileNotUTF8, reasonNoFile, reasonNoPermission
        case reasonFolder, reasonNotFolder, reasonLoop, reasonNameTooLong, reasonDiskFull, reasonReadOnlyDisk, reasonPipeClosed, reasonIO, reasonDevice, rulesNotFound
        case writeFailed, refuseFolder, refuseReadOnly, refuseFolderNotWritable, refuseInput, ignoringColumns, readingSheet, headerInRow, ruleSetErrors
        case batchHeaderLine, batchColumnTwice, batchColumnsSame, batchNoLand, batchLandAlso, batchHeaderRead, batchNotUTF8, batchBadText, batchSaveAsUTF8
        case batchRunsOn, xlsxInvalid, xlsxNoSheet, xlsOld, batchDone, exportExists, exportDone
        case webTitle, webIntro, webLand, webLandHint, webUnit, webCapital, webCapitalHint, webLabour, webMembers, webOtherIncome, webOtherIncomeHint, webChoose, webSubmit, webPrint, webCopy, webCopied, webMessage, webEdit, webFix, webOtherLanguage, webHouseholdId
        case argError, argUnknownOption, argMissingValue, argMissingArgument, argUnexpected, argInvalidValue, argInvalidValueList, argOr, argUsage, argSeeHelp, argHelp, argOneHousehold, argPlansOrSingle, argWorkbookFormat, argUnknownModel
        case wardReasonGiven, wardReasonOwn, wardReasonNoPlan
        case wardBadLoanCapital
        case xlsxNotZip, xlsxNoSheets, xlsxSheetNoPart, xlsxBeyondColumn, xlsxTooManyMerged, xlsxPartMissing, xlsxPartTooLarge, xlsxPartDamaged, xlsxPartNotText, xlsxPartNotXML, xlsxNoSharedString
        case wardMoreResources
        case argQuoteUnit
        case reasonNotDatabase, reasonReadOnlyFile, reasonCannotOpen, reasonSQLite
        case serverCannotListen, serverStopped, reasonNotPEM
        case reasonClosed, reasonPortInUse, reasonNoAddress, reasonTooManyFiles, reasonExists, reasonBusy, reasonNoMemory, reasonTooBig, reasonSystem, reasonCode
        case yamlProblemIndentation, yamlProblemFlowMapping, yamlProblemFlowSequence, yamlProblemNoValue, yamlProblemColon, yamlProblemStart, yamlProblemEnd, yamlProblemEscape, yamlProblemTab, yamlProblemDocument, yamlProblemOther, yamlOpenedOn, yamlProblemNotText, jsonSyntax, jsonProblemAt, jsonProblemSomewhere
        case serverTLS, serverTLSPair, wardDuplicate, wardBadDeprivations
        case settingsCalibration, overrideUncapped, logFlagged, logFlaggedLine, logConfirmed, logWithdrawn, logNotAgronomist, logNoReport
        case usersExists, usersNotFound, usersBadName, usersWeakPassword, usersLastAdmin, usersAdded, usersRemoved, usersPasswordSet, usersToken, usersNone, usersPasswordPrompt, usersPasswordAgain, usersPasswordsDiffer, usersNoPassword, usersName, usersRole, usersAddedAt, roleOfficer, roleAgronomist, roleAdmin, logForgotten, logPruned, logRecordedAnonymous, auditEmpty, auditUser, auditAction, auditRecord, auditDetail, webSignIn, webSignOut, webUserName, webPassword, webSignInFailed, webSignInLimited, webSignedInAs, webRecordAdvice, webConsent, webConsentNote, webSignInToRecord, webForbidden, webCrossSite, webJSONOnly, webLogList, webForget, webBusy, webTooMany
        case wardGivenLoan, wardGivenSupport
        case wardTitle, wardHouseholds, wardTargetLine, wardYear, wardLineHeader, wardUnchanged, wardOwnMeans, wardAllocated, wardPoor, wardNearPoor, wardIncome, wardAllocationLine, wardResourceLine, wardSupport, wardVisits, wardMore, wardTarget, wardMoney, wardHeadline, wardFooter
        case wardUnknownProgramme
        case fileNeedsKey, fileUnknownKey, fileResources, fileResourcesEmpty
        case fileHouseholdEmpty
        case sheetIgnored, xlsxInputTooLarge
        case logCannotOpen, logCorrupt, logLocked, logFailed, logNoAdvice
        case logEmpty, logWhen, logNothing, logAdvice, logRuleSet, logPredicted, logNetYears, logNoReports, logFollowUp, logSeason, logSeasonOutput, logNoCalibration, logFigure, logCount, logMedian, logMiddleHalf, logCalibrationTitle, logRecorded, logNotBuilt, logUnknownModel, logUnknownOutput, logFollowUpRecorded, logOverrideWritten
        case logYearRange, logNeedsYear, logNeedsModel, logNotNumber
        case webReports, webFixLog, webArea, webUnits, webInvested, webNote, webYear, webNetIncome, webOutput, webQuantity, webPrice, webRecord, webLogTitle, webFollowUpTitle, webSeasonTitle, webLogFailed
        case wardGivenPlace, wardPlaces, wardPlacesLine, wardBadPlaces, wardUnknownModel, wardPlacesRange
        case webBadChoice, wholeOutOfRange, webEmptyBody, webNotUTF8, webTooLarge, householdUnknownKey, householdNotAValue
        // Rule authors' diagnostics: YAML, fields, figures, settings, models, expressions, checks.
        case checkSummary, checkError, checkErrors, checkWarning, checkWarnings, checkContents
        case yamlTooLarge, yamlTooDeep, yamlAlias, yamlSyntax, yamlEncoding, yamlDuplicateKey
        case fileUnreadable
        case nodeScalar, nodeMapping, nodeList, nodeNothing, nodeFile, nodeMustBeMapping, nodeMustBeList, nodeMustBeText, nodeMustBeNumber, nodeMustBeWhole, nodeMustBeBool, nodeMustBeOneOf, nodeMustBeDate, nodeIdentifier, nodeNumberRange
        case figureBand, figureFraction, figureAtLeastZero, figureMoreThanZero, figureValueRange, figureNoValues, figureProvenance, figureScheduleEnds, figureExpired, figureStale
        case unitUnknown, unitMismatch, unitPerUnitInArea
        case modelUnknownOutput, modelNoOutput
        case idUsedTwice, idDeclaredTwice
        case scaleBounds
        case costOneOf, costYears
        case exampleUnknownExpectation, exampleRange, exampleHousehold, exampleFailed, exampleVerdict, exampleRuleFired, exampleNoValue, exampleValue
        case settingsNoCong, settingsPovertyLine, settingsScaleMissing, settingsUnknownCategory, settingsHorizon, settingsFraction, reasonLoanLimited, reasonLoanRefused, scaleStarter, reasonStarter, reasonWorkersShort, reportGrant, reportLoanUnknown, messageGrant, qExperience, otherIncomeNotGiven, oddsWithoutOtherIncome, chanceAboutOne, settingsNoColumn, settingsColumnTaken, settingsBaselineScale, settingsLevelTwice, settingsLineEnds, settingsLineOrder, settingsNoLines, settingsVolatility, settingsHalfLife, settingsMarketUnits, settingsMarketPrice, settingsMarketPair, settingsCorrelationPair, settingsCorrelationMarket, settingsCorrelationRange, settingsCorrelationsInconsistent, settingsConstantFact, settingsUnknownFact, settingsNoDefault
        case combinationPair, combinationUnknownModel, combinationShare, combinationShareModel, combinationNoShare, combinationUnits
        case ruleLikelihood, ruleLoss, ruleLasts, ruleReplant, ruleAdjustNeeds
        case wardYearsRange
        case overrideSet, overrideHead, overridePath, overrideNotFigure, overrideNoKey, overrideNoID, overrideBelowValue, overrideNamesHere
        case rulesEmpty, rulesFileEmpty, rulesNeedKind, rulesOverrideEmpty, rulesNoSettings, rulesTwoSettings, rulesSourceTwice, rulesModelTwice, rulesBaselineConversion, rulesBaselineUnknown, rulesUnknownMarket, rulesNoModels, rulesUnderOverrides, rulesUnknownSource, rulesSourceUnused, rulesBadDefault
        case conditionOfRule, conditionOfItem, conditionOfCost, conditionNeverTrue, conditionAlwaysTrue
        case exprSingleEquals, exprCharacter, exprNotNumber, exprNumberName, exprUnterminated, exprAfterEnd, exprTokenNumber, exprTokenString, exprTokenEnd, exprExpected, exprTooDeep, exprKeyword, exprValueExpected, exprTypeNumber, exprTypeBoolean, exprTypeLevel, exprTypeText, exprTypeList, exprNotCondition, exprUnknownName, exprUnknownNameList, exprCannotApply, exprNeedsNumber, exprNeedsBoolean, exprNotLevel, exprLevels, exprCompare, exprOrder, exprInList, exprLevelList, exprNumberList, exprInLeft, exprOperator, exprFunction, exprTwoNumbers
        case xlsxTooLarge, xlsxAssemble, xlsxTemporary
        case compareTipping
        case loanGrace
        case wardGivenMarket
        case settingsMarketModel, settingsMarketUnit, wardMarket, wardMarketLine, wardBadMarketLimit
        case reasonTippingAbove, reasonTippingBelow, reasonTippingYieldAbove, reasonTippingYieldBelow, perMonthUnit, perNutUnit, perDozenUnit,
             unitYear, unitTonne, unitScale
        case povertyLineAssumed
    }

    /// The catalogue of a language.
    static func table(_ language: Language) -> [Key: String] {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }

    /// The phrase in a language (the key itself if a catalogue lacks it, which a test forbids).
    public static func text(_ key: Key, _ language: Language) -> String { table(language)[key] ?? key.rawValue }

    /// A phrase with `%@` placeholders filled in order.
    public static func format(_ key: Key, _ language: Language, _ arguments: String...) -> String {
        format(key, language, arguments: arguments)
    }

    /// A phrase with `%@` placeholders filled in order from an array.
    public static func format(_ key: Key, _ language: Language, arguments: [String]) -> String {
        var text = self.text(key, language)
        for argument in arguments {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: argument)
        }
        return text
    }

    /// A text followed, in each language, by "did you mean '…'?" when a near name is known.
    public static func suggesting(_ text: LocalizedText, _ suggestion: String?) -> LocalizedText {
        guard let suggestion else { return text }
        return LocalizedText { text($0) + format(.qDidYouMean, $0, suggestion) }
    }

    /// A phrase in every language, its `%@` placeholders filled in order.
    public static func phrase(_ key: Key, _ arguments: [String] = []) -> LocalizedText {
        LocalizedText { format(key, $0, arguments: arguments) }
    }

    /// Where the rule set was read, as the text header's tail: ` · from Rules`, ` · built in`; nothing when unknown.
    public static func rulesetSource(_ source: String, _ language: Language) -> String {
        switch source {
        case "": ""
        case "embedded": " · " + text(.rulesetEmbedded, language)
        default: " · " + format(.rulesetFrom, language, source)
        }
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
        switch rank {
        case .gain: text(.rankGain, language)
        case .downside: text(.rankDownside, language)
        case .riskAdjustedNPV: text(.rankRiskNPV, language)
        case .income: text(.rankIncome, language)
        case .npv: text(.rankNPV, language)
        case .payback: text(.rankPayback, language)
        case .firstIncome: text(.rankFirstIncome, language)
        }
    }

    /// How likely something is, in words an officer repeats to a farmer ("in about 2 cases out of 10").
    public static func chance(_ p: Double, _ language: Language) -> String {
        switch p {
        case ..<1e-9: text(.chanceNone, language)
        case ..<0.05: text(.chanceUnder, language)
        case 0.95...: text(.chanceAlmostAll, language)
        case ..<0.15: text(.chanceAboutOne, language)
        default: format(.chanceAbout, language, String(Int((p * 10).rounded())))
        }
    }

    /// A plan's or option's income by phase, in one line: "years 1–3 (Money sent home) 145 triệu ₫/year; …".
    public static func phases(_ phases: [IncomePhase], _ language: Language) -> String {
        phases.map { phase in
            let years = phase.fromYear == phase.toYear ? "\(text(.year, language)) \(phase.fromYear)"
                : format(.phaseYears, language, String(phase.fromYear), String(phase.toYear))
            let what = phase.outputs.isEmpty ? "—" : phase.outputs.map { $0(language) }.joined(separator: ", ")
            return "\(years) (\(what)) \(NumberFormat.moneyProse(phase.riskAdjustedIncome, language))\(text(.perYear, language))"
        }.joined(separator: "; ")
    }

    /// The odds of an option or plan in sentences: the spread of its value, the chance of a loss, of a
    /// missed instalment (with a loan) and of staying below the poverty line.
    /// - Parameters:
    ///   - otherIncomeAssumed: the household's other income was not given (counted as none): the poverty odds
    ///     say so.
    ///   - linesEnd: the last year a poverty line is set for (``RegionalSettings/povertyLinesEnd``): a later
    ///     year's line is said to be assumed.
    public static func odds(_ r: RiskProfile, hasBaseline: Bool, hasLoan: Bool, otherIncomeAssumed: Bool = false, linesEnd: Int? = nil,
                            _ language: Language, words: Bool = false) -> [String] {
        let m = { (v: Double) in NumberFormat.moneyProse(v, language, words: words) }
        var lines = [format(.oddsRange, language, NumberFormat.grouped(Double(r.draws), language), m(r.p10NPV), m(r.p90NPV), m(r.p50NPV)),
                     format(hasBaseline ? .oddsLoss : .oddsLossBare, language, chance(r.pLoss, language))]
        if hasLoan { lines.append(format(.oddsInstalment, language, chance(r.pMissedInstalment, language))) }
        var poverty = format(.oddsPoverty, language, chance(r.pBelowPovertyLine, language), String(r.povertyYear), m(r.povertyLineMonth))
        if let assumed = lineAssumed(r.povertyYear, linesEnd: linesEnd, line: m(r.povertyLineMonth), language) { poverty += " " + assumed }
        lines.append(otherIncomeAssumed ? poverty + " " + text(.oddsWithoutOtherIncome, language) : poverty)
        return lines
    }

    /// "(No poverty line is set after 2030: assumed to stay at 2.8 million a month.)" for a year past the
    /// schedule's end; nil within it.
    public static func lineAssumed(_ year: Int, linesEnd: Int?, line: String, _ language: Language) -> String? {
        guard let end = linesEnd, year > end else { return nil }
        return format(.povertyLineAssumed, language, String(end), line)
    }

    /// A change that would make an option feasible, in words.
    public static func change(_ c: Change, settings: RegionalSettings, _ language: Language, words: Bool = false) -> String {
        let m = { (v: Double) in NumberFormat.moneyProse(v, language, words: words) }
        func level(_ fact: HouseholdFact, _ id: String) -> String {
            settings.scales[fact.scale ?? ""]?.level(id)?.name(language) ?? id
        }
        var text: String
        switch c.fact {
        case .capitalVND: text = format(.changeCapital, language, m(c.number ?? 0))
        case .landM2: text = format(.changeLand, language, NumberFormat.grouped(c.number ?? 0, language))
        case .loanCategory: text = format(.changeLoanCategory, language, level(.loanCategory, c.level ?? ""))
        default: text = format(.changeLevel, language, Catalogue.text(c.fact == .flood ? .flood : .salinity, language), level(c.fact, c.level ?? ""))
        }
        if c.mitigationVND > 0.5 { text += " " + format(.changeMitigation, language, m(c.mitigationVND)) }
        return text
    }

    /// A reason in words; with `words`, money reads `triệu đồng` rather than `triệu ₫`.
    public static func reason(_ detail: Reason.Detail, _ language: Language, words: Bool = false) -> String {
        let m = { (v: Double) in NumberFormat.moneyProse(v, language, words: words) }
        let n = { (v: Double) in NumberFormat.grouped(v, language) }
        switch detail {
        case let .rule(text): return text(language)
        case let .landTooSmall(need, have): return format(.reasonLandTooSmall, language, n(need), n(have))
        case let .capitalShort(need, have, ceiling):
            return ceiling > 0 ? format(.reasonCapitalShort, language, m(need), m(have), m(ceiling)) : format(.reasonCapitalShortNoLoan, language, m(need), m(have))
        case let .loanNeeded(amount, programme): return format(.reasonLoanNeeded, language, m(amount), programme(language))
        case let .hiredLabour(days, cost): return format(.reasonHiredLabour, language, n(days), m(cost))
        case let .doesNotPay(npv, horizon): return format(.reasonDoesNotPay, language, String(horizon), m(npv))
        case let .capitalUnknown(need): return format(.reasonCapitalUnknown, language, m(need))
        case let .noGain(gain, baseline): return format(.reasonNoGain, language, baseline(language), m(gain))
        case let .belowWage(perDay, wage): return format(.reasonBelowWage, language, m(perDay), m(wage))
        case let .workersShort(need, have): return format(.reasonWorkersShort, language, n(need), n(have))
        case let .starter(scale, unit, model, modelID, growth):
            let amount = NumberFormat.grouped(scale, language) + " " + (unit?(language) ?? "m²")
            return format(.reasonStarter, language, model(language), amount, modelID, growth?(language) ?? "").trimmingCharacters(in: .whitespaces)
        case let .loanLimited(allowed, asked, missed):
            let share = NumberFormat.grouped((missed * 100).rounded(), language) + " %"
            return allowed > 0.5 ? format(.reasonLoanLimited, language, m(allowed), m(asked), share) : format(.reasonLoanRefused, language, m(asked), share)
        case let .tippingPoint(point) where point.kind == .yield:
            let amount = { (v: Double) in NumberFormat.short(v, places: 1, language) }
            let unit = " " + Self.yieldUnit(point.unit, unitName: point.unitName, language)
            return format(point.above ? .reasonTippingYieldAbove : .reasonTippingYieldBelow, language, point.label(language).lowercasedFirst,
                          amount(Self.roughly(point.breakeven)) + unit, amount(point.base) + unit, amount(point.low) + "–" + amount(point.high) + unit)
        case let .tippingPoint(point):
            let price = { (v: Double) in Self.price(v, perUnit: point.perUnit, language) }
            return format(point.above ? .reasonTippingAbove : .reasonTippingBelow, language, point.label(language).lowercasedFirst,
                          price(Self.roughly(point.breakeven)), price(point.base),
                          NumberFormat.grouped(point.low.rounded(), language) + "–" + price(point.high))
        }
    }

    /// A loan's rate and term, and its grace when it has one.
    static func loanTerms(_ loan: LoanSchedule, _ language: Language) -> String {
        format(.loanTerms, language, NumberFormat.short(loan.rate * 100, language) + " %", String(loan.termMonths))
            + (loan.graceYears > 0 ? format(.loanGrace, language, String(loan.graceYears)) : "")
    }

    /// A price in prose: `118.000 ₫/kg`, `60.000 ₫/chục`, per the product unit of its figure.
    static func price(_ vnd: Double, perUnit: String, _ language: Language) -> String {
        let unit: String = switch perUnit {
        case "month": text(.perMonthUnit, language)
        case "nut": text(.perNutUnit, language)
        case "chục", "chuc": text(.perDozenUnit, language)
        default: perUnit
        }
        return NumberFormat.grouped(vnd.rounded(), language) + " ₫/" + unit
    }

    /// A yield's unit as written (`kg/unit/year`, `nut/ha/year`, `t/ha/year`) in the output language, a scale
    /// unit by its name (`kg/breeding doe/year`).
    static func yieldUnit(_ written: String, unitName: LocalizedText?, _ language: Language) -> String {
        written.split(separator: "/").map { atom -> String in
            switch atom {
            case "year": text(.unitYear, language)
            case "t": text(.unitTonne, language)
            case "nut": text(.perNutUnit, language)
            case "m2": "m²"
            case "unit": unitName?(language) ?? text(.unitScale, language)
            default: String(atom)
            }
        }.joined(separator: "/")
    }

    /// A figure to three significant digits, as an officer would say a break-even (118.347 → 118.000).
    static func roughly(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v }
        let step = pow(10, floor(log10(v)) - 2)
        return (v / step).rounded() * step
    }
}
