import Foundation
import TestProcesses
import Testing

/// World totals past `Int64.max` as the commands print them (issue 14, bug 6): four
/// companies at the maximum prices, from `Scenarios/28-exact-totals.scenario`, bill
/// 100,050,000,010,000,000.00 EUR in their first two months.
@Suite("Exact world totals from the command line")
struct ExactTotalsCommandTests {
    typealias Folder = SnapshotCommandTests.Folder

    static let scenario = ExportCommandTests.root.appendingPathComponent("Scenarios/28-exact-totals.scenario")

    /// The world total, and January's and February's revenue, in EUR.
    static let total = "100050000010000000.00"
    static let january = "5000000.00"
    static let february = "100050000005000000.00"

    @Test("run --out writes the exact total in report.json and report.html, per month too")
    func exportShowsExactTotals() throws {
        let folder = try Folder()
        let out = folder.path("out")
        let result = try BillingSimProcess.run(["run", Self.scenario.path, "--out", out])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        let world = out + "/28-exact-totals"
        #expect(try ExportCommandTests.check(world)["pdfs"] == 8)

        let data = try Data(contentsOf: URL(fileURLWithPath: world + "/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: String])
        #expect(summary["Revenue EUR"] == Self.total + " EUR")
        let months = try #require(report["months"] as? [[String: Any]])
        #expect(months.map { $0["month"] as? String } == ["2026-01", "2026-02"])
        #expect(months.map { ($0["revenue"] as? [String: String])?["EUR"] } == [Self.january, Self.february])

        let page = try String(contentsOfFile: world + "/report.html", encoding: .utf8)
        #expect(page.contains(Self.total + " EUR"))
        #expect(page.contains("<title>2026-02: 100,050,000,005,000,000.00 EUR</title>"))
        #expect(page.contains("<td class=\"num\">100,050,000,005,000,000.00</td>"))
        #expect(!page.contains("92,233,720,368,547,758.07") && !page.contains("92233720368547758.07"))
    }

    @Test("inspect prints the exact total, and --json carries it as the same decimal string")
    func inspectShowsExactTotals() throws {
        let folder = try Folder()
        // The snapshot refuses an annual price above 1,000,000.00, and a plan's annual
        // price is ten monthly prices unless given: give it, so the world can be saved.
        var text = try String(contentsOf: Self.scenario, encoding: .utf8)
        text = text.replacingOccurrences(of: "monthly 1000000.00 EUR", with: "monthly 1000000.00 EUR annual 1000000.00 EUR")
        try #require(text.contains("annual 1000000.00 EUR"))
        let path = folder.path("28.scenario")
        try (text + "save snapshot \"world.db\"\n").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try BillingSimProcess.run(["run", path])
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")

        let inspected = try BillingSimProcess.run(["inspect", folder.path("world.db")])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        #expect(inspected.stdout.split(separator: "\n").contains("  revenue        \(Self.total) EUR"))
        let object = try SnapshotCommandTests.json(["inspect", folder.path("world.db"), "--json"])
        #expect(object["revenue"] as? [String: String] == ["EUR": Self.total])
    }
}
