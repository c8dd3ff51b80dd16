import Foundation
import TestProcesses
import Testing

@Suite("Snapshots from the command line: simulate --snapshot, resume, inspect")
struct SnapshotCommandTests {
    /// A folder of its own, removed when the last reference goes.
    final class Folder: Sendable {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-snap-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// Runs `arguments` expecting exit 0 and one JSON object on stdout.
    static func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try BillingSimProcess.run(arguments)
        try #require(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object, "not a JSON object: \(result.stdout)", sourceLocation: sourceLocation)
    }

    // MARK: Continuing

    @Test("Simulating 12 months, saving and resuming 12 more gives the digest of simulating 24 at once")
    func resumeContinuesExactly() throws {
        let folder = try Folder()
        let world = ["--companies", "5000", "--seed", "3"]
        let straight = try Self.json(["simulate"] + world + ["--months", "24", "--json"])
        let firstHalf = try Self.json(["simulate"] + world + ["--months", "12", "--snapshot", folder.path("s.db"), "--json"])
        #expect(firstHalf["snapshot"] as? String == folder.path("s.db"))
        #expect((firstHalf["snapshotSeconds"] as? Double ?? -1) >= 0)
        let secondHalf = try Self.json(["resume", folder.path("s.db"), "--months", "12", "--json"])
        let digest = try #require(straight["digest"] as? String)
        #expect(digest.count == 64)
        #expect(secondHalf["digest"] as? String == digest)
        #expect(firstHalf["digest"] as? String != digest)
        for key in ["companies", "users", "invoices", "emails"] {
            #expect(secondHalf[key] as? Int == straight[key] as? Int, "\(key) differs")
        }
        #expect(secondHalf["revenue"] as? [String: String] == straight["revenue"] as? [String: String])
    }

    @Test(
        "resume --snapshot writes a snapshot that resumes on in turn, in both numbering schemes", arguments: ["per-company", "seller-wide"])
    func resumeChains(numbering: String) throws {
        let folder = try Folder()
        let world = ["--companies", "300", "--seed", "8", "--numbering", numbering, "--start", "2026-03-17"]
        let straight = try Self.json(["simulate"] + world + ["--months", "7", "--json"])
        _ = try Self.json(["simulate"] + world + ["--months", "2", "--snapshot", folder.path("a.db"), "--json"])
        let middle = try Self.json(["resume", folder.path("a.db"), "--months", "3", "--snapshot", folder.path("b.db"), "--json"])
        #expect(middle["snapshot"] as? String == folder.path("b.db"))
        let last = try Self.json(["resume", folder.path("b.db"), "--months", "2", "--json"])
        #expect(last["digest"] as? String == straight["digest"] as? String)
        let inspected = try Self.json(["inspect", folder.path("b.db"), "--verify", "--json"])
        #expect(inspected["numbering"] as? String == numbering)
        #expect(inspected["digest"] as? String == middle["digest"] as? String)
    }

    @Test("resume --out exports the world as the straight run exports it: the same PDFs, emails and mailbox, byte for byte")
    func resumeExports() throws {
        let folder = try Folder()
        let world = ["--companies", "40", "--seed", "2", "--no-progress"]
        _ = try Self.json(["simulate"] + world + ["--months", "4", "--out", folder.path("straight"), "--json"])
        _ = try Self.json(["simulate"] + world + ["--months", "2", "--snapshot", folder.path("s.db"), "--json"])
        let resumed = try Self.json(["resume", folder.path("s.db"), "--months", "2", "--out", folder.path("resumed"), "--json"])
        let counts = try ExportCommandTests.check(folder.path("resumed"))
        #expect(counts["pdfs"] == resumed["invoices"] as? Int)
        #expect(counts["mbox"] == resumed["emails"] as? Int)
        // The report pages name the command and its run time; the documents do not.
        let documents = { (files: [String: Data]) in
            files.filter { $0.key.hasPrefix("/invoices/") || $0.key.hasPrefix("/emails/") || $0.key == "/outbox.mbox" }
        }
        let straight = documents(try ExportCommandTests.files(folder.path("straight")))
        #expect(straight.count > 40)
        #expect(documents(try ExportCommandTests.files(folder.path("resumed"))) == straight)
    }

