import Foundation
import Testing

/// `billingsim-bench` end to end, in the debug build the tests have (so with
/// `--allow-debug`, at tiny sizes: nothing here is a timing).
@Suite("billingsim-bench: workloads, their JSON and bad arguments")
struct BenchCommandTests {
    static let requiredKeys = [
        "workload", "companies", "months", "wallSeconds", "companyMonthsPerSecond", "invoicesPerSecond", "emailsPerSecond",
        "peakMemoryBytes", "baselineCompanyMonthsPerSecond", "ratioToBaseline",
    ]

    private func bench(_ arguments: [String]) throws -> BillingSimProcess.Result {
        try BillingSimProcess.run(arguments, program: "billingsim-bench")
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try bench(arguments + ["--json", "--allow-debug"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object)
    }

    @Test("A debug build refuses to report figures without --allow-debug")
    func refusesDebug() throws {
        let result = try bench(["population", "--companies", "10", "--months", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("built in debug"))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "Bad arguments exit 64 with the reason and the usage",
        arguments: [
            (["nonsense"], "unknown workload 'nonsense'"),
            ([], "no workload named"),
            (["population", "--companies", "-5"], "--companies takes a whole number from 0"),
            (["population", "--companies", "ten"], "not 'ten'"),
            (["population", "--runs", "0"], "--runs takes a whole number from 1"),
            (["population", "--months"], "--months needs a value"),
            (["population", "--json", "--json"], "--json given twice"),
            (["interactive", "--colour", "red"], "unknown option '--colour'"),
        ])
    func badArguments(arguments: [String], reason: String) throws {
        let result = try bench(arguments + ["--allow-debug"])
        #expect(result.status == 64)
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(result.stderr.contains("usage: billingsim-bench"))
        #expect(result.stdout.isEmpty)
    }

    @Test("population: every required key; the baseline ran on the same population and agreed")
    func population() throws {
        let object = try json(["population", "--companies", "40", "--months", "3", "--runs", "3"])
        for key in Self.requiredKeys { #expect(object[key] != nil, "\(key) missing") }
        #expect(object["workload"] as? String == "population")
        #expect(object["companies"] as? Int == 40)
        #expect(object["months"] as? Int == 3)
        #expect(object["runs"] as? Int == 3)
        #expect((object["invoices"] as? Int ?? 0) >= 40)
        // The baseline alone bills the same population to the same counts.
        let baseline = try json(["baseline", "--companies", "40", "--months", "3", "--runs", "1"])
        for key in ["users", "invoices", "emails"] { #expect(baseline[key] as? Int == object[key] as? Int, "\(key)") }
        #expect((object["baselineCompanyMonthsPerSecond"] as? Double ?? 0) > 0)
        #expect((object["ratioToBaseline"] as? Double ?? 0) > 0)
        #expect((object["peakMemoryBytes"] as? Int ?? 0) > 0)
        let wall = try #require(object["wallClock"] as? [String: Double])
        #expect(wall["min"]! <= wall["median"]! && wall["median"]! <= wall["max"]!)
        #expect(object["wallSeconds"] as? Double == wall["median"])
    }

    @Test("baseline, fan-out, interactive and scenarios print the required keys; no baseline is null")
    func otherWorkloads() throws {
        let baseline = try json(["baseline", "--companies", "30", "--months", "2", "--runs", "1"])
        let fanOut = try json(["fan-out", "--companies", "30", "--months", "2", "--runs", "1"])
        let interactive = try json([
            "interactive", "--companies", "30", "--months", "1", "--runs", "1", "--callers", "4", "--operations", "200",
        ])
        let scenario = Self.scenarios.appendingPathComponent("01-monthly-plan.scenario").path
        let scenarios = try json(["scenarios", "--scenarios", scenario, "--runs", "2"])
        for object in [baseline, fanOut, interactive, scenarios] {
            for key in Self.requiredKeys { #expect(object.keys.contains(key), "\(key) missing") }
            #expect(object["ratioToBaseline"] is NSNull)
        }
        #expect(baseline["workload"] as? String == "baseline")
        #expect((baseline["invoices"] as? Int ?? 0) >= 30)
        // Everyone opted in and every company has a partner: more emails than invoices.
        #expect((fanOut["emails"] as? Int ?? 0) > (fanOut["invoices"] as? Int ?? 0))
        #expect(interactive["operations"] as? Int == 200)
        let denied = interactive["denied"] as? Int ?? -1
        #expect(denied > 0 && denied < 200)
        #expect((interactive["latencyP50Seconds"] as? Double ?? -1) <= (interactive["latencyP99Seconds"] as? Double ?? -1))
        #expect(scenarios["files"] as? Int == 1)
        #expect((scenarios["expectations"] as? Int ?? 0) > 0)
    }

    @Test("A scenarios path with no files, or a failing scenario, exits 70 and says why")
    func scenariosFailure() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("bench-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try bench(["scenarios", "--scenarios", empty.path, "--runs", "1", "--allow-debug"])
        #expect(none.status == 70)
        #expect(none.stderr.contains("no scenario files"))

        let failing = empty.appendingPathComponent("failing.scenario")
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent("01-monthly-plan.scenario"), encoding: .utf8)
        try (text + "\nexpect akesson invoices 999\n").write(to: failing, atomically: true, encoding: .utf8)
        let failed = try bench(["scenarios", "--scenarios", failing.path, "--runs", "1", "--allow-debug"])
        #expect(failed.status == 70)
        #expect(failed.stderr.contains("did not pass"), "\(failed.stderr)")
    }

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")
}
