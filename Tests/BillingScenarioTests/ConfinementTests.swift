import BillingStore
import Foundation
import Testing

@testable import BillingScenario

@Suite struct ConfinementTests {
    @Test(arguments: ["/proc/self/environ", "../outside.inc", "/etc/passwd"])
    func anIncludeOutsideTheFolderIsRefusedWithoutReadingIt(target: String) throws {
        let folder = try ScratchFolder()
        let main = folder.write("in/main.scenario", "include \"\(target)\"\n")
        folder.write("outside.inc", "user secret@x.se\n")
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == SourceLocation(file: main, line: 1, column: 9))
        #expect(all[0].message.hasPrefix("'\(target)' is outside the scenario's folder"))
        #expect(!all.description.contains("secret"))
    }

    @Test func aSymlinkInsideTheFolderCannotReachOutside() throws {
        let folder = try ScratchFolder()
        folder.write("secret.inc", "user secret@x.se\n")
        let main = folder.write("in/main.scenario", "include \"link.inc\"\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/link.inc"), withDestinationPath: folder.path("secret.inc"))
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(all.map(\.message) == ["'link.inc' is outside the scenario's folder '\(ScenarioSandbox.resolve(folder.path("in")) ?? "")'"])
    }

    @Test func aWiderSandboxLetsAnIncludeReachItsFolders() throws {
        let folder = try ScratchFolder()
        folder.write("shared/people.inc", "user a@x.se\n")
        let main = folder.write("in/main.scenario", "include \"../shared/people.inc\"\n")
        #expect(ScenarioLoader.load(main).failure != nil)
        let sandbox = ScenarioSandbox(folders: [folder.path("in"), folder.path("shared")])
        #expect(try ScenarioLoader.load(main, sandbox: sandbox).get().statements.count == 1)
    }

    @Test(arguments: ["notes.txt", "data.db", "fifo.inc"])
    func onlyRegularScenarioFilesAreIncludedAndTheirLinesNeverPrinted(name: String) throws {
        let folder = try ScratchFolder()
        if name.hasPrefix("fifo") {
            #expect(mkfifo(folder.path(name), 0o600) == 0)
        } else {
            folder.write(name, "TOKEN=hunter2\n")
        }
        let main = folder.write("main.scenario", "include \"\(name)\"\n")
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(all.count == 1)
        #expect(all[0].location == SourceLocation(file: main, line: 1, column: 9))
        #expect(!Diagnostics(all: all).description.contains("hunter2"))
        #expect(all[0].message.contains("not a scenario file") || all[0].message.contains("not a regular file"))
    }

    @Test(arguments: ["/tmp/x.db", "../x.db", "a/../../x.db", "sub/../../../x.db"])
    func snapshotPathsOutsideTheFolderAreRefusedAtTheirColumn(path: String) throws {
        let folder = try ScratchFolder()
        for statement in ["save", "restore"] {
            let text = "start 2026-01-01\nuser a@x.se\n\(statement) snapshot \"\(path)\"\n"
            let main = folder.write("in/main.scenario", text)
            let all = try #require(ScenarioLoader.load(main).failure?.all)
            #expect(all.count == 1)
            #expect(all[0].location == SourceLocation(file: main, line: 3, column: statement.count + 11))
            #expect(all[0].message.hasPrefix("the snapshot path is outside the scenario's folder"))
        }
    }

    @Test func aSnapshotAfterOnIsConfinedToo() throws {
        let folder = try ScratchFolder()
        let main = folder.write("main.scenario", "company k \"K\" owner a@x.se plan business\non 2026-02-01: save snapshot \"/tmp/y.db\"\n")
        let all = try #require(ScenarioLoader.load(main).failure?.all)
        #expect(all.map(\.location.column) == [30])
    }

    @Test func aSaveNeverReplacesAFileBillingSimDidNotWrite() async throws {
        let folder = try ScratchFolder()
        folder.write("thesis.db", "my thesis\n")
        let main = folder.write("main.scenario", "company k \"K\" owner a@x.se plan business\nsave snapshot \"thesis.db\"\n")
        let scenario = try ScenarioLoader.load(main).get()
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure?.message.contains("not a BillingSim snapshot") == true)
        #expect(try String(contentsOfFile: folder.path("thesis.db"), encoding: .utf8) == "my thesis\n")
    }

    @Test func aSaveReplacesAnEarlierSnapshotAndCreatesFoldersInside() async throws {
        let folder = try ScratchFolder()
        let text =
            "company k \"K\" owner a@x.se plan business\nsave snapshot \"s/a.db\"\nsave snapshot \"s/a.db\"\nrestore snapshot \"s/a.db\"\n"
        let scenario = try ScenarioLoader.load(folder.write("main.scenario", text)).get()
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure == nil)
        #expect(Snapshot.isSnapshot(atPath: folder.path("s/a.db")))
    }

    @Test func aSymlinkPlantedAfterTheCheckIsRefusedWhenTheSaveRuns() async throws {
        let folder = try ScratchFolder()
        let outside = try ScratchFolder()
        let main = folder.write("main.scenario", "company k \"K\" owner a@x.se plan business\nsave snapshot \"out/a.db\"\n")
        let scenario = try ScenarioLoader.load(main).get()
        try FileManager.default.createSymbolicLink(atPath: folder.path("out"), withDestinationPath: outside.url.path)
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure?.message.contains("is outside the scenario's folder") == true)
        #expect(!FileManager.default.fileExists(atPath: outside.path("a.db")))
    }

    @Test func aFIFOIsNotRestored() async throws {
        let folder = try ScratchFolder()
        #expect(mkfifo(folder.path("pipe.db"), 0o600) == 0)
        let main = folder.write("main.scenario", "company k \"K\" owner a@x.se plan business\nrestore snapshot \"pipe.db\"\n")
        let scenario = try ScenarioLoader.load(main).get()
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure?.message.contains("not a regular file") == true)
    }
}