    @Test("resume --out into a folder BillingSim did not make exits 73 before restoring, and leaves it alone")
    func resumeRefusesForeignExportTarget() throws {
        let folder = try Folder()
        _ = try Self.json(["simulate", "--companies", "20", "--months", "1", "--snapshot", folder.path("s.db"), "--json"])
        let target = folder.path("thesis")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try Data("chapter 1".utf8).write(to: URL(fileURLWithPath: target + "/chapter1.txt"))
        let result = try BillingSimProcess.run(["resume", folder.path("s.db"), "--months", "1", "--out", target])
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["chapter1.txt"])
    }

    @Test("resume --months 0 changes nothing: its digest is the snapshot's")
    func resumeZeroMonths() throws {
        let folder = try Folder()
        let saved = try Self.json(["simulate", "--companies", "100", "--months", "2", "--snapshot", folder.path("s.db"), "--json"])
        let resumed = try Self.json(["resume", folder.path("s.db"), "--months", "0", "--json"])
        #expect(resumed["digest"] as? String == saved["digest"] as? String)
        #expect(resumed["simulatedMonths"] as? Int == 0)
    }

    // MARK: What the commands print

    @Test("resume --json prints the keys simulate --json prints; start is the snapshot's simulated time")
    func resumeJSONKeys() throws {
        let folder = try Folder()
        let plain = try Self.json(["simulate", "--companies", "200", "--months", "3", "--json"])
        let saving = try Self.json(["simulate", "--companies", "200", "--months", "3", "--snapshot", folder.path("s.db"), "--json"])
        let resumed = try Self.json(["resume", folder.path("s.db"), "--months", "2", "--json"])
        let resumedSaving = try Self.json(["resume", folder.path("s.db"), "--months", "2", "--snapshot", folder.path("t.db"), "--json"])
        #expect(Set(resumed.keys) == Set(plain.keys))
        #expect(Set(resumedSaving.keys) == Set(saving.keys))
        #expect(Set(saving.keys) == Set(plain.keys).union(["snapshot", "snapshotSeconds"]))
        #expect(resumed["start"] as? String == "2026-04-01")
        #expect(resumed["simulatedMonths"] as? Int == 2)
        #expect(resumed["companies"] as? Int == 200)
        #expect(resumed["seed"] as? Int == 1)
    }

    @Test("resume prints the readable summary, with the snapshot it wrote")
    func resumeText() throws {
        let folder = try Folder()
        _ = try Self.json(["simulate", "--companies", "50", "--months", "1", "--snapshot", folder.path("s.db"), "--json"])
        let result = try BillingSimProcess.run(["resume", folder.path("s.db"), "--months", "1", "--snapshot", folder.path("t.db")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("BillingSim: 50 companies for 1 month from 2026-02-01, seed 1"))
        for label in ["invoices", "emails", "revenue", "digest", "snapshot       \(folder.path("t.db"))"] {
            #expect(result.stdout.contains(label), "no '\(label)' in \(result.stdout)")
        }
        #expect(result.stderr.isEmpty)
    }

    @Test("inspect prints the simulated time, the counts and the totals, --verify adds the digest; --json says the same as one object")
    func inspect() throws {
        let folder = try Folder()
        let path = folder.path("s.db")
        let saved = try Self.json(
            ["simulate", "--companies", "120", "--months", "2", "--seed", "4", "--numbering", "seller-wide", "--snapshot", path, "--json"])
        let digest = try #require(saved["digest"] as? String)

        let text = try BillingSimProcess.run(["inspect", path])
        #expect(text.status == 0)
        #expect(text.stderr.isEmpty)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Snapshot \(path)")
        #expect(lines.contains("  simulated time 2026-03-01 (started 2026-01-01, seed 4, seller-wide)"))
        #expect(lines.contains("  companies      120"))
        #expect(lines.contains("  users          \(saved["users"] as? Int ?? -1)"))
        #expect(lines.contains("  invoices       \(saved["invoices"] as? Int ?? -1)"))
        #expect(lines.contains("  emails         \(saved["emails"] as? Int ?? -1)"))
        #expect(lines.contains { $0.hasPrefix("  revenue        ") && $0.contains("SEK") })
        #expect(lines.contains("  digest         not computed: inspect --verify restores the world and computes it"))
        let verified = try BillingSimProcess.run(["inspect", path, "--verify"])
        #expect(verified.status == 0)
        let verifiedLines = verified.stdout.split(separator: "\n").map(String.init)
        #expect(verifiedLines.contains("  digest         \(digest)"))
        #expect(verifiedLines.filter { !$0.hasPrefix("  digest") } == lines.filter { !$0.hasPrefix("  digest") })

        #expect(try Self.json(["inspect", path, "--json"])["digest"] == nil)
        let object = try Self.json(["inspect", path, "--verify", "--json"])
        #expect(object["file"] as? String == path)
        #expect(object["now"] as? String == "2026-03-01")
        #expect(object["start"] as? String == "2026-01-01")
        #expect(object["seed"] as? Int == 4)
        #expect(object["numbering"] as? String == "seller-wide")
        for key in ["companies", "users", "invoices", "emails"] {
            #expect(object[key] as? Int == saved[key] as? Int, "\(key) differs")
        }
        #expect(object["revenue"] as? [String: String] == saved["revenue"] as? [String: String])
        #expect(object["digest"] as? String == digest)
    }

    @Test("inspect reads without writing: the snapshot's bytes and its folder stay as they were")
    func inspectChangesNothing() throws {
        let folder = try Folder()
        let path = folder.path("s.db")
        _ = try Self.json(["simulate", "--companies", "40", "--months", "1", "--snapshot", path, "--json"])
        let before = FileManager.default.contents(atPath: path)
        let namesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(try BillingSimProcess.run(["inspect", path]).status == 0)
        #expect(try BillingSimProcess.run(["resume", path, "--months", "1"]).status == 0)
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == namesBefore)
    }

    // MARK: Exit codes

    @Test("A missing snapshot exits 66 with a message naming it", arguments: ["resume", "inspect"])
    func missingFile(command: String) throws {
        let result = try BillingSimProcess.run([command, "/no/such/snapshot.db"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no snapshot file '/no/such/snapshot.db'"), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("A file that is not a snapshot exits 65 with a message naming it", arguments: ["resume", "inspect"])
    func notASnapshot(command: String) throws {
        let folder = try Folder()
        let path = folder.path("notes.txt")
        try Data("not a snapshot\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try BillingSimProcess.run([command, path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'\(path)' is not a snapshot"), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a snapshot\n")
    }

    @Test("A snapshot cut short exits 65 and says it is truncated", arguments: ["resume", "inspect"])
    func truncated(command: String) throws {
        let folder = try Folder()
        let path = folder.path("s.db")
        _ = try Self.json(["simulate", "--companies", "300", "--months", "2", "--snapshot", path, "--json"])
        let whole = try #require(FileManager.default.contents(atPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let result = try BillingSimProcess.run([command, path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is truncated"), "stderr was: \(result.stderr)")
    }

    @Test("A FIFO given as the snapshot exits 66 at once instead of hanging in open()", arguments: ["resume", "inspect"])
    func fifo(command: String) throws {
        let folder = try Folder()
        let path = folder.path("pipe.db")
        #expect(mkfifo(path, 0o600) == 0)
        let result = try BillingSimProcess.run([command, path, "--json"], prefix: ["timeout", "20"])
        #expect(result.status == 66, "stderr was: \(result.stderr)")
        #expect(result.stderr.contains("is not a regular file"), "stderr was: \(result.stderr)")
    }

    /// One UPDATE of a good snapshot that used to trap, loop for millennia or restore a
    /// broken world, and words naming the row the refusal must print.
    static let crafted: [(sql: String, names: String)] = [
        ("UPDATE companies SET balance = -9223372036854775808 WHERE idx = 0", "companies row 0, column balance"),
        ("UPDATE plan_prices SET minor_units = 9223372036854775807", "plan_prices row 1, column minor_units"),
        ("UPDATE companies SET visits = 9223372036854775807 WHERE idx = 3", "companies row 3, column visits"),
        ("UPDATE companies SET period_index = 9223372036854775807 WHERE idx = 0", "companies row 0, column period_index"),
        ("UPDATE world SET value = 9223372036854775807 WHERE key = 'now'", "world.now"),
        (
            "UPDATE world SET value = 253370764800 WHERE key = 'now'; UPDATE world SET value = 253373443200 WHERE key = 'next_month_end'",
            "world.now"
        ),
        ("ALTER TABLE users ADD COLUMN g TEXT GENERATED ALWAYS AS (printf('%.*c', 200000000, 'x')) VIRTUAL", "generated"),
        ("UPDATE companies SET next_sequence = 1", "is not below the series' next number"),
        ("UPDATE invoices SET total = 'lots' WHERE rowid = 2", "invoices row 2, column total"),
        ("UPDATE company_details SET country = 'ZZ' WHERE company = 0", "'ZZ' is not an ISO 3166-1 country"),
    ]

    @Test(
        "A crafted snapshot exits 65 naming the row, in resume and inspect --verify, never a trap or a hang",
        arguments: ["resume", "inspect --verify"], crafted.indices)
    func craftedSnapshot(command: String, index: Int) throws {
        let folder = try Folder()
        let path = folder.path("s.db")
        _ = try Self.json(["simulate", "--companies", "50", "--months", "3", "--seed", "4", "--snapshot", path, "--json"])
        let edit = try ChildProcess.run([
            "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", path,
            Self.crafted[index].sql,
        ])
        try #require(edit.status == 0, "python3 could not edit the snapshot: \(String(decoding: edit.stderr, as: UTF8.self))")
        let words = command.split(separator: " ").map(String.init)
        let result = try BillingSimProcess.run([words[0], path] + words.dropFirst() + ["--json"], prefix: ["timeout", "60"])
        #expect(result.status == 65, "stderr was: \(result.stderr)")
        #expect(result.stderr.contains(Self.crafted[index].names), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("inspect without --verify reads the world and totals tables only: a bad world key is refused, a bad invoice is not read")
    func quickInspectReadsTheHeader() throws {
        let folder = try Folder()
        let path = folder.path("s.db")
        _ = try Self.json(["simulate", "--companies", "50", "--months", "3", "--seed", "4", "--snapshot", path, "--json"])
        func edited(_ sql: String) throws -> String {
            let copy = folder.path("edited-\(UUID().uuidString).db")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let edit = try ChildProcess.run([
                "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", copy,
                sql,
            ])
            try #require(edit.status == 0, "python3 could not edit the snapshot")
            return copy
        }
        let badNow = try edited("UPDATE world SET value = 9223372036854775807 WHERE key = 'now'")
        let quick = try BillingSimProcess.run(["inspect", badNow])
        #expect(quick.status == 65, "stderr was: \(quick.stderr)")
        #expect(quick.stderr.contains("world.now"), "stderr was: \(quick.stderr)")
        let badTotal = try edited("UPDATE invoices SET total = 'lots' WHERE rowid = 2")
        #expect(try BillingSimProcess.run(["inspect", badTotal]).status == 0)
        #expect(try BillingSimProcess.run(["inspect", badTotal, "--verify"]).status == 65)
    }

    @Test(
        "Bad usage of resume and inspect exits 64 with a message saying what is wrong",
        arguments: [
            (["resume"], "name exactly one snapshot file to resume"),
            (["resume", "a.db", "b.db"], "name exactly one snapshot file to resume"),
            (["resume", "a.db", "--months", "x"], "--months expects a whole number from 0 to 1200, got 'x'"),
            (["resume", "a.db", "--months", "-1"], "--months expects a whole number from 0 to 1200"),
            (["resume", "a.db", "--months", "1201"], "--months expects a whole number from 0 to 1200, got '1201'"),
            (["resume", "a.db", "--months"], "--months expects a value"),
            (["resume", "a.db", "--snapshot"], "--snapshot expects a value"),
            (["resume", "a.db", "--seed", "3"], "unknown option '--seed'"),
            (["inspect"], "name exactly one snapshot file to inspect"),
            (["inspect", "a.db", "b.db"], "name exactly one snapshot file to inspect"),
            (["inspect", "a.db", "--months", "2"], "unknown option '--months'"),
            (["simulate", "--snapshot"], "--snapshot expects a value"),
        ])
    func badUsage(arguments: [String], message: String) throws {
        let result = try BillingSimProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stderr.contains("USAGE: billingsim \(arguments[0])"))
        #expect(result.stdout.isEmpty)
    }

    @Test("A snapshot that cannot be written exits 73 with a message naming it")
    func cannotWrite() throws {
        let simulated = try BillingSimProcess.run(
            ["simulate", "--companies", "20", "--months", "1", "--snapshot", "/no/such/folder/x.db"])
        #expect(simulated.status == 73)
        #expect(simulated.stderr.contains("cannot write the snapshot '/no/such/folder/x.db'"), "stderr was: \(simulated.stderr)")

        let folder = try Folder()
        _ = try Self.json(["simulate", "--companies", "20", "--months", "1", "--snapshot", folder.path("s.db"), "--json"])
        let resumed = try BillingSimProcess.run(["resume", folder.path("s.db"), "--months", "1", "--snapshot", "/no/such/folder/x.db"])
        #expect(resumed.status == 73)
        #expect(resumed.stderr.contains("cannot write the snapshot '/no/such/folder/x.db'"), "stderr was: \(resumed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["s.db"])
    }

    // MARK: Help

    @Test("Help for resume and inspect matches the recorded copies, both ways of asking", arguments: ["resume", "inspect"])
    func help(command: String) throws {
        let flag = try BillingSimProcess.run([command, "--help"])
        let short = try BillingSimProcess.run([command, "-h"])
        let topic = try BillingSimProcess.run(["help", command])
        #expect(flag.status == 0)
        #expect(flag.stdout == topic.stdout)
        #expect(flag.stdout == short.stdout)
        try Golden.expect(flag.stdout, matches: "\(command)-help.txt")
    }
}
