import BillingCore
import BillingRuntime
import Foundation

/// What `simulate` reports, as text for people or JSON for machines.
struct SimulateReport: Codable {
    var companies: Int
    var users: Int
    var invoices: Int
    var emails: Int
    /// Sum of invoice totals per currency code, as decimals.
    var revenue: [String: String]
    var digest: String
    var seed: UInt64
    var start: String
    var simulatedMonths: Int
    var wallSeconds: Double
    var peakMemoryBytes: Int
    var companyMonthsPerSecond: Double
    /// The snapshot written at the end, if any, and the seconds it took.
    var snapshot: String?
    var snapshotSeconds: Double?
    /// What `--out` and `--smtp` did, one line each, if asked.
    var documents: [String]?

    /// The report of `simulation` after running `months` from `start` in `wallSeconds`.
    init(_ simulation: Simulation, start: String, months: Int, wallSeconds: Double) async {
        let summary = await simulation.summary()
        companies = summary.companies
        users = summary.users
        invoices = summary.invoices
        emails = summary.emails
        revenue = Dictionary(
            uniqueKeysWithValues: summary.revenue.map { ($0.key.code, Money.decimalString(minorUnits: $0.value)) })
        digest = await simulation.digest()
        seed = simulation.seed
        self.start = start
        simulatedMonths = months
        self.wallSeconds = wallSeconds
        peakMemoryBytes = ResourceUsage.peakResidentBytes()
        companyMonthsPerSecond = wallSeconds > 0 ? Double(summary.companies * months) / wallSeconds : 0
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func text() -> String {
        let revenueText = revenue.keys.sorted().map { "\(revenue[$0] ?? "0") \($0)" }.joined(separator: ", ")
        return """
            BillingSim: \(companies) companies for \(simulatedMonths) month\(simulatedMonths == 1 ? "" : "s") from \(start), seed \(seed)
              companies      \(companies)
              users          \(users)
              invoices       \(invoices)
              emails         \(emails)
              revenue        \(revenueText.isEmpty ? "none" : revenueText)
              wall time      \(String(format: "%.2f", wallSeconds)) s
              throughput     \(Int(companyMonthsPerSecond)) company-months/s
              peak memory    \(String(format: "%.1f", Double(peakMemoryBytes) / 1_048_576)) MiB
              digest         \(digest)
            \(snapshot.map { "  snapshot       \($0) (\(String(format: "%.2f", snapshotSeconds ?? 0)) s)\n" } ?? "")\
            \((documents ?? []).map { "  \($0)\n" }.joined())
            """
    }
}
