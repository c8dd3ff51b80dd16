import Foundation
import TestProcesses
import Testing

@Suite("Exporting documents from the command line: --out")
struct ExportCommandTests {
    typealias Folder = SnapshotCommandTests.Folder

    /// The repository's root, found from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `Fixtures/check_export.py` on one world's export folder and returns its counts;
    /// records the problems it found as a failure.
    static func check(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Int] {
        let script = root.appendingPathComponent("Tests/BillingSimCLITests/Fixtures/check_export.py").path
        let result = try ChildProcess.run(["python3", script, folder])
        let errors = String(decoding: result.stderr, as: UTF8.self)
        try #require(
            result.status == 0, "check_export.py \(folder) (needs python3, qpdf and poppler-utils; .ci/run installs them):\n\(errors)",
            sourceLocation: sourceLocation)
        let output = result.stdout
        return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Int], sourceLocation: sourceLocation)
    }

    /// Every file under `folder`, by relative path.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(base.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test("simulate --out writes a PDF per invoice and a message per email that outside tools accept")
    func simulateExportPassesOutsideChecks() throws {
        let folder = try Folder()
        let out = folder.path("out")
        let result = try BillingSimProcess.run(["simulate", "--companies", "40", "--months", "4", "--seed", "2", "--out", out, "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let counts = try Self.check(out)
        #expect(counts["pdfs"] == report["invoices"] as? Int)
        #expect(counts["emails"] == report["emails"] as? Int)
        #expect(counts["mbox"] == report["emails"] as? Int)
        #expect((counts["emails"] ?? 0) > 0)
        #expect((report["documents"] as? [String])?.first?.hasPrefix("export: \(out) (") == true)
    }

    @Test("simulate --exchange-rate states Swedish VAT on EUR invoices in SEK at the rate of each invoice's date")
    func simulateExchangeRates() throws {
        let folder = try Folder()
        let out = folder.path("out")
        let result = try BillingSimProcess.run([
            "simulate", "--companies", "30", "--months", "2", "--out", out, "--no-progress",
            "--exchange-rate", "EUR=11.20", "--exchange-rate", "EUR=11.05@2026-02-01",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        var stated: [String: Int] = [:]
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }
        for file in files {
            let text = String(decoding: try ChildProcess.run(["pdftotext", "\(out)/\(file)", "-"]).stdout, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("VAT in SEK") { stated[String(line), default: 0] += 1 }
        }
        // Seed 1 has Swedish companies billed in EUR; January's invoices take the first
        // rate, February's the second, and none lacks a rate.
        #expect(stated["VAT in SEK (EUR 11.2000, 2026-01-01)", default: 0] > 0, "\(stated)")
        #expect(stated["VAT in SEK (EUR 11.0500, 2026-02-01)", default: 0] > 0, "\(stated)")
        #expect(stated.keys.allSatisfy { !$0.contains("no EUR rate") }, "\(stated)")
    }

    @Test("The same simulation exports byte-identical files, on one core or two")
    func exportIsDeterministic() throws {
        let folder = try Folder()
        let world = ["simulate", "--companies", "30", "--months", "3", "--seed", "9", "--numbering", "seller-wide", "--no-progress"]
        #expect(try BillingSimProcess.run(world + ["--out", folder.path("a")]).status == 0)
        #expect(try BillingSimProcess.run(world + ["--out", folder.path("b")], prefix: ["taskset", "-c", "0"]).status == 0)
        let first = try Self.files(folder.path("a"))
        let second = try Self.files(folder.path("b"))
        #expect(first.count > 30)
        #expect(first.keys.sorted() == second.keys.sorted())
        // The marker lists when each file was written, so it alone differs from run to run.
        for (path, data) in first where path != "/.billingsim-export" { #expect(second[path] == data, "\(path) differs") }
        #expect(first["/.billingsim-export"] != nil)
    }

    @Test("run --out writes each scenario's world in its own folder and an index linking them")
    func runExportsEveryScenario() throws {
        let folder = try Folder()
        let out = folder.path("out")
        let scenarios = ["10-taxes-eu-and-abroad", "15-month-end-fan-out", "22-swedish-text"]
        let paths = scenarios.map { Self.root.appendingPathComponent("Scenarios/\($0).scenario").path }
        let result = try BillingSimProcess.run(["run"] + paths + ["--out", out])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("export: \(out) (3 scenarios)"))
        let index = try String(contentsOfFile: folder.path("out/report.html"), encoding: .utf8)
        for name in scenarios {
            #expect(index.contains("\(name)/report.html"))
            let counts = try Self.check(folder.path("out/\(name)"))
            #expect((counts["pdfs"] ?? 0) > 0, "\(name)")
        }
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/report.json")))) as? [String: Any]
        )
        #expect((summary["scenarios"] as? [Any])?.count == 3)
    }

    @Test("An export replaces an earlier export whole, leaving no file of the old one")
    func exportReplacesEarlierExport() throws {
        let folder = try Folder()
        let out = folder.path("out")
        #expect(try BillingSimProcess.run(["simulate", "--companies", "30", "--months", "6", "--out", out, "--no-progress"]).status == 0)
        let larger = try Self.files(out)
        #expect(try BillingSimProcess.run(["simulate", "--companies", "5", "--months", "2", "--out", out, "--no-progress"]).status == 0)
        let smaller = try Self.files(out)
        #expect(smaller.count < larger.count)
        _ = try Self.check(out)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")
    }

    @Test(
        "An export into a folder that is not an earlier export, or into a file, is refused with exit 73 and changes nothing",
        arguments: ["folder with a file", "a file"])
    func exportRefusesForeignTargets(_ kind: String) throws {
        let folder = try Folder()
        let target = folder.path("target")
        if kind == "a file" {
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        } else {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        let result = try BillingSimProcess.run(["simulate", "--companies", "5", "--months", "2", "--out", target, "--no-progress"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is not empty and is not an earlier export"))
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == before)
        let kept = kind == "a file" ? target : target + "/notes.txt"
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "keep me")
    }

    @Test("A bad --smtp address is a usage error", arguments: ["localhost", "localhost:0", "localhost:70000", ":25", "host:port"])
    func badSMTPAddressIsUsageError(_ address: String) throws {
        let result = try BillingSimProcess.run(["simulate", "--companies", "1", "--smtp", address])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--smtp expects HOST:PORT"))
    }
}
