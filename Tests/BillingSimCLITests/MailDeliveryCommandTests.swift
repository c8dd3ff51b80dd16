import Foundation
import Testing

@Suite("Delivering invoice emails from the command line: --smtp")
struct MailDeliveryCommandTests {
    typealias Folder = SnapshotCommandTests.Folder

    /// `Tests/BillingDocumentsTests/Support/smtp_server.py` (aiosmtpd) on a free port,
    /// storing what it accepts as `NNNN.eml` in `store`.
    final class Server {
        let process = Process()
        let input = Pipe()
        let port: Int
        let store: String

        init(store: String, options: [String] = []) throws {
            self.store = store
            let script = ExportCommandTests.root.appendingPathComponent("Tests/BillingDocumentsTests/Support/smtp_server.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, "--store", store] + options
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            var line: [UInt8] = []
            while true {
                let byte = output.fileHandleForReading.readData(ofLength: 1)
                guard let first = byte.first, first != 0x0A else { break }
                line.append(first)
            }
            port = try #require(Int(String(decoding: line, as: UTF8.self)), "smtp_server.py did not start: pip install aiosmtpd")
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }

        /// The accepted messages' bytes, sorted.
        func messages() throws -> [Data] {
            try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix(".eml") }
                .map { try Data(contentsOf: URL(fileURLWithPath: store + "/" + $0)) }.sorted { $0.lexicographicallyPrecedes($1) }
        }
    }

    @Test("run --smtp delivers every scenario email, byte-identical to the exported .eml, through dropped connections and 4xx replies")
    func deliversEveryMessageOnceThroughFaults() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path("store"), withIntermediateDirectories: true)
        let server = try Server(store: folder.path("store"), options: ["--transient-every", "5", "--drop-every", "4"])
        let scenarios = ["15-month-end-fan-out", "16-partner-accountant"]
        let paths = scenarios.map { ExportCommandTests.root.appendingPathComponent("Scenarios/\($0).scenario").path }
        let result = try BillingSimProcess.run(["run"] + paths + ["--out", folder.path("out"), "--smtp", "127.0.0.1:\(server.port)"])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        var exported: [Data] = []
        for name in scenarios {
            let emails = folder.path("out/\(name)/emails")
            for file in try FileManager.default.contentsOfDirectory(atPath: emails) {
                exported.append(try Data(contentsOf: URL(fileURLWithPath: emails + "/" + file)))
            }
        }
        #expect(exported.count > 10)
        #expect(result.stdout.contains("mail: \(exported.count) delivered, 0 bounced, 0 failed"))
        #expect(try server.messages() == exported.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("With no server listening, simulate --smtp reports every email as failed and exits 75")
    func unreachableServerFailsEveryMessage() throws {
        let result = try BillingSimProcess.run(
            ["simulate", "--companies", "10", "--months", "2", "--smtp", "127.0.0.1:9", "--no-progress", "--json"])
        #expect(result.status == 75)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let emails = try #require(report["emails"] as? Int)
        #expect(emails > 0)
        let lines = report["documents"] as? [String] ?? []
        #expect(lines.first == "mail: 0 delivered, 0 bounced, \(emails) failed")
        #expect(lines.count == emails + 1)
    }
}
