import BillingCore
import BillingRuntime
import BillingStore
import Foundation
import TestProcesses
import Testing

/// The built `billingsim` binary, found as Tests/BillingSimCLITests/BillingSimProcess.swift
/// finds it: beside the test bundle in the build folder. This target does not depend on
/// the executable, so `swift build --build-tests` must have built it.
enum BuiltBinary {
    static var url: URL? {
        let candidates =
            [
                Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("billingsim") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }

    /// Starts `binary arguments…` with its output discarded.
    static func start(_ binary: URL, _ arguments: [String]) throws -> ChildProcess {
        try ChildProcess([binary.path] + arguments)
    }

    /// Runs `binary arguments…` to the end without blocking a test thread; its exit
    /// status and standard output.
    static func run(_ binary: URL, _ arguments: [String]) async throws -> (status: Int32, stdout: Data) {
        let result = try await ChildProcess.runWithoutBlocking([binary.path] + arguments)
        return (result.status, result.stdout)
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int { Int(components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000) }
}

@Suite("Snapshots: a save killed at any moment leaves a whole snapshot behind")
struct CrashTests {
    /// Companies in the killed runs. A debug build simulates, digests and saves 20,000 in
    /// about 8 s on 2 CPUs, too slow for 20 kills in a minute; 2,000 keep the test near 30 s
    /// alone (about 50 s beside the other suites) while the save is still a good part of each run.
    static let companies = "2000"
    static let kills = 21

    /// The digest of the world saved at `path`, loaded and restored in this process.
    static func digest(of path: String) async throws -> String {
        try await Simulation(restoring: try Snapshot.load(from: path)).digest()
    }

    /// The temporary files a save of `name` in `folder` may leave: `.name.tmp-PID`.
    static func temporaries(of name: String, in folder: ScratchFolder) throws -> [String] {
        try folder.names().filter { $0.hasPrefix(".\(name).tmp-") }
    }

    @Test(
        "After SIGKILL at any moment of a run, the snapshot loads and holds the world before or the world being saved",
        .timeLimit(.minutes(5)))
    func killedRuns() async throws {
        guard let binary = BuiltBinary.url else {
            Issue.record(
                "no built billingsim beside the test bundle (\(CommandLine.arguments[0])); run `swift build --build-tests` first")
            return
        }
        let folder = try ScratchFolder("bs-crash")
        let path = folder.path("s.db")
        let common = ["simulate", "--companies", Self.companies, "--no-progress"]
        let clock = ContinuousClock()

        /// One of the two worlds the killed runs save, alternately, so that every run
        /// writes a world other than the one the file holds.
        struct World {
            var arguments: [String]
            var digest: String
            var bytes: Data
            var runMilliseconds: Int
            var saveMilliseconds: Int
        }
        func measure(months: String, to target: String) async throws -> World {
            let arguments = common + ["--months", months, "--snapshot", path]
            let began = clock.now
            let result = try await BuiltBinary.run(binary, common + ["--months", months, "--snapshot", target, "--json"])
            let elapsed = began.duration(to: clock.now)
            try #require(result.status == 0)
            let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
            let digest = try #require(report?["digest"] as? String)
            let saveSeconds = try #require(report?["snapshotSeconds"] as? Double)
            #expect(try await Self.digest(of: target) == digest, "the saved world restores to the digest the run reported")
            return World(
                arguments: arguments, digest: digest, bytes: try #require(FileManager.default.contents(atPath: target)),
                runMilliseconds: elapsed.milliseconds,
                saveMilliseconds: Int(saveSeconds * 1_000))
        }

        // The first snapshot S, and its digest as inspect reports it.
        let old = try await measure(months: "2", to: path)
        let inspected = try await BuiltBinary.run(binary, ["inspect", path, "--verify", "--json"])
        let inspectObject = try JSONSerialization.jsonObject(with: inspected.stdout) as? [String: Any]
        #expect(inspectObject?["digest"] as? String == old.digest)
        // The killed command, run once to the end elsewhere: its digest and timings.
        let new = try await measure(months: "3", to: folder.path("measure.db"))
        try FileManager.default.removeItem(atPath: folder.path("measure.db"))
        #expect(new.digest != old.digest)

        var holds = old
        var random = SplitMix64(seed: 2026)
        var outcomes: [String: Int] = [:]
        var mostTemporaries: [String] = []
        var killsInsideSave = 0
        // How long a run of each world lasts, as last seen: runs slow down and speed up
        // with whatever else the machine does, so a run that ends before its kill
        // corrects the estimate the next delays are drawn from.
        var runMilliseconds = [old.digest: old.runMilliseconds, new.digest: new.runMilliseconds]
        for attempt in 0..<Self.kills {
            // Each run saves the world the file does not hold (three months over two, two
            // over three), so every rename shows.
            let target = holds.digest == new.digest ? old : new
            let began = clock.now
            let process = try BuiltBinary.start(binary, target.arguments)
            let temporary = folder.path(".s.db.tmp-\(process.pid)")
            // Every third kill aims at the save: it waits for the temporary file, then
            // kills at once (the first time) or within twice the measured save time. The
            // others fall anywhere in the run, or just after it.
            let aimsAtSave = attempt % 3 == 1
            let delay: Int
            if aimsAtSave {
                while process.isRunning && !FileManager.default.fileExists(atPath: temporary) {
                    try await Task.sleep(for: .milliseconds(2))
                }
                delay =
                    began.duration(to: clock.now).milliseconds
                    + (attempt == 1 ? 0 : random.below(max(1, target.saveMilliseconds * 2)))
            } else {
                delay = random.below(max(1, (runMilliseconds[target.digest] ?? target.runMilliseconds) * 23 / 20))
            }
            while process.isRunning && began.duration(to: clock.now).milliseconds < delay {
                try await Task.sleep(for: .milliseconds(2))
            }
            if !process.isRunning { runMilliseconds[target.digest] = began.duration(to: clock.now).milliseconds }
            // Only a running child is signalled: the id of one already reaped may be reused.
            process.kill()
            let exit = try await process.waitWithoutBlocking()
            let killed = exit.signal != nil
            let leftTemporary = FileManager.default.fileExists(atPath: temporary)

            let bytes = try #require(FileManager.default.contents(atPath: path), "kill \(attempt): the snapshot is gone")
            let image = try Snapshot.load(from: path)
            let restored = try Simulation(restoring: image)
            // The digest is a function of the bytes: a file equal to a verified one is
            // not digested again.
            var digest = [old, new].first { $0.bytes == bytes }?.digest ?? ""
            if digest.isEmpty { digest = await restored.digest() }
            #expect(digest == holds.digest || digest == target.digest, "kill \(attempt) left a world that is neither before nor after")
            if leftTemporary {
                #expect(digest == holds.digest, "kill \(attempt) left its temporary file, yet the snapshot changed")
            }
            if !killed {
                #expect(exit.code == 0 && digest == target.digest, "kill \(attempt): a finished run left no new snapshot")
            }
            // A kill aimed at the save can miss it when the machine is busy (the save ends
            // between two polls); at least one of them must land while it writes.
            if aimsAtSave && killed && leftTemporary { killsInsideSave += 1 }
            let outcome =
                (digest == target.digest ? "saved" : "kept") + (leftTemporary ? ", temporary left" : "") + (killed ? "" : ", finished")
            outcomes[outcome, default: 0] += 1
            if digest == target.digest { holds = target }
            let temporaries = try Self.temporaries(of: "s.db", in: folder)
            if temporaries.count > mostTemporaries.count { mostTemporaries = temporaries }
        }
        #expect(outcomes.values.reduce(0, +) == Self.kills)
        #expect(killsInsideSave > 0, "no kill aimed at the save landed while it wrote; outcomes \(outcomes)")
        #expect(
            mostTemporaries.count <= 1,
            "killed saves left \(mostTemporaries.count) temporary files beside the snapshot: \(mostTemporaries); outcomes \(outcomes)")

        // A save after all those kills succeeds despite the leftovers, and removes its own.
        let target = holds.digest == new.digest ? old : new
        let process = try BuiltBinary.start(binary, target.arguments)
        let own = ".s.db.tmp-\(process.pid)"
        #expect(try await process.waitWithoutBlocking().code == 0)
        #expect(try await Self.digest(of: path) == target.digest)
        #expect(!(try folder.names().contains(own)))
    }
}
