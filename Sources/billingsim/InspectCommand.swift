import BillingCore
import BillingRuntime
import BillingStore
import Foundation

/// `billingsim inspect FILE`: what a snapshot holds, without running it. By default from
/// the snapshot's stored counts and totals (quick at any size); `--verify` restores the
/// world, checking every row, and adds its digest.
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
        /// Only with `--verify`.
        var digest: String?
    }

    static func run(_ arguments: [String]) async throws(UsageError) -> Int32 {
        var reader = ArgumentReader(arguments, command: "inspect")
        if reader.wantsHelp() {
            Output.print(Help.inspect)
            return ExitCode.success
        }
        let json = reader.flag("--json")
        let verify = reader.flag("--verify")
        let paths = reader.positionals()
        try reader.finish()
        guard paths.count == 1, let path = paths.first else {
            throw UsageError(message: "name exactly one snapshot file to inspect", command: "inspect")
        }
        let report: Report
        if verify {
            let simulation: Simulation
            switch SnapshotFiles.load(path) {
            case .success(let restored): simulation = restored
            case .failure(let failure): return failure.code
            }
            let summary = await simulation.summary()
            report = Report(
                file: path, seed: simulation.seed, start: simulation.start.description, now: (await simulation.now).description,
                numbering: simulation.settings.numbering.rawValue, companies: summary.companies, users: summary.users,
                invoices: summary.invoices, emails: summary.emails, revenue: decimals(summary.revenue), digest: await simulation.digest())
            _ = Unmanaged.passRetained(simulation)
        } else {
            let contents: Snapshot.Contents
            do throws(SnapshotError) {
                contents = try Snapshot.contents(of: path)
            } catch {
                Output.error("error: \(error)\n")
                return error.isNoInput ? ExitCode.noInput : ExitCode.dataError
            }
            report = Report(
                file: path, seed: contents.seed, start: contents.start.description, now: contents.now.description,
                numbering: contents.numbering.rawValue, companies: contents.companies, users: contents.users,
                invoices: contents.invoices, emails: contents.emails, revenue: decimals(contents.revenue), digest: nil)
        }
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
                  digest         \(report.digest ?? "not computed: inspect --verify restores the world and computes it")

                """)
        }
        return ExitCode.success
    }

    /// Exact totals by currency code, as decimal strings.
    private static func decimals(_ totals: [Currency: Int128]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: totals.map { ($0.key.code, Money.decimalString(minorUnits: $0.value)) })
    }
}
