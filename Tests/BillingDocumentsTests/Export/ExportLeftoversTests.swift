import Foundation
import TestProcesses
import Testing

@testable import BillingDocuments

/// Staging folders of killed exports are cleaned up, and nothing else is.
@Suite("Export folders: leftovers of killed exports")
struct ExportLeftoversTests {
    typealias Scratch = ExportFolderTests.Scratch

    @Test("A staging folder of a process that is gone is removed by the next export to the same folder")
    func abandonedStagingIsRemoved() throws {
        let scratch = try Scratch()
        let pid = try ChildProcess.deadPID()
        try scratch.write("billingsim export staging\n", to: ".out.partial-\(pid)/.billingsim-export")
        try scratch.write("%PDF", to: ".out.partial-\(pid)/invoices/acme/A-1.pdf")
        try ExportFolderTests.export(["report.json": "{}"], to: scratch.path("out"))
        #expect(try scratch.names() == ["out"])
    }

    @Test("An earlier export set aside by a process that is gone is removed, entry by entry")
    func abandonedOldExportIsRemoved() throws {
        let scratch = try Scratch()
        let pid = try ChildProcess.deadPID()
        try ExportFolderTests.export(ExportFolderTests.files, to: scratch.path("set-aside"))
        try FileManager.default.moveItem(atPath: scratch.path("set-aside"), toPath: scratch.path(".out.old-\(pid)"))
        try ExportFolderTests.export(["report.json": "{}"], to: scratch.path("out"))
        #expect(try scratch.names() == ["out"])
    }

    @Test(
        "Folders that only look like leftovers are kept: no marker, a live process, another target",
        arguments: ["no marker", "live process", "other target"])
    func lookalikesAreKept(_ kind: String) throws {
        let scratch = try Scratch()
        let dead = try ChildProcess.deadPID()
        let name =
            switch kind {
            case "live process": ".out.partial-\(getppid())"
            case "other target": ".other.partial-\(dead)"
            default: ".out.partial-\(dead)"
            }
        if kind != "no marker" { try scratch.write("billingsim export staging\n", to: "\(name)/.billingsim-export") }
        try scratch.write("mine", to: "\(name)/thesis.txt")
        try ExportFolderTests.export(["report.json": "{}"], to: scratch.path("out"))
        #expect(try scratch.read("\(name)/thesis.txt") == "mine")
        #expect(try scratch.names() == [name, "out"].sorted())
    }
}
