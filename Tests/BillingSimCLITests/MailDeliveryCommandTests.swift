import Foundation
import TestProcesses
import Testing

@Suite("Delivering invoice emails from the command line: --smtp")
struct MailDeliveryCommandTests {
    typealias Folder = SnapshotCommandTests.Folder

    /// `Tests/BillingDocumentsTests/Support/smtp_server.py` (aiosmtpd) on a free port,
    /// storing what it accepts as `NNNN.eml` in `store`.
    final class Server {
        let process: ChildProcess
        let port: Int
        let store: String

        /// Starts `script` (`smtp_server.py`, or `hostile_smtp_server.py` with `--mode …`).
        init(store: String, options: [String] = [], script name: String = "smtp_server.py") throws {
            self.store = store
            let script = ExportCommandTests.root.appendingPathComponent("Tests/BillingDocumentsTests/Support/\(name)").path
            process = try ChildProcess(["python3", script, "--store", store] + options, stdin: .pipe, stdout: .pipe)
            let output = try #require(process.output, "smtp_server.py's stdout is not a pipe")
            var line: [UInt8] = []
            while true {
                let byte = output.readData(ofLength: 1)
                guard let first = byte.first, first != 0x0A else { break }
                line.append(first)
            }
            port = try #require(Int(String(decoding: line, as: UTF8.self)), "smtp_server.py did not start: pip install aiosmtpd")
        }

        deinit {
            try? process.input?.close()
            process.kill(SIGTERM)
            _ = try? process.wait(timeout: .seconds(30))
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
        try #require(result.status == 0, "\(result.stdout.suffix(3000))\(result.stderr)")
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

    /// Runs `simulate` with a small world against `server`, capped at 2 GB of address
    /// space so a client that buffers without bound fails fast instead of eating the machine.
    private func simulate(against server: Server, _ extra: [String] = []) throws -> BillingSimProcess.Result {
        try BillingSimProcess.run(
            ["simulate", "--companies", "10", "--months", "2", "--smtp", "127.0.0.1:\(server.port)", "--no-progress", "--json"]
                + extra, prefix: ["prlimit", "--as=2000000000", "--"])
    }

    @Test(
        "A server that floods, babbles or sends a 10 MB line fails every message in bounded time and memory, and the run exits 75",
        arguments: [
            ("endless", "the server sent a reply of more than 100 lines"),
            ("garbage", #"the server sent something that is not an SMTP reply: "HTTP/1.1 400 Bad Request""#),
            ("long-line", "sent a reply line longer than 1000 bytes"),
        ])
    func hostileServersFailEveryMessage(mode: String, reason: String) throws {
        let folder = try Folder()
        let server = try Server(store: folder.path("store"), options: ["--mode", mode], script: "hostile_smtp_server.py")
        let began = ContinuousClock.now

        let result = try simulate(against: server)

        #expect(ContinuousClock.now - began < .seconds(30))
        #expect(result.status == 75, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let emails = try #require(report["emails"] as? Int)
        let lines = report["documents"] as? [String] ?? []
        #expect(lines.first == "mail: 0 delivered, 0 bounced, \(emails) failed")
        #expect(lines.count == emails + 1)
        #expect(lines.dropFirst().first?.contains(reason) == true, "\(lines.dropFirst().first ?? "")")
        #expect(lines.dropFirst().last?.contains("not tried: 3 sessions in a row failed") == true)
    }

    @Test("A bounce full of terminal escapes and a bare CR is printed with them escaped")
    func escapesServerText() throws {
        let folder = try Folder()
        let server = try Server(store: folder.path("store"), options: ["--mode", "nasty-bounce"], script: "hostile_smtp_server.py")
        let result = try BillingSimProcess.run(
            ["simulate", "--companies", "3", "--months", "1", "--smtp", "127.0.0.1:\(server.port)", "--no-progress"])

        #expect(result.status == 0, "bounces are the server's answer: \(result.stderr)")
        let bounces = result.stdout.split(separator: "\n").filter { $0.contains("bounced #") }
        #expect(!bounces.isEmpty)
        for line in bounces {
            #expect(line.hasSuffix(#": 550 5.1.1 \u{1B}[2J\u{1B}[31mgone\rFAKE 250 OK\u{7}\u{202E}"#), "\(line)")
        }
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{7}" || $0 == "\u{202E}" })
    }

    @Test("Delivery progress is drawn on a terminal, unless --no-progress, and never into a pipe")
    func showsProgressOnATerminal() throws {
        let folder = try Folder()
        let server = try Server(store: folder.path("store"))
        let binary = try BillingSimProcess.executable.path
        let arguments = ["simulate", "--companies", "10", "--months", "2", "--smtp", "127.0.0.1:\(server.port)"]
        let command = ([binary] + arguments).joined(separator: " ")

        let shown = try BillingSimProcess.runScript(command + " > /dev/null")
        let silenced = try BillingSimProcess.runScript(command + " --no-progress > /dev/null")
        let piped = try BillingSimProcess.run(arguments)

        let emails = try server.messages().count / 3
        #expect(emails > 0)
        #expect(shown.contains("mail: \(emails)/\(emails) delivered, 0 bounced, 0 failed"), "\(shown)")
        #expect(!silenced.contains("mail: "), "\(silenced)")
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("mail:"))
    }
}
