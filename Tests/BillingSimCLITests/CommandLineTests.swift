import Foundation
import Testing

@Suite("The billingsim command line, run as a built binary")
struct CommandLineTests {
    @Test("Help for the tool matches the recorded copy")
    func toolHelp() throws {
        let result = try BillingSimProcess.run(["--help"])
        #expect(result.status == 0)
        try Golden.expect(result.stdout, matches: "help.txt")
    }

    @Test("Help for simulate matches the recorded copy, both ways of asking")
    func simulateHelp() throws {
        let flag = try BillingSimProcess.run(["simulate", "--help"])
        let command = try BillingSimProcess.run(["help", "simulate"])
        #expect(flag.status == 0)
        #expect(flag.stdout == command.stdout)
        try Golden.expect(flag.stdout, matches: "simulate-help.txt")
    }

    @Test("Help for resume and inspect matches the recorded copies, both ways of asking", arguments: ["resume", "inspect"])
    func snapshotCommandHelp(command name: String) throws {
        let flag = try BillingSimProcess.run([name, "--help"])
        let command = try BillingSimProcess.run(["help", name])
        #expect(flag.status == 0)
        #expect(flag.stdout == command.stdout)
        try Golden.expect(flag.stdout, matches: "\(name)-help.txt")
    }

    @Test(
        "Bad usage exits 64 with a message saying what is wrong",
        arguments: [
            ([], "USAGE"),
            (["frobnicate"], "unknown command 'frobnicate'"),
            (["simulate", "--months", "x"], "--months expects a whole number"),
            (["simulate", "--companies", "-5"], "--companies expects a whole number from 0"),
            (["simulate", "--companies=-5"], "--companies expects a whole number from 0"),
            (["simulate", "--start", "2026-02-30"], "--start expects a date YYYY-MM-DD that exists"),
            (["simulate", "--start", "2019-12-31"], "--start: 2019-12-31 is before 2020-01-01, the first date of the VAT table"),
            (["simulate", "--numbering", "random"], "--numbering expects per-company or seller-wide"),
            (["simulate", "--seed"], "--seed expects a value"),
            (["simulate", "--bogus"], "unknown option '--bogus'"),
            (["simulate", "stray"], "unexpected argument 'stray'"),
            (["simulate", "--pace-ms", "0"], "--pace-ms expects a positive number"),
            (["simulate", "--exchange-rate", "SEK=1"], "--exchange-rate expects CUR=RATE or CUR=RATE@YYYY-MM-DD"),
            (["simulate", "--exchange-rate", "EUR=11.20@2026-02-30"], "got 'EUR=11.20@2026-02-30'"),
            (["simulate", "--exchange-rate=EUR=0"], "--exchange-rate expects CUR=RATE"),
            (["simulate", "--exchange-rate", "EUR=11.20345"], "at most four decimals"),
            (["simulate", "--exchange-rate", "EUR"], "--exchange-rate expects CUR=RATE"),
            (["help", "nothing"], "no command 'nothing'"),
        ])
    func badUsage(arguments: [String], message: String) throws {
        let result = try BillingSimProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("simulate --json prints one object with every documented key")
    func simulateJSONKeys() throws {
        let object = try BillingSimProcess.simulateJSON(["--companies", "200", "--months", "3"])
        for key in [
            "companies", "users", "invoices", "emails", "digest", "simulatedMonths", "wallSeconds", "peakMemoryBytes",
            "companyMonthsPerSecond", "revenue",
        ] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["companies"] as? Int == 200)
        #expect(object["simulatedMonths"] as? Int == 3)
        #expect((object["invoices"] as? Int ?? 0) >= 200)
        #expect((object["digest"] as? String)?.count == 64)
    }

    @Test("The readable summary names companies, invoices, emails and the digest, and draws no progress off a terminal")
    func simulateText() throws {
        let result = try BillingSimProcess.run(["simulate", "--companies", "50", "--months", "2"])
        #expect(result.status == 0)
        for label in ["companies", "users", "invoices", "emails", "revenue", "wall time", "throughput", "peak memory", "digest"] {
            #expect(result.stdout.contains(label))
        }
        #expect(result.stderr.isEmpty)
    }

