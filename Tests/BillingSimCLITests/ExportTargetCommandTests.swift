import Foundation
import TestProcesses
import Testing

/// `--out` end to end: what an export may replace, names that stay distinct, and the
/// leftovers of a killed export.
@Suite("Exporting documents from the command line: what --out may replace")
struct ExportTargetCommandTests {
    typealias Folder = SnapshotCommandTests.Folder

    /// A scenario with two companies whose identifiers are the same once made safe.
    static let collidingIDs = """
        start 2026-01-15
        company a_b-1 "Under AB" owner y@a.se address "S 2" country SE currency SEK plan business monthly
        company a/b "Slash AB" owner x@a.se address "S 1" country SE currency SEK plan business monthly
        advance to 2026-03-20
        expect total invoices 6

        """

    static let small = ["simulate", "--companies", "3", "--months", "2", "--no-progress"]

    /// Every path under `folder`, relative, sorted.
    static func tree(_ folder: String) throws -> [String] { try FileManager.default.subpathsOfDirectory(atPath: folder).sorted() }

    @Test("A folder holding report.json among the user's files is refused with 73 and left as it was", arguments: ["run", "simulate"])
    func folderWithReportJSONIsKept(_ command: String) throws {
        let folder = try Folder()
        let target = folder.path("p")
        try FileManager.default.createDirectory(atPath: target + "/chapters", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: target + "/thesis.txt"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: target + "/report.json"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: target + "/chapters/one.txt"))
        let scenario = ExportCommandTests.root.appendingPathComponent("Scenarios/01-monthly-plan.scenario").path
        let arguments = command == "run" ? ["run", scenario, "--out", target] : Self.small + ["--out", target]
        let result = try BillingSimProcess.run(arguments)
        #expect(result.status == 73, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains("is not an earlier export (it holds 'chapters', which BillingSim did not write)"), "\(result.stderr)")
        #expect(try Self.tree(target) == ["chapters", "chapters/one.txt", "report.json", "thesis.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["p"])
    }

    @Test("--out naming the working folder or a parent is refused with 73, even when it is empty", arguments: [".", "..", "./", "/"])
    func workingFolderIsRefused(_ out: String) throws {
        let folder = try Folder()
        let here = folder.path("here")
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        let result = try BillingSimProcess.run(Self.small + ["--out", out], prefix: ["-C", here])
        #expect(result.status == 73, "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: here))
        #expect(try FileManager.default.contentsOfDirectory(atPath: here).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["here"])
    }

    @Test("--out naming a link to an earlier export is refused with 73; the link and the export stay")
    func linkIsRefused() throws {
        let folder = try Folder()
        #expect(try BillingSimProcess.run(Self.small + ["--out", folder.path("real")]).status == 0)
        let before = try Self.tree(folder.path("real"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("real"))
        for out in [folder.path("link"), folder.path("link") + "/"] {
            let result = try BillingSimProcess.run(Self.small + ["--months", "3", "--out", out])
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("is a symbolic link"))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link")) == folder.path("real"))
        #expect(try Self.tree(folder.path("real")) == before)
    }

    @Test("An earlier export the user added a file to is refused with 73, and the file kept")
    func exportWithUserFileIsKept() throws {
        let folder = try Folder()
        let out = folder.path("out")
        #expect(try BillingSimProcess.run(Self.small + ["--out", out]).status == 0)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/emails/notes.txt"))
        let result = try BillingSimProcess.run(Self.small + ["--months", "3", "--out", out])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("'emails/notes.txt', which BillingSim did not write"), "\(result.stderr)")
        #expect(try String(contentsOfFile: out + "/emails/notes.txt", encoding: .utf8) == "mine")
    }

    @Test("Companies whose identifiers are the same once made safe get their own folders and PDFs")
    func collidingCompanyIDsStayApart() throws {
        let folder = try Folder()
        let scenario = folder.path("ids.scenario")
        try Data(Self.collidingIDs.utf8).write(to: URL(fileURLWithPath: scenario))
        let out = folder.path("out")
        let result = try BillingSimProcess.run(["run", scenario, "--out", out])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        let pdfs = try Self.tree(out + "/ids").filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 6, "\(pdfs)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/ids/report.json"))) as? [String: Any])
        let companies = try #require(report["companies"] as? [[String: Any]])
        let links = companies.flatMap { ($0["invoices"] as? [[String: Any]] ?? []).compactMap { $0["pdf"] as? String } }
        #expect(links.count == 6)
        #expect(Set(links).count == 6, "\(links)")
        #expect(Set(links.map { ($0 as NSString).deletingLastPathComponent }).count == 2, "\(links)")
        #expect(Set(links) == Set(pdfs.map { "invoices/" + $0.dropFirst("invoices/".count) }))
    }

    @Test("A scenario named report.json.scenario exports beside the index, which stays the index")
    func scenarioNamedLikeTheIndex() throws {
        let folder = try Folder()
        let scenario = folder.path("report.json.scenario")
        try FileManager.default.copyItem(
            atPath: ExportCommandTests.root.appendingPathComponent("Scenarios/01-monthly-plan.scenario").path, toPath: scenario)
        let out = folder.path("out")
        let result = try BillingSimProcess.run(["run", scenario, "--out", out])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        let index = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as? [String: Any])
        let row = try #require((index["scenarios"] as? [[String: Any]])?.first)
        let report = try #require(row["report"] as? String)
        #expect(report != "report.json/report.html")
        #expect(FileManager.default.fileExists(atPath: out + "/" + report))
    }

    @Test("A killed export's staging folder is removed by the next export to the same folder")
    func killedExportLeavesNothingBehind() throws {
        let folder = try Folder()
        let out = folder.path("out")
        let process = try ChildProcess([
            try BillingSimProcess.executable.path, "simulate", "--companies", "3000", "--months", "12", "--no-progress", "--out", out,
        ])
        let staging = ".out.partial-\(process.pid)"
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: folder.path(staging + "/emails")), process.isRunning, Date() < deadline {
            usleep(20_000)
        }
        process.kill()
        try process.wait()
        try #require(FileManager.default.fileExists(atPath: folder.path(staging)), "the export ended before it was killed")
        #expect(try BillingSimProcess.run(Self.small + ["--out", out]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out"])
    }
}
