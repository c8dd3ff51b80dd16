import Foundation
import Testing

@testable import BillingScenario

/// A temporary folder of scenario files, removed when the test ends.
struct ScratchFolder: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name`, creating folders on the way.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path(name)
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}

@Suite struct IncludeLimitTests {
    /// `main.scenario` includes f1.inc; each f<i>.inc includes f<i+1>.inc four times; the
    /// last one holds one statement: 4^(levels-1) statements in all.
    static func writeDiamond(_ folder: borrowing ScratchFolder, levels: Int) -> String {
        let main = folder.write("main.scenario", "include \"f1.inc\"\n")
        for level in 1..<levels {
            folder.write("f\(level).inc", String(repeating: "include \"f\(level + 1).inc\"\n", count: 4))
        }
        folder.write("f\(levels).inc", "user a@b.se\n")
        return main
    }

    @Test func anIncludeBombIsRefusedAtOnceAtTheRootIncludeLine() throws {
        let folder = try ScratchFolder()
        let main = Self.writeDiamond(folder, levels: 30)
        let clock = ContinuousClock()
        let started = clock.now
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(clock.now - started < .seconds(5))
        #expect(all.count == 1)
        #expect(all[0].location == SourceLocation(file: main, line: 1, column: 9))
        #expect(all[0].message == "the scenario passes 1000000 statements after includes (each inclusion counts)")
        #expect(all[0].sourceLine == "include \"f1.inc\"")
        #expect(!Diagnostics(all: all).isMissingFile)
    }

    @Test func aDiamondUnderTheCapExpandsInFull() throws {
        let folder = try ScratchFolder()
        let main = Self.writeDiamond(folder, levels: 5)
        let scenario = try ScenarioLoader.load(main).get()
        #expect(scenario.statements.count == 256)
    }

    @Test func theStatementCapCountsEachInclusion() throws {
        let folder = try ScratchFolder()
        let main = Self.writeDiamond(folder, levels: 4)
        let limits = ScenarioLimits(maxStatements: 63)
        let all = try #require(ScenarioLoader.load(main, limits: limits).failure?.all)
        #expect(all.map(\.message) == ["the scenario passes 63 statements after includes (each inclusion counts)"])
        #expect(try ScenarioLoader.load(main, limits: ScenarioLimits(maxStatements: 64)).get().statements.count == 64)
    }

    @Test func theByteCapCountsEachInclusion() throws {
        let folder = try ScratchFolder()
        folder.write("big.inc", "# " + String(repeating: "x", count: 998) + "\n")
        let main = folder.write("main.scenario", "user a@b.se\n" + String(repeating: "include \"big.inc\"\n", count: 5))
        let limits = ScenarioLimits(maxBytes: 4_500)
        let all = try #require(ScenarioLoader.load(main, limits: limits).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == SourceLocation(file: main, line: 6, column: 9))
        #expect(all[0].message == "the scenario passes 4500 bytes of text after includes (each inclusion counts)")
    }

    @Test func aBrokenFileIncludedManyTimesIsReportedOnce() throws {
        let folder = try ScratchFolder()
        folder.write("broken.inc", "expcet x\n")
        let main = folder.write("main.scenario", String(repeating: "include \"broken.inc\"\n", count: 50))
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location.file.hasSuffix("broken.inc"))
    }

    @Test func diagnosticsStopAfterAHundred() throws {
        let all = try problems((1...300).map { "bogus\($0)" }.joined(separator: "\n"))
        #expect(all.count == 101)
        #expect(all.last?.message == "more than 100 errors; the rest are not shown")
    }
}

@Suite struct LongFileTests {
    @Test func aFileOfMoreStatementsThanTheCapIsRefusedAtTheFirstOnePast() throws {
        let text = String(repeating: "# a comment\nuser a@b.se\n", count: 30)
        let all = try #require(
            ScenarioLoader.load(text: text, path: "long.scenario", limits: ScenarioLimits(maxStatements: 20)).failure?.all)
        #expect(all.map(\.message) == ["the scenario passes 20 statements after includes (each inclusion counts)"])
        #expect(all.first?.location.line == 42)
    }
}

@Suite struct IncludeMeasureTests {
    @Test func measuringStopsReadingFilesOnceACapIsPassed() throws {
        // hub.inc includes 40 files of 100 statements each; the cap of 250 is passed at
        // the third, so the loader never reads the rest.
        let folder = try ScratchFolder()
        for index in 1...40 { folder.write("part\(index).inc", String(repeating: "user a@b.se\n", count: 100)) }
        folder.write("hub.inc", (1...40).map { "include \"part\($0).inc\"" }.joined(separator: "\n"))
        let main = folder.write("main.scenario", "include \"hub.inc\"\n")
        let limits = ScenarioLimits(maxStatements: 250)
        var expander = IncludeExpander(sandbox: ScenarioSandbox(scenarioAt: main), limits: limits)
        expander.expand(file: main)
        #expect(expander.diagnostics.map(\.message) == ["the scenario passes 250 statements after includes (each inclusion counts)"])
        #expect(expander.filesRead == 5)
    }
}
