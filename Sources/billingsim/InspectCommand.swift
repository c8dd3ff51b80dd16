import BillingCore
import BillingRuntime
import Foundation

/// `billingsim inspect FILE`: what a snapshot holds, without running it.
enum InspectCommand {
    /// What `inspect` prints.
    struct Report: Codable {
        var file: String
        var seed: UInt64
        var start: String
        var now: String
        var numbering: String
        var companies: Int
        var users: Int
        var invoices: Int
        var emails: Int
        var revenue: [String: String]
        var digest: String
    }

    static func run(_ arguments: [String]) async throws(UsageError) -> Int32 {
        var reader = ArgumentReader(arguments, command: "inspect")
        if reader.wantsHelp() {
            Output.print(Help.inspect)
            return ExitCode.success
        }
        let json = reader.flag("--json")
        let paths = reader.positionals()
        try reader.finish()
        guard paths.count == 1, let path = paths.first else {
            throw UsageError(message: "name exactly one snapshot file to inspect", command: "inspect")
        }
        let simulation: Simulation
        switch SnapshotFiles.load(path) {
        case .success(let restored): simulation = restored
        case .failure(let failure): return failure.code
        }
        let summary = await simulation.summary()
        let report = Report(
            file: path, seed: simulation.seed, start: simulation.start.description, now: (await simulation.now).description,
            numbering: simulation.settings.numbering.rawValue, companies: summary.companies, users: summary.users,
            invoices: summary.invoices, emails: summary.emails,
            revenue: Dictionary(
                uniqueKeysWithValues: summary.revenue.map { ($0.key.code, Money.decimalString(minorUnits: $0.value)) }),
            digest: await simulation.digest())
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Output.print(((try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n")
        } else {
            let revenue = report.revenue.keys.sorted().map { "\(report.revenue[$0] ?? "0") \($0)" }.joined(separator: ", ")
            Output.print(
                """
                Snapshot \(path)
                  simulated time \(report.now) (started \(report.start), seed \(report.seed), \(report.numbering))
                  companies      \(report.companies)
                  users          \(report.users)
                  invoices       \(report.invoices)
                  emails         \(report.emails)
                  revenue        \(revenue.isEmpty ? "none" : revenue)
                  digest         \(report.digest)

                """)
        }
        _ = Unmanaged.passRetained(simulation)
        return ExitCode.success
    }
}
