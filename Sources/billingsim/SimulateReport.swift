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

            """
    }
}
