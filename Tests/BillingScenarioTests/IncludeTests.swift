import Foundation
import Testing

@testable import BillingScenario

/// The last two components of a path: `shared/world.inc`.
private func tail(_ path: String) -> String {
    path.split(separator: "/").suffix(2).joined(separator: "/")
}

@Suite("Loader: files and includes")
struct IncludeTests {
    @Test func includedStatementsRunInPlaceAtTheirOwnFilesAndLines() throws {
        let scenario = try ScenarioLoader.load(Paths.fixture("include-main.scenario")).get()
        let places = scenario.statements.map { "\(tail($0.location.file)):\($0.location.line)" }
        #expect(
            places == [
                "Fixtures/include-main.scenario:3",
                "shared/world.inc:2",
                "shared/people.inc:1", "shared/people.inc:2", "shared/people.inc:3", "shared/people.inc:4", "shared/people.inc:5",
                "shared/world.inc:4",
                "Fixtures/include-main.scenario:5", "Fixtures/include-main.scenario:6", "Fixtures/include-main.scenario:7",
                "Fixtures/include-main.scenario:8", "Fixtures/include-main.scenario:9", "Fixtures/include-main.scenario:10",
                "Fixtures/include-main.scenario:11",
            ])
        #expect(scenario.path == Paths.fixture("include-main.scenario"))
    }

    @Test func anIncludedWorldRunsAsIfWrittenInPlace() async throws {
        let scenario = try ScenarioLoader.load(Paths.fixture("include-main.scenario")).get()
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure == nil)
        #expect(result.expectations.count == 6)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.passed)
    }

    @Test func textLoadedAsAFileReadsItsIncludesRelativeToThatFile() throws {
        let text = "start 2026-01-15\ninclude \"shared/world.inc\"\nexpect acme owner anna@acme.se"
        let scenario = try ScenarioLoader.load(text: text, path: Paths.fixture("virtual.scenario")).get()
        #expect(scenario.statements.count == 1 + 1 + 5 + 1 + 1)
        #expect(scenario.statements.last?.location == location(3, 1, file: Paths.fixture("virtual.scenario")))
    }

    @Test func aParseErrorInAnIncludedFileNamesThatFile() throws {
        let all = try #require(ScenarioLoader.load(Paths.fixture("parse-error-in-include.scenario")).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == location(2, 1, file: Paths.fixtures + "/shared/broken.inc"))
        #expect(all[0].message == "unknown statement 'expcet'")
        #expect(all[0].sourceLine == "expcet acme invoices 1")
    }

    @Test func aCheckerErrorInAnIncludedFileNamesThatFile() throws {
        let all = try #require(ScenarioLoader.load(Paths.fixture("check-error-in-include.scenario")).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == location(2, 8, file: Paths.fixtures + "/shared/unknown-company.inc"))
        #expect(all[0].hint == "did you mean 'acme'?")
    }

    @Test func aStatementFailingInAnIncludedFileIsReportedThereAndStopsTheRun() async throws {
        let scenario = try ScenarioLoader.load(Paths.fixture("run-error-in-include.scenario")).get()
        let result = await ScenarioRunner().run(scenario)
        let failure = try #require(result.failure)
        #expect(failure.location == location(3, 1, file: Paths.fixtures + "/shared/denied.inc"))
        #expect(failure.text == "as dev@acme.se: close account of acme")
        #expect(failure.message == "access denied: dev@acme.se may not close the account in company acme")
        // One expectation after it in the include, two in the including file.
        #expect(result.notRun == 3)
        #expect(result.expectations.isEmpty)
    }

    @Test func aFileMayNotIncludeItself() throws {
        let all = try #require(ScenarioLoader.load(Paths.fixture("self-include.scenario")).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == location(2, 9, file: Paths.fixture("self-include.scenario")))
        #expect(all[0].message == "'self-include.scenario' includes itself (through 1 file)")
        #expect(all[0].sourceLine == "include \"self-include.scenario\"")
    }

    @Test func aFileMayNotIncludeItselfThroughAnother() throws {
        let all = try #require(ScenarioLoader.load(Paths.fixture("cycle/a.scenario")).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == location(2, 9, file: Paths.fixtures + "/cycle/b.inc"))
        #expect(all[0].message == "'a.scenario' includes itself (through 2 files)")
    }

    @Test func textMayNotIncludeTheFileItIsLoadedAs() throws {
        let path = Paths.fixture("self-include.scenario")
        let all = try #require(ScenarioLoader.load(text: "include \"self-include.scenario\"", path: path).failure?.all)
        #expect(all.map(\.message) == ["'self-include.scenario' includes itself (through 1 file)"])
    }

    @Test func includesNestAtMost32FilesDeep() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(text.utf8))
        }
        write("main.scenario", "include \"f1.inc\"\n")
        for index in 1...40 { write("f\(index).inc", "user u\(index)x@x.se\ninclude \"f\(index + 1).inc\"\n") }
        write("f41.inc", "user last@x.se\n")
        let all = try #require(ScenarioLoader.load(folder.appendingPathComponent("main.scenario").path).failure?.all)
        #expect(all.count == 1)
        #expect(all.first?.message == "includes nest deeper than 32 files")
        #expect(all.first?.location.file.hasSuffix("/f31.inc") == true)
        #expect(all.first?.location.line == 2)

        // 31 files below the main one are fine.
        write("f31.inc", "user u31x@x.se\n")
        let scenario = try ScenarioLoader.load(folder.appendingPathComponent("main.scenario").path).get()
        #expect(scenario.statements.count == 31)
    }

    @Test func aFileIncludedTwiceRunsTwiceInPlace() throws {
        let text = "start 2026-01-15\ninclude \"shared/world.inc\"\nexpect total companies 1\ninclude \"shared/people.inc\""
        let scenario = try ScenarioLoader.load(text: text, path: Paths.fixture("virtual.scenario")).get()
        let places = scenario.statements.map { "\(tail($0.location.file)):\($0.location.line)" }
        #expect(places.filter { $0 == "shared/people.inc:1" }.count == 2)
        #expect(places[8] == "Fixtures/virtual.scenario:3")
    }

    @Test func aMissingIncludeIsReportedAtTheIncludeAsAMissingFile() throws {
        let diagnostics = try #require(ScenarioLoader.load(Paths.fixture("missing-include.scenario")).failure)
        #expect(diagnostics.isMissingFile)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostics.all[0].location == location(2, 9, file: Paths.fixture("missing-include.scenario")))
        #expect(diagnostics.all[0].message == "no such file '\(Paths.fixtures)/shared/nowhere.inc'")
        #expect(diagnostics.all[0].sourceLine == "include \"shared/nowhere.inc\"")
    }

    @Test func aMissingScenarioFileIsAMissingFile() throws {
        let diagnostics = try #require(ScenarioLoader.load(Paths.fixture("nowhere.scenario")).failure)
        #expect(diagnostics.isMissingFile)
        #expect(diagnostics.all.first?.message == "no such file '\(Paths.fixture("nowhere.scenario"))'")
    }

    @Test func aFolderIsNotAScenarioFile() throws {
        let diagnostics = try #require(ScenarioLoader.load(Paths.fixture("shared")).failure)
        #expect(diagnostics.isMissingFile)
        #expect(diagnostics.all.first?.message == "'\(Paths.fixture("shared"))' is a folder, not a scenario file")
    }

    @Test func aFileThatIsNotUTF8IsRefusedWhereItsFirstBadByteIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.scenario").path
        let bytes = Array("start 2026-01-15\nuser b@x.se \"".utf8) + [0xC5] + Array("sa\"\n".utf8)
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        let diagnostics = try #require(ScenarioLoader.load(file).failure)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostics.all[0].location == location(2, 14, file: file))
        #expect(diagnostics.all[0].message == "the file is not UTF-8 text here")
        #expect(diagnostics.all[0].hint == "save it as UTF-8")
        #expect(!diagnostics.isMissingFile)
    }

    @Test func decodingCountsColumnsInCharactersAcrossLines() {
        let bytes = Array("åäö\nab".utf8) + [0xFF]
        guard case .failure(let diagnostic) = ScenarioLoader.decode(bytes, file: "f") else {
            Issue.record("expected a decoding failure")
            return
        }
        #expect(diagnostic.location == location(2, 3, file: "f"))
    }

    @Test func foldersAreSearchedForScenarioFilesInNameOrder() {
        let (files, missing) = ScenarioLoader.files(in: [Paths.fixtures, Paths.fixture("shared/world.inc"), "/no/such/place"])
        let base = Paths.fixtures + "/"
        #expect(
            files == [
                base + "check-error-in-include.scenario", base + "cycle/a.scenario", base + "include-main.scenario",
                base + "missing-include.scenario", base + "parse-error-in-include.scenario", base + "run-error-in-include.scenario",
                base + "self-include.scenario", Paths.fixture("shared/world.inc"),
            ])
        #expect(missing == ["/no/such/place"])
    }
}

extension Result {
    /// The error, if this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
