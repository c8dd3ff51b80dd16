import BillingCore
import BillingDocuments
import BillingRuntime
import Foundation

/// `billingsim simulate`: generate a population, run it, print a summary.
enum SimulateCommand {
    struct Options {
        var companies = 1000
        var months = 12
        var seed: UInt64 = 1
        var start = CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        var numbering = NumberingScheme.perCompany
        var exchangeRates = ExchangeRates()
        var paceMilliseconds: Double?
        var dumpPath: String?
        var snapshotPath: String?
        var json = false
        var progress = true
        var documents = DocumentOptions()
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options? {
        var reader = ArgumentReader(arguments, command: "simulate")
        if reader.wantsHelp() { return nil }
        var options = Options()
        options.companies = try reader.integer("--companies", in: 0...50_000_000, default: 1000)
        options.months = try reader.integer("--months", in: 0...1200, default: 12)
        if let text = try reader.option("--seed") {
            guard let seed = UInt64(text) else {
                throw UsageError(message: "--seed expects a whole number, got '\(text)'", command: "simulate")
            }
            options.seed = seed
        }
        if let text = try reader.option("--start") {
            guard let date = CivilDate(parsing: text) else {
                throw UsageError(message: "--start expects a date YYYY-MM-DD that exists, got '\(text)'", command: "simulate")
            }
            options.start = date
        }
        if let text = try reader.option("--numbering") {
            guard let scheme = NumberingScheme(rawValue: text) else {
                throw UsageError(message: "--numbering expects per-company or seller-wide, got '\(text)'", command: "simulate")
            }
            options.numbering = scheme
        }
        let rates = try reader.options("--exchange-rate")
        guard rates.count <= 1_000 else {
            throw UsageError(message: "--exchange-rate is given \(rates.count) times; at most 1000", command: "simulate")
        }
        for text in rates {
            guard let (currency, rate, date) = exchangeRate(text, from: options.start) else {
                throw UsageError(
                    message: "--exchange-rate expects CUR=RATE or CUR=RATE@YYYY-MM-DD, CUR EUR or USD and RATE kronor "
                        + "per unit like 11.20 (at most four decimals), got '\(text.prefix(60))'",
                    command: "simulate")
            }
            options.exchangeRates.set(rate, for: currency, from: date)
        }
        if let text = try reader.option("--pace-ms") {
            guard let value = Double(text), value > 0, value < 1_000_000 else {
                throw UsageError(message: "--pace-ms expects a positive number of milliseconds, got '\(text)'", command: "simulate")
            }
            options.paceMilliseconds = value
        }
        options.dumpPath = try reader.option("--dump")
        options.snapshotPath = try reader.option("--snapshot")
        options.documents = try DocumentOptions.parse(&reader)
        options.json = reader.flag("--json")
        options.progress = !reader.flag("--no-progress")
        options.documents.showsProgress = options.progress
        try reader.finish()
        do throws(TaxTableGap) {
            try WorldSettings(numbering: options.numbering).checkTaxes(from: options.start)
        } catch {
            throw UsageError(message: "--start: \(error)", command: "simulate")
        }
        if let dump = options.dumpPath, dump == options.snapshotPath {
            throw UsageError(message: "--dump and --snapshot name the same file '\(dump)'", command: "simulate")
        }
        if let limit = MemoryEstimate.available(),
            let refusal = MemoryEstimate(companies: options.companies, months: options.months).refusal(limit: limit)
        {
            throw UsageError(message: refusal, command: "simulate")
        }
        return options
    }

    /// `EUR=11.20` (from `start`) or `EUR=11.05@2026-02-01`: kronor per unit of EUR or
    /// USD from that day on, as a scenario's `exchange` statement sets it.
    static func exchangeRate(_ text: String, from start: CivilDate) -> (Currency, Int64, CivilDate)? {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let currency = Currency(rawValue: String(parts[0])), currency != .sek else { return nil }
        let value = parts[1].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let rate = ExchangeRates.parseRate(value[0]) else { return nil }
        guard value.count == 2 else { return (currency, rate, start) }
        guard let date = CivilDate(parsing: String(value[1])) else { return nil }
        return (currency, rate, date)
    }

    /// The first of the output files that cannot be written, with the message saying why.
    static func unwritableOutput(_ options: Options) -> String? {
        let files = [("--dump", "the dump", options.dumpPath), ("--snapshot", "the snapshot", options.snapshotPath)]
        return files.lazy.compactMap { option, what, path in
            path.flatMap { OutputFile(option: option, what: what, path: $0).message }
        }.first
    }

    static func run(_ arguments: [String]) async throws -> Int32 {
        guard let options = try parse(arguments) else {
            Output.print(Help.simulate)
            return ExitCode.success
        }
        if let message = unwritableOutput(options) {
            Output.error(message + "\n")
            return ExitCode.cannotCreate
        }
        if options.documents.refusesTarget() { return ExitCode.cannotCreate }
        let clock = ContinuousClock()
        let began = clock.now
        let settings = WorldSettings(numbering: options.numbering, exchangeRates: options.exchangeRates)
        let simulation = try Simulation(seed: options.seed, start: Instant(options.start), settings: settings)
        try await simulation.populate(PopulationSpec(companies: options.companies))
        let progress = ProgressLine(enabled: options.progress)
        await simulation.advance(
            by: .months(options.months), pace: options.paceMilliseconds.map { Pace.dayPer(milliseconds: $0) },
            progress: { progress.update($0) })
        progress.finish()
        let elapsed = began.duration(to: clock.now)
        let wallSeconds = elapsed.inSeconds
        if let path = options.dumpPath {
            let dump = await simulation.canonicalDump()
            do {
                try Data(dump.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Output.error("error: cannot write the dump to \(path): \(error.localizedDescription)\n")
                return ExitCode.cannotCreate
            }
        }
        var report = await SimulateReport(
            simulation, start: options.start.description, months: options.months, wallSeconds: wallSeconds)
        if let path = options.snapshotPath {
            guard let seconds = await SnapshotFiles.save(simulation, to: path) else { return ExitCode.cannotCreate }
            report.snapshot = path
            report.snapshotSeconds = seconds
        }
        let facts = [
            ReportModel.Fact("Command", "simulate"), ReportModel.Fact("Seed", "\(options.seed)"),
            ReportModel.Fact("Start", options.start.description), ReportModel.Fact("Months", "\(options.months)"),
            ReportModel.Fact("Digest", report.digest),
        ]
        let code = await options.documents.publish(simulation, title: "billingsim simulate", facts: facts, into: &report)
        Output.print(options.json ? report.json() : report.text())
        // The process exits next: freeing a large world object by object would take
        // about a second per 100,000 companies, so it is left to the operating system.
        _ = Unmanaged.passRetained(simulation)
        return code
    }
}