    @Test("On a terminal, progress is redrawn in place on stderr; --no-progress silences it")
    func progressOnATerminal() throws {
        // `script` runs the command on a pseudo-terminal, so stderr is a terminal there.
        let binary = try BillingSimProcess.executable.path
        let shown = try BillingSimProcess.runScript("\(binary) simulate --companies 2000 --months 12 > /dev/null")
        #expect(shown.contains("\r\u{1B}[K  simulated 20"))
        #expect(shown.contains("company visits"))
        let silenced = try BillingSimProcess.runScript("\(binary) simulate --companies 2000 --months 12 --no-progress > /dev/null")
        #expect(!silenced.contains("company visits"))
    }

    @Test("The same seed gives the same digest; another seed another digest")
    func determinism() throws {
        let first = try BillingSimProcess.simulateJSON(["--companies", "300", "--months", "6", "--seed", "7"])
        let second = try BillingSimProcess.simulateJSON(["--companies", "300", "--months", "6", "--seed", "7"])
        let other = try BillingSimProcess.simulateJSON(["--companies", "300", "--months", "6", "--seed", "8"])
        #expect(first["digest"] as? String == second["digest"] as? String)
        #expect(first["digest"] as? String != other["digest"] as? String)
    }

    @Test("Real-time pacing changes how long a run takes, not what it produces")
    func pacedRunMatches() throws {
        let arguments = ["--companies", "30", "--months", "1", "--seed", "5"]
        let free = try BillingSimProcess.simulateJSON(arguments)
        let paced = try BillingSimProcess.simulateJSON(arguments + ["--pace-ms", "20"])
        #expect(free["digest"] as? String == paced["digest"] as? String)
        // 31 simulated days at 20 ms a day take at least 0.6 s of wall time.
        #expect((paced["wallSeconds"] as? Double ?? 0) >= 0.6)
    }

    @Test("--start moves the whole world in time and is reported back")
    func startDate() throws {
        let january = try BillingSimProcess.simulateJSON(["--companies", "30", "--months", "2"])
        let june = try BillingSimProcess.simulateJSON(["--companies", "30", "--months", "2", "--start", "2026-06-15"])
        #expect(june["start"] as? String == "2026-06-15")
        #expect(january["start"] as? String == "2026-01-01")
        #expect(january["digest"] as? String != june["digest"] as? String)
    }

    @Test("A run pinned to one CPU gives the same digest as an unpinned run, in both numbering schemes")
    func pinnedToOneCore() throws {
        for numbering in ["per-company", "seller-wide"] {
            let arguments = ["--companies", "400", "--months", "4", "--seed", "3", "--numbering", numbering]
            let free = try BillingSimProcess.simulateJSON(arguments)
            let pinned = try BillingSimProcess.simulateJSON(arguments, prefix: ["taskset", "-c", "0"])
            #expect(free["digest"] as? String == pinned["digest"] as? String)
        }
    }

