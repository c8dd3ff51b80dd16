import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `billingsim run` and `billingsim check` on the scenario files in `Fixtures/`:
/// `passing/` (a subfolder, an include and files that are not scenarios), `failing/`
/// (a wrong expectation, a denied statement), `malformed/`, a missing include and a
/// generated population pinned by its digest.
@Suite("billingsim run and check, run as a built binary")
struct ScenarioCommandTests {
    // MARK: - Run

    @Test("A folder whose scenarios all pass exits 0 and reports every file as PASS")
    func passingFolderExitsZero() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("passing")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let report = Self.normalised(result.stdout)
        #expect(report.contains("PASS  Fixtures/passing/a-monthly.scenario  (3 expectations, 0.00 s)"))
        #expect(report.contains("3 scenarios: 3 passed, 0 failed. 9 expectations: 9 passed, 0 failed."))
        #expect(!report.contains("FAIL"))
    }

    @Test("A failed expectation exits 1 and the report shows its file and line, what was expected and what was found")
    func failedExpectationExitsOne() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("failing/expectation.scenario")])
        #expect(result.status == 1)
        let lines = Self.normalised(result.stdout).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "FAIL  Fixtures/failing/expectation.scenario  (3 expectations, 1 failed, 0.00 s)")
        #expect(lines.dropFirst().first == "      Fixtures/failing/expectation.scenario:5:1: expect lonestar invoice 1 total 40.00")
        #expect(lines.dropFirst(2).first == "        total: expected 40.00, found 35.00")
        #expect(result.stdout.contains("1 scenario: 0 passed, 1 failed. 3 expectations: 2 passed, 1 failed."))
    }

    @Test("A statement that fails exits 1, stops its scenario and the report says why it failed")
    func failedStatementExitsOne() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("failing/statement.scenario")])
        #expect(result.status == 1)
        let report = Self.normalised(result.stdout)
        #expect(report.contains("FAIL  Fixtures/failing/statement.scenario  (2 expectations, 1 not run, 0.00 s)"))
        #expect(report.contains("      Fixtures/failing/statement.scenario:7:1: as dev@acme.se: edit payment of acme to \"Card\"\n"))
        #expect(report.contains("        failed: access denied: dev@acme.se may not edit the payment method in company acme\n"))
        #expect(report.contains("2 expectations: 1 passed, 0 failed, 1 not run."))
    }

    @Test("The report of a small run with passing and failing scenarios matches the recorded copy")
    func reportMatchesGolden() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("passing"), Self.fixture("failing")])
        #expect(result.status == 1)
        try Golden.expect(Self.normalised(result.stdout), matches: "run-report.txt")
    }

    @Test(
        "Bad usage of run and check exits 64 with a message and the command's usage",
        arguments: [
            (["run"], "name at least one scenario file or folder", "USAGE: billingsim run"),
            (["run", "--bogus", ScenarioCommandTests.fixture("passing")], "unknown option '--bogus'", "USAGE: billingsim run"),
            (
                ["run", "--seed", "x", ScenarioCommandTests.fixture("passing")], "--seed expects a whole number, got 'x'",
                "USAGE: billingsim run"
            ),
            (
                ["run", "--seed=-1", ScenarioCommandTests.fixture("passing")], "--seed expects a whole number, got '-1'",
                "USAGE: billingsim run"
            ),
            (["run", ScenarioCommandTests.fixture("passing"), "--seed"], "--seed expects a value", "USAGE: billingsim run"),
            (["run", ScenarioCommandTests.fixture("passing"), "--junit"], "--junit expects a value", "USAGE: billingsim run"),
            (["check"], "name at least one scenario file or folder", "USAGE: billingsim check"),
            (["check", "--json", ScenarioCommandTests.fixture("passing")], "unknown option '--json'", "USAGE: billingsim check"),
        ])
    func badUsage(arguments: [String], message: String, usage: String) throws {
        let result = try BillingSimProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: \(message)\n"), "stderr was: \(result.stderr)")
        #expect(result.stderr.contains(usage))
        #expect(result.stdout.isEmpty)
    }

    @Test("A malformed scenario exits 65 with file:line:column, the line, a caret under the column and a hint")
    func malformedExits65() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("malformed/unknown-field.scenario")])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let lines = Self.normalised(result.stderr).split(separator: "\n").map(String.init)
        try #require(lines.count == 5, "stderr was: \(result.stderr)")
        #expect(lines[0] == "Fixtures/malformed/unknown-field.scenario:4:23: error: expected an invoice field, found 'totl'")
        #expect(lines[1] == "expect acme invoice 1 totl 1437.50")
        #expect(lines[2] == String(repeating: " ", count: 22) + "^")
        #expect(lines[3] == "hint: did you mean 'total'?")
        #expect(lines[4] == "1 of 1 scenario file cannot run; nothing was run.")
    }

    @Test("The diagnostics of a folder of malformed files match the recorded copy")
    func malformedDiagnosticsMatchGolden() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("malformed")])
        #expect(result.status == 65)
        try Golden.expect(Self.normalised(result.stderr), matches: "run-malformed.txt")
    }

    @Test("Nothing runs when any file is malformed, even beside files that would pass: no report, no JUnit file")
    func nothingRunsBesideAMalformedFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("junit.xml").path
        let result = try BillingSimProcess.run([
            "run", Self.fixture("passing"), Self.fixture("malformed/typo.scenario"), "--junit", junit,
        ])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("PASS"))
        #expect(result.stderr.contains("malformed/typo.scenario:4:1: error: unknown statement 'expcet'"))
        #expect(result.stderr.hasSuffix("1 of 4 scenario files cannot run; nothing was run.\n"))
        #expect(!FileManager.default.fileExists(atPath: junit))
    }

    @Test(
        "A missing file or folder exits 66 and names it",
        arguments: [
            ["no-such.scenario"], ["no-such-folder"], ["passing", "no-such.scenario"],
        ])
    func missingPathExits66(names: [String]) throws {
        for command in ["run", "check"] {
            let result = try BillingSimProcess.run([command] + names.map { Self.fixture($0) })
            #expect(result.status == 66)
            #expect(result.stdout.isEmpty)
            let missing = try #require(names.last)
            #expect(Self.normalised(result.stderr).contains("error: no such file or folder 'Fixtures/\(missing)'"))
        }
    }

    @Test("A missing include exits 66, pointing at the include line")
    func missingIncludeExits66() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("missing-include.scenario")])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        let lines = Self.normalised(result.stderr).split(separator: "\n").map(String.init)
        #expect(lines.first == "Fixtures/missing-include.scenario:3:9: error: no such file 'Fixtures/no-such-file.inc'")
        #expect(lines.dropFirst().first == "include \"no-such-file.inc\"")
        #expect(lines.dropFirst(2).first == "        ^")
    }

    // MARK: - Reports for machines

    @Test("--json prints one object with the totals and every scenario's result and failures")
    func jsonReport() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("failing"), Self.fixture("passing"), "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect(object["scenarios"] as? Int == 5)
        #expect(object["scenariosPassed"] as? Int == 3)
        #expect(object["scenariosFailed"] as? Int == 2)
        #expect(object["expectations"] as? Int == 14)
        #expect(object["expectationsPassed"] as? Int == 12)
        #expect(object["expectationsFailed"] as? Int == 1)
        #expect(object["expectationsNotRun"] as? Int == 1)
        #expect(object["seconds"] is Double)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(
            results.compactMap { ($0["path"] as? String).map(Self.normalised) } == [
                "Fixtures/failing/expectation.scenario", "Fixtures/failing/statement.scenario",
                "Fixtures/passing/a-monthly.scenario", "Fixtures/passing/b-nested/c-include.scenario",
                "Fixtures/passing/z-last.scenario",
            ])
        #expect(results.map { $0["passed"] as? Bool } == [false, false, true, true, true])

        let failures = try #require(results[0]["failures"] as? [[String: Any]])
        try #require(failures.count == 1)
        #expect((failures[0]["file"] as? String).map(Self.normalised) == "Fixtures/failing/expectation.scenario")
        #expect(failures[0]["line"] as? Int == 5)
        #expect(failures[0]["statement"] as? String == "expect lonestar invoice 1 total 40.00")
        let mismatches = try #require(failures[0]["mismatches"] as? [[String: Any]])
        #expect(mismatches.count == 1)
        #expect(mismatches.first?["what"] as? String == "total")
        #expect(mismatches.first?["expected"] as? String == "40.00")
        #expect(mismatches.first?["actual"] as? String == "35.00")

        let error = try #require(results[1]["error"] as? [String: Any])
        #expect(error["line"] as? Int == 7)
        #expect((error["message"] as? String)?.contains("may not edit the payment method") == true)
        #expect(results[1]["expectationsNotRun"] as? Int == 1)
        #expect((results[2]["failures"] as? [Any])?.isEmpty == true)
    }

    @Test("--junit writes well-formed JUnit XML: one testcase per scenario, a failure for each failing one")
    func junitReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.xml").path
        let result = try BillingSimProcess.run(["run", Self.fixture("passing"), Self.fixture("failing"), "--junit", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("5 scenarios: 3 passed, 2 failed."))
        let reader = JUnitReader()
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(
            reader.testcases.map(Self.normalised) == [
                "Fixtures/passing/a-monthly.scenario", "Fixtures/passing/b-nested/c-include.scenario",
                "Fixtures/passing/z-last.scenario", "Fixtures/failing/expectation.scenario",
                "Fixtures/failing/statement.scenario",
            ])
        #expect(
            reader.failures.keys.map(Self.normalised).sorted() == [
                "Fixtures/failing/expectation.scenario", "Fixtures/failing/statement.scenario",
            ])
        let expectation = reader.failures.first { $0.key.hasSuffix("expectation.scenario") }?.value ?? ""
        #expect(expectation.contains("expectation.scenario:5:1: expect lonestar invoice 1 total 40.00"))
        #expect(expectation.contains("total: expected 40.00, found 35.00"))
        let statement = reader.failures.first { $0.key.hasSuffix("statement.scenario") }?.value ?? ""
        #expect(statement.contains("statement.scenario:7:1: as dev@acme.se: edit payment of acme to \"Card\""))
        #expect(reader.suiteCounts == ["tests": "5", "failures": "2"])
    }

    @Test("--junit to a folder that does not exist exits 73 with a message")
    func junitToMissingFolder() throws {
        let path = "/nonexistent-\(UUID().uuidString)/report.xml"
        let result = try BillingSimProcess.run(["run", Self.fixture("passing"), "--junit", path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("error: cannot write the JUnit report to '\(path)'"))
    }

    // MARK: - Seeds, folders, determinism

    @Test("--seed replaces the scenario's seed: the generated population's digest changes")
    func seedChangesDigest() throws {
        let scenario = Self.fixture("population.scenario")
        let unseeded = try BillingSimProcess.run(["run", scenario])
        #expect(unseeded.status == 0, "report was: \(unseeded.stdout)")
        let sameSeed = try BillingSimProcess.run(["run", scenario, "--seed", "1"])
        #expect(sameSeed.status == 0)
        let other = try BillingSimProcess.run(["run", "--seed", "2", scenario])
        #expect(other.status == 1)
        #expect(other.stdout.contains("population.scenario:7:1: expect digest 2b33a60a"))
        #expect(other.stdout.contains("digest: expected 2b33a60a2f17c36a91ca863bab3b36a4b1ce54692127d6ef8fb66456184004be, found "))
        #expect(!other.stdout.contains("found 2b33a60a"))
        // The count of companies does not depend on the seed.
        #expect(other.stdout.contains("2 expectations: 1 passed, 1 failed."))
    }

    @Test("A folder runs every .scenario file inside it, subfolders too, in name order, and nothing else")
    func folderRunsScenariosInNameOrder() throws {
        let result = try BillingSimProcess.run(["run", Self.fixture("passing")])
        #expect(result.status == 0)
        let listed = Self.normalised(result.stdout).split(separator: "\n").filter { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        #expect(
            listed == [
                "Fixtures/passing/a-monthly.scenario", "Fixtures/passing/b-nested/c-include.scenario",
                "Fixtures/passing/z-last.scenario",
            ])
        // shared/acme-checks.inc would be malformed on its own, and notes.txt is not a scenario.
        #expect(!result.stdout.contains(".inc"))
        #expect(!result.stdout.contains("notes.txt"))
        let alone = try BillingSimProcess.run(["run", Self.fixture("passing/shared")])
        #expect(alone.status == 66)
        #expect(alone.stderr.contains("no .scenario files in"))
    }

    @Test("Running the same folders twice, or pinned to one core, gives the same report once times are normalised")
    func reportsAreDeterministic() throws {
        let arguments = ["run", Self.fixture("failing"), Self.fixture("passing"), Self.fixture("population.scenario")]
        let first = try BillingSimProcess.run(arguments)
        let second = try BillingSimProcess.run(arguments)
        let pinned = try BillingSimProcess.run(arguments, prefix: ["taskset", "-c", "0"])
        #expect(first.status == 1)
        #expect(second.status == 1)
        #expect(pinned.status == 1)
        #expect(first.stdout.contains("6 scenarios: 4 passed, 2 failed."))
        #expect(Self.normalised(first.stdout) == Self.normalised(second.stdout))
        #expect(Self.normalised(first.stdout) == Self.normalised(pinned.stdout))
    }

    @Test("The bundled scenarios all pass, as CI runs them")
    func bundledScenariosPass() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".scenario") }
        try #require(!files.isEmpty)
        let result = try BillingSimProcess.run(["run", scenarios.path])
        #expect(result.status == 0, "report was: \(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        for file in files {
            #expect(lines.contains { $0.hasPrefix("PASS  \(scenarios.path)/\(file)  (") }, "\(file) did not PASS")
        }
        #expect(!result.stdout.contains("FAIL"))
        #expect(result.stdout.contains("\(files.count) scenarios: \(files.count) passed, 0 failed."))
    }

    // MARK: - Check

    @Test("check prints ok with the counts and exits 0 for well-formed files")
    func checkGoodFiles() throws {
        let result = try BillingSimProcess.run(["check", Self.fixture("passing")])
        #expect(result.status == 0)
        #expect(result.stdout == "ok: 3 scenario files, 18 statements, 9 expectations\n")
        #expect(result.stderr.isEmpty)
        let one = try BillingSimProcess.run(["check", Self.fixture("passing/a-monthly.scenario")])
        #expect(one.stdout == "ok: 1 scenario file, 6 statements, 3 expectations\n")
    }

    @Test("check never runs anything: scenarios that would fail are well formed, and no report is printed")
    func checkDoesNotRun() throws {
        let result = try BillingSimProcess.run(["check", Self.fixture("failing"), Self.fixture("population.scenario")])
        #expect(result.status == 0)
        #expect(result.stdout == "ok: 3 scenario files, 18 statements, 7 expectations\n")
        #expect(!result.stdout.contains("PASS"))
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test("check exits 65 for a malformed file and 66 for a missing include, with the same diagnostics as run")
    func checkBadFiles() throws {
        for (fixture, status) in [("malformed", Int32(65)), ("missing-include.scenario", Int32(66))] {
            let checked = try BillingSimProcess.run(["check", Self.fixture(fixture)])
            let ran = try BillingSimProcess.run(["run", Self.fixture(fixture)])
            #expect(checked.status == status)
            #expect(checked.stdout.isEmpty)
            #expect(checked.stderr.contains(": error: "))
            // The same diagnostics; only the closing line differs ("has errors" vs "cannot run").
            #expect(checked.stderr.split(separator: "\n").dropLast() == ran.stderr.split(separator: "\n").dropLast())
            #expect(checked.stderr.hasSuffix("errors.\n"))
            #expect(ran.stderr.hasSuffix("nothing was run.\n"))
        }
    }

    // MARK: - Help

    @Test("Help for run matches the recorded copy, both ways of asking")
    func runHelp() throws {
        let flag = try BillingSimProcess.run(["run", "--help"])
        let command = try BillingSimProcess.run(["help", "run"])
        #expect(flag.status == 0)
        #expect(command.status == 0)
        #expect(flag.stdout == command.stdout)
        try Golden.expect(flag.stdout, matches: "run-help.txt")
    }

    @Test("Help for check matches the recorded copy, both ways of asking")
    func checkHelp() throws {
        let flag = try BillingSimProcess.run(["check", "--help"])
        let short = try BillingSimProcess.run(["check", "-h"])
        let command = try BillingSimProcess.run(["help", "check"])
        #expect(flag.status == 0)
        #expect(flag.stdout == short.stdout)
        #expect(flag.stdout == command.stdout)
        try Golden.expect(flag.stdout, matches: "check-help.txt")
    }

    // MARK: - Helpers

    /// The fixtures folder beside this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The absolute path of a fixture.
    // MARK: - Hardening (issue 12)

    /// A temporary folder, removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("An include bomb is refused at once with exit 65 at the include line")
    func includeBombIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "include \"f1.inc\"\n".write(to: folder.appendingPathComponent("main.scenario"), atomically: true, encoding: .utf8)
        for level in 1..<20 {
            try String(repeating: "include \"f\(level + 1).inc\"\n", count: 4)
                .write(to: folder.appendingPathComponent("f\(level).inc"), atomically: true, encoding: .utf8)
        }
        try "user a@b.se\n".write(to: folder.appendingPathComponent("f20.inc"), atomically: true, encoding: .utf8)
        let started = Date()
        let result = try BillingSimProcess.run(["check", folder.appendingPathComponent("main.scenario").path])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 65)
        #expect(result.stderr.contains("main.scenario:1:9: error: the scenario passes 1000000 statements after includes"))
    }

    @Test("Scenario paths stay in the scenario's folder: no include of /proc, no snapshot outside, no secrets printed")
    func scenarioPathsAreConfined() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try "precious\n".write(to: victim, atomically: true, encoding: .utf8)
        let inner = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let text = "include \"/proc/self/environ\"\ncompany k \"K\" owner a@b.se plan business\nsave snapshot \"../victim.txt\"\n"
        let main = inner.appendingPathComponent("main.scenario")
        try text.write(to: main, atomically: true, encoding: .utf8)
        for command in ["check", "run"] {
            let result = try BillingSimProcess.run([command, main.path], prefix: ["BILLINGSIM_SECRET=hunter2"])
            #expect(result.status == 65)
            #expect(result.stderr.contains("main.scenario:1:9: error: '/proc/self/environ' is outside the scenario's folder"))
            #expect(result.stderr.contains("main.scenario:3:15: error: the snapshot path is outside the scenario's folder"))
            #expect(!result.stderr.contains("hunter2"))
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")

        // --allow-paths widens the folder; the save still never replaces a file it did not write.
        let widened = try BillingSimProcess.run(["run", main.path, "--allow-paths", folder.path + ":/proc"])
        #expect(widened.status == 65)
        #expect(widened.stderr.contains("not a scenario file"))
        #expect(!widened.stderr.contains("PATH="))
        try "company k \"K\" owner a@b.se plan business\nsave snapshot \"../victim.txt\"\n".write(
            to: main, atomically: true, encoding: .utf8)
        let refused = try BillingSimProcess.run(["run", main.path, "--allow-paths", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("not a BillingSim snapshot"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let bad = try BillingSimProcess.run(["run", main.path, "--allow-paths", victim.path])
        #expect(bad.status == 64)
    }

    @Test("check refuses what run refuses: an empty company name")
    func checkRefusesAnEmptyCompanyName() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("k.scenario")
        try "company k2 \"\" owner a@b.se plan business\n".write(to: main, atomically: true, encoding: .utf8)
        let result = try BillingSimProcess.run(["check", main.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("k.scenario:1:12: error: company k2 needs a name"))
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Output with the fixtures folder written as `Fixtures/` and every time as `0.00 s`,
    /// so it reads the same on every machine and every run.
    static func normalised(_ text: String) -> String {
        let relative = text.replacingOccurrences(of: fixtures.path + "/", with: "Fixtures/")
        guard let seconds = try? Regex(#"\d+\.\d\d s"#) else { return relative }
        return relative.replacing(seconds, with: "0.00 s")
    }

    /// A new empty folder under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects what the tests check in a JUnit report: testcase names in order, the text of
/// each one's failure, and the counts on the outer `testsuites`.
private final class JUnitReader: NSObject, XMLParserDelegate {
    var testcases: [String] = []
    var failures: [String: String] = [:]
    var suiteCounts: [String: String] = [:]
    private var inFailure = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "testsuites":
            suiteCounts = attributes.filter { ["tests", "failures"].contains($0.key) }
        case "testcase":
            testcases.append(attributes["name"] ?? "")
        case "failure":
            inFailure = true
            failures[testcases.last ?? ""] = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inFailure, let name = testcases.last else { return }
        failures[name, default: ""] += string
    }
}
