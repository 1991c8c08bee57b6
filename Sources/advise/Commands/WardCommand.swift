import AdviseKit
import ArgumentParser
import Foundation

/// `advise ward REGISTER`: the ward's register against its targets — three scenarios by year, the
/// allocation of its loan capital and support funds, and the visit list.
struct WardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ward",
        abstract: "Plan a ward's register: poverty and near-poor rates and income per person by year (unchanged, own means, with the ward's resources), who gets which loan or support, and whom to visit first.",
        discussion: """
        The register is a CSV or .xlsx list with the columns of `advise batch` (the category in loan-category) and \
        income (VND a year) or income-per-member (VND a month), and deprivations (0–12). Exit codes: 0 planned; \
        2 some rows could not be read (listed); 64 a bad header or flag; 65 an invalid rule set; 66 the register \
        cannot be read; 74 the output cannot be written.
        """
    )

    @Argument(help: ArgumentHelp("The register: a CSV file, a workbook (.xlsx), or - for standard input.", valueName: "register"))
    var register: String

    @Option(help: ArgumentHelp("The ward's resources as a YAML file (loan_capital by programme, support {budget, each}, years); flags add to it.", valueName: "file"))
    var resources: String?

    @Option(name: .customLong("loan-capital"), help: ArgumentHelp("Preferential loan capital the ward can lend, by programme: vbsp-poor=2ty (repeatable).", valueName: "programme=money"))
    var loanCapital: [String] = []

    @Option(help: ArgumentHelp("Livelihood-support funds to share out: 300tr.", valueName: "money"))
    var support: String?

    @Option(name: .customLong("support-each"), help: ArgumentHelp("The support grant each chosen household receives: 10tr.", valueName: "money"))
    var supportEach: String?

    @Option(help: ArgumentHelp("Places the ward can give in a model, its investment paid (a vocational course, a cooperative's net-house slot): vocational-training-job=20 (repeatable).", valueName: "model=n"))
    var places: [String] = []

    @Option(name: .customLong("market-limit"), help: ArgumentHelp("The new scale a model's market takes, in the model's scale (does of goats, m² of a net-house): goat-raising=100 (repeatable; the rule set's market_limits by default).", valueName: "model=n"))
    var marketLimit: [String] = []

    @Option(help: ArgumentHelp("Years to project after this one (default 5, or the resources file's).", valueName: "n"))
    var years = 5

    @Option(help: "Output format: text, json, csv (the visit list; -o x.xlsx writes it as a workbook), html (the one-page ward report).")
    var format: WardFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Output language (default: the rule set's).")
    var lang: Language?

    @Option(help: ArgumentHelp("The sheet of a workbook (.xlsx) to read (default: the first).", valueName: "name"))
    var sheet: String?

    @OptionGroup(title: "The odds") var oddsFlags: OddsFlags
    @OptionGroup var ruleSetOptions: RuleSetOptions

    enum WardFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    func validate() throws {
        guard (1...20).contains(years) else { throw ValidationError(Catalogue.format(.wholeOutOfRange, Console.language, "--years", "1", "20")) }
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOverwriting(output, inputs: [register] + (resources.map { [$0] } ?? []) + ruleSetOptions.overrides)
        let ruleSet = try Console.loadRules(ruleSetOptions)
        let resources = try self.resources(ruleSet)
        let (reader, _) = try ListFile.open(register, sheet: sheet, ruleSet: ruleSet)
        var text = ""
        do {
            while let block = try reader.next() { text += String(decoding: block, as: UTF8.self) }
        } catch let failure as ChunkReader.ReadFailure {
            Console.printError("advise: " + Catalogue.format(.fileCannotRead, Console.language, Catalogue.text(.fileInput, Console.language), register,
                                                             failure.reason(Console.language)))
            throw ExitCode(Console.noInput)
        } catch let diagnostic as Diagnostic {
            Console.printError("advise: \(register): \(diagnostic.message(in: Console.language)) [\(diagnostic.code)]")
            throw ExitCode(Console.usage)
        }
        let records = BatchRecord.records(of: text, quoted: true, firstLine: 1)
        guard let headerRecord = records.first else {
            Console.printError("advise: \(register): " + Catalogue.text(.batchHeaderLine, Console.language))
            throw ExitCode(Console.usage)
        }
        let header = headerRecord.text.hasPrefix("\u{FEFF}") ? headerRecord.text.dropFirst() : headerRecord.text
        let delimiter = CSVLine.delimiter(ofHeader: header)
        let evaluator = Console.evaluator(ruleSet)
        let table: WardRegister
        do {
            let names = (try? CSVLine.fields(header, delimiter: delimiter).get().map(String.init)) ?? []
            table = try WardRegister(header: names, delimiter: delimiter, settings: ruleSet.settings)
        } catch {
            Console.printError("advise: \(register): \(error.message(in: Console.language)) [\(error.code)]")
            throw ExitCode(Console.usage)
        }
        let (households, errors) = table.households(Array(records.dropFirst()), parser: HouseholdParser(settings: ruleSet.settings), evaluator: evaluator)
        let planner = WardPlanner(ruleSet: ruleSet, resources: resources, odds: oddsFlags.options, year: Console.year ?? evaluator.year)
        let report = planner.plan(households, errors: errors)
        let renderer = WardRenderer(report, settings: ruleSet.settings, language: lang ?? ruleSet.settings.language)
        let out = switch format {
        case .text: renderer.text()
        case .json: renderer.json()
        case .csv: renderer.csv()
        case .html: WardHTMLRenderer(renderer, date: Console.today).render()
        }
        if output?.lowercased().hasSuffix(".xlsx") == true {
            // The visit list as a workbook: the CSV's rows, numbers as numbers.
            try Console.emitWorkbook(renderer.csv(), name: "advise ward", to: output)
        } else {
            try Console.emit(out, to: output)
        }
        if !errors.isEmpty { throw ExitCode(Console.rowsFailed) }
    }

    /// The ward's resources: the file's, then the flags (a programme must be one of the rule set's).
    private func resources(_ ruleSet: RuleSet) throws -> WardResources {
        var base = WardResources(years: years, marketLimits: WardResources.marketLimits(ruleSet.settings))
        if let path = resources {
            do {
                base = try WardResourcesFile.load(path: path, ruleSet: ruleSet)
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.loading(error.diagnostics).rawValue)
            }
        }
        var capital = base.loanCapital
        let programmes = ruleSet.settings.loanProgrammes.map(\.id)
        /// `KEY=VALUE`, the key one of `keys`; nil when it is not.
        func pair(_ entry: String, keys: [String]) -> (key: String, value: String)? {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && keys.contains(parts[0]) ? (parts[0], parts[1]) : nil
        }
        for entry in loanCapital {
            guard let (id, text) = pair(entry, keys: programmes), case let .success(amount) = QuantityParser.money(text) else {
                throw ValidationError(Catalogue.format(.wardBadLoanCapital, Console.language, entry, programmes.joined(separator: ", ")))
            }
            capital[id, default: 0] += amount
        }
        var places = base.places
        let models = ruleSet.models.map(\.id)
        for entry in self.places {
            guard let (model, text) = pair(entry, keys: models), let count = Int(text), (0...100_000).contains(count) else {
                throw ValidationError(Catalogue.format(.wardBadPlaces, Console.language, entry, models.joined(separator: ", ")))
            }
            places[model, default: 0] += count
        }
        var limits = base.marketLimits
        for entry in marketLimit {
            guard let (model, text) = pair(entry, keys: models), let value = Double(text), (0...1e9).contains(value) else {
                throw ValidationError(Catalogue.format(.wardBadMarketLimit, Console.language, entry, models.joined(separator: ", ")))
            }
            limits[model] = value
        }
        func money(_ text: String?, _ flag: String) throws -> Double {
            guard let text else { return 0 }
            switch QuantityParser.money(text) {
            case let .success(v): return v
            case let .failure(p): throw ValidationError("\(flag): " + p.text(Console.language))
            }
        }
        return WardResources(loanCapital: capital, supportBudget: support == nil ? base.supportBudget : try money(support, "--support"),
                             supportEach: supportEach == nil ? base.supportEach : try money(supportEach, "--support-each"), places: places,
                             years: resources != nil && years == 5 ? base.years : years, marketLimits: limits)
    }
}
