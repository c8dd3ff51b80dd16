import Foundation
import Testing

@testable import BillingDocuments

/// When an export may replace a folder, and that it never deletes what it did not write.
@Suite("Export folders: what an export may replace")
struct ExportFolderTests {
    /// A temporary folder removed after the test.
    final class Scratch: Sendable {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ text: String, to name: String) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
    }

    /// Writes a small export to `path` the way ``WorldExport`` does, holding `files`.
    static func export(_ files: [String: String], to path: String) throws {
        let folder = try ExportFolder(path)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let parent = (name as NSString).deletingLastPathComponent
            if !parent.isEmpty { try folder.makeFolder(parent) }
            try folder.write(Array(text.utf8), to: name)
        }
        try folder.commit()
    }

    static let files = ["report.json": "{}", "report.html": "<html/>", "invoices/acme/A-1.pdf": "%PDF", "emails/000001.eml": "m"]

    /// True when `body` throws an `ExportError`.
    static func refuses(_ body: () throws -> Void) -> Bool {
        do { try body() } catch is ExportError { return true } catch { return false }
        return false
    }

    @Test("A folder holding report.json and a file BillingSim did not write is refused")
    func folderWithReportJSONIsNotAnExport() throws {
        let scratch = try Scratch()
        try scratch.write("x", to: "p/thesis.txt")
        try scratch.write("{}", to: "p/report.json")
        try scratch.write("y", to: "p/chapters/one.txt")
        #expect(Self.refuses { try ExportFolder.check(scratch.path("p")) })
        #expect(Self.refuses { _ = try ExportFolder(scratch.path("p")) })
        #expect(try scratch.read("p/thesis.txt") == "x")
        #expect(try scratch.read("p/chapters/one.txt") == "y")
    }

    @Test("A marker larger than any export writes is not read: the folder is refused and kept")
    func hugeMarkerIsRefused() throws {
        let scratch = try Scratch()
        try Self.export(Self.files, to: scratch.path("out"))
        let marker = scratch.path("out/" + ExportManifest.fileName)
        let handle = try #require(FileHandle(forWritingAtPath: marker))
        try handle.truncate(atOffset: UInt64(ExportManifest.maximumBytes) + 1)  // sparse: no disk used
        try handle.close()
        // Refused for the marker's size, before it is read (a read would take a gigabyte).
        #expect(
            throws: ExportError.notAnExportFolder(
                path: scratch.path("out"), reason: "its \(ExportManifest.fileName) is not the marker of a finished export")
        ) {
            try ExportFolder.check(scratch.path("out"))
        }
        #expect(try scratch.read("out/report.json") == "{}")
    }

    @Test("An earlier export is replaced whole, and an export with files deleted from it too")
    func earlierExportIsReplaced() throws {
        let scratch = try Scratch()
        try Self.export(Self.files, to: scratch.path("out"))
        try ExportFolder.check(scratch.path("out"))
        try FileManager.default.removeItem(atPath: scratch.path("out/emails/000001.eml"))
        try Self.export(["report.json": "{\"second\": 1}"], to: scratch.path("out"))
        #expect(try scratch.read("out/report.json") == "{\"second\": 1}")
        #expect(!scratch.exists("out/invoices"))
        #expect(try scratch.names() == ["out"])
    }

    @Test(
        "An earlier export with something added or changed is refused and kept as it is",
        arguments: ["a file added", "a folder added", "a file changed", "a link added", "a folder made a link"])
    func changedExportIsRefused(_ change: String) throws {
        let scratch = try Scratch()
        let out = scratch.path("out")
        try Self.export(Self.files, to: out)
        switch change {
        case "a file added": try scratch.write("mine", to: "out/invoices/acme/notes.txt")
        case "a folder added": try FileManager.default.createDirectory(atPath: out + "/mine", withIntermediateDirectories: false)
        case "a file changed": try scratch.write("%PDF edited by hand", to: "out/invoices/acme/A-1.pdf")
        case "a link added": try FileManager.default.createSymbolicLink(atPath: out + "/home", withDestinationPath: scratch.url.path)
        default:
            try FileManager.default.removeItem(atPath: out + "/emails")
            try FileManager.default.createSymbolicLink(atPath: out + "/emails", withDestinationPath: scratch.url.path)
        }
        let before = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        #expect(Self.refuses { try ExportFolder.check(out) })
        #expect(Self.refuses { try Self.export(["report.json": "{}"], to: out) })
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out).sorted() == before)
        #expect(try scratch.read("out/report.html") == "<html/>")
        #expect(try scratch.names() == ["out"])
    }

    @Test("A link given as the target is refused, whether it points to an export or not")
    func linkTargetIsRefused() throws {
        let scratch = try Scratch()
        try Self.export(Self.files, to: scratch.path("real"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: scratch.path("real"))
        #expect(Self.refuses { try ExportFolder.check(scratch.path("link")) })
        #expect(Self.refuses { try ExportFolder.check(scratch.path("link") + "/") })
        #expect(Self.refuses { try Self.export(["report.json": "{}"], to: scratch.path("link")) })
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link"))
        #expect(destination == scratch.path("real"))
        #expect(try scratch.read("real/report.html") == "<html/>")
    }

    @Test("The working folder and its parents are never replaced, even when empty")
    func workingFolderIsNeverReplaced() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("here/deeper"), withIntermediateDirectories: true)
        let here = scratch.path("here/deeper")
        for path in [here, here + "/.", here + "/..", scratch.url.path, "/"] {
            #expect(throws: ExportError.workingFolder(path: path)) {
                _ = try ExportTarget.inspect(path, workingFolder: here)
            }
        }
        #expect(try ExportTarget.inspect(scratch.path("elsewhere"), workingFolder: here) == .absent)
    }

    @Test("A file put into an earlier export after the check is found at the swap, and kept")
    func changeBeforeCommitIsCaught() throws {
        let scratch = try Scratch()
        try Self.export(Self.files, to: scratch.path("out"))
        let folder = try ExportFolder(scratch.path("out"))
        try folder.write(Array("new".utf8), to: "report.json")
        try scratch.write("mine", to: "out/thesis.txt")
        #expect(Self.refuses { try folder.commit() })
        folder.discard()
        #expect(try scratch.read("out/thesis.txt") == "mine")
        #expect(try scratch.read("out/report.json") == "{}")
        #expect(try scratch.names() == ["out"])
    }

    @Test("A folder that appears at the target during an export is found at the swap, and kept")
    func folderAppearingBeforeCommitIsKept() throws {
        let scratch = try Scratch()
        let folder = try ExportFolder(scratch.path("out"))
        try folder.write(Array("new".utf8), to: "report.json")
        try scratch.write("mine", to: "out/report.json")
        #expect(Self.refuses { try folder.commit() })
        folder.discard()
        #expect(try scratch.read("out/report.json") == "mine")
        #expect(try scratch.names() == ["out"])
    }
}