    @Test("--dump writes the canonical dump, the same bytes on every run")
    func dump() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt").path
        let b = directory.appendingPathComponent("b.txt").path
        #expect(try BillingSimProcess.run(["simulate", "--companies", "20", "--months", "2", "--dump", a]).status == 0)
        #expect(try BillingSimProcess.run(["simulate", "--companies", "20", "--months", "2", "--dump", b]).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(String(decoding: first, as: UTF8.self).contains("invoice "))
    }

    @Test("A dump to a folder that does not exist is refused before the run with 73, naming the folder")
    func dumpToMissingFolder() throws {
        let result = try BillingSimProcess.run(["simulate", "--companies", "5", "--months", "1", "--dump", "/nonexistent/dir/x.txt"])
        #expect(result.status == 73)
        #expect(
            result.stderr.contains("cannot write the dump '/nonexistent/dir/x.txt' (--dump): its folder '/nonexistent/dir' does not exist"))
        #expect(result.stderr.contains("nothing was run"))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "--dump or --snapshot naming something that is not a regular file is refused with 73 before the run, and left as it was",
        arguments: ["--dump", "--snapshot"], OutputKind.allCases)
    func outputThatIsNotAFile(option: String, kind: OutputKind) throws {
        let directory = try OutputKind.Folder()
        defer { directory.remove() }
        guard let path = try kind.make(in: directory) else { return }
        let before = try kind.describe(path)
        // Long enough that a check made only after the run would be noticed in the time.
        let result = try BillingSimProcess.run(["simulate", "--companies", "20", "--months", "1", option, path])
        #expect(result.status == 73, "stderr was: \(result.stderr)")
        #expect(
            result.stderr.contains("cannot write the \(option.dropFirst(2)) '\(path)' (\(option)): \(kind.reason)"),
            "stderr was: \(result.stderr)")
        #expect(result.stderr.contains("nothing was run"))
        #expect(result.stdout.isEmpty)
        #expect(try kind.describe(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == kind.leaves)
    }

    @Test("A --snapshot where no file can be created (here /proc) is refused with 73 before the run")
    func snapshotWhereNothingCanBeCreated() throws {
        let result = try BillingSimProcess.run(["simulate", "--companies", "5", "--months", "1", "--snapshot", "/proc/world.db"])
        #expect(result.status == 73)
        #expect(
            result.stderr.contains("cannot write the snapshot '/proc/world.db' (--snapshot): no file can be created in its folder '/proc'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("An existing regular file named by --dump or --snapshot is replaced, as named output files are")
    func existingFileIsReplaced() throws {
        let directory = try OutputKind.Folder()
        defer { directory.remove() }
        let dump = directory.url.appendingPathComponent("dump.txt").path
        let snapshot = directory.url.appendingPathComponent("world.db").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: dump))
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: snapshot))
        let result = try BillingSimProcess.run(["simulate", "--companies", "5", "--months", "1", "--dump", dump, "--snapshot", snapshot])
        #expect(result.status == 0, "stderr was: \(result.stderr)")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: dump)), as: UTF8.self).hasPrefix("world "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)).prefix(15) == Data("SQLite format 3".utf8))
    }

    @Test("--dump and --snapshot naming the same file is bad usage")
    func dumpAndSnapshotSameFile() throws {
        let result = try BillingSimProcess.run(["simulate", "--dump", "/tmp/same", "--snapshot", "/tmp/same"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--dump and --snapshot name the same file '/tmp/same'"))
    }

    @Test("--companies that cannot fit in this machine's memory is refused at once with 64 and the estimate")
    func companiesBeyondMemory() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let result = try BillingSimProcess.run(["simulate", "--companies", "50000000"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--companies 50000000 for 12 months needs about 445.1 GB of memory"), "stderr was: \(result.stderr)")
        #expect(result.stderr.contains("companies fit for 12 months"))
        #expect(result.stdout.isEmpty)
        #expect(began.duration(to: clock.now) < .seconds(10))
    }

    @Test("The memory check says what fits, and lets through a size that fits")
    func memoryLimitSaysWhatFits() throws {
        let limit = ["BILLINGSIM_MEMORY_LIMIT=100000000"]
        let refused = try BillingSimProcess.run(["simulate", "--companies", "20000", "--months", "12"], prefix: limit)
        #expect(refused.status == 64)
        #expect(
            refused.stderr.contains(
                "--companies 20000 for 12 months needs about 0.2 GB of memory (8900 bytes per company), more than the 0.1 GB "
                    + "this machine has; at most about 3695 companies fit for 12 months"), "stderr was: \(refused.stderr)")
        let fits = try BillingSimProcess.run(["simulate", "--companies", "3695", "--months", "12", "--no-progress"], prefix: limit)
        #expect(fits.status == 0, "stderr was: \(fits.stderr)")
    }
}
