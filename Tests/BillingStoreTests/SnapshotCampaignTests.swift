import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingStore

/// Random single-cell mutations of a real snapshot: every table, every column, values
/// from a hostile set. Each must be refused with a ``SnapshotError`` or restore a world
/// that holds every invariant (``WorldInvariants``) and runs a month on, still holding
/// them. `BILLINGSIM_SNAPSHOT_MUTATIONS` sets the count (1,000 by default),
/// `BILLINGSIM_SNAPSHOT_SEED` the seed, and `BILLINGSIM_SNAPSHOT_LOG` a file that gets
/// each mutation before it is tried, so a trap names its mutation
/// (`Scripts/campaign-snapshots.sh` runs 10,000).
@Suite("Snapshots: a campaign of random cell mutations never traps and never restores a broken world")
struct SnapshotCampaignTests {
    /// What came of the mutations.
    struct Tally {
        var refused: [String: Int] = [:]
        var restored = 0
        var sqliteRefused = 0
        var slowest: Double = 0
        var slowestMutation = ""
    }

    /// Hostile values as SQL expressions; `$c` is the column, `$o` another row's value.
    static let hostile = [
        "-9223372036854775808", "9223372036854775807", "0", "-1", "1", "2", "2147483648", "4294967296", "1000000000000",
        "1000000000001", "1000000000000000000", "4611686018427387904", "NULL", "'x'", "'12 SEK'", "''", "X'00FF'", "X''",
        "printf('%.*c', 5000, 'y')", "printf('%.*c', 70000, 'z')", "CAST(X'C328FF' AS TEXT)", "'a' || char(0) || 'b'", "'9999-12-31'",
        "'0001-01-01'", "'2026-02-30'", "'2026-01-31'", "253402300799", "7258118400", "7258118399", "-86400", "1.5", "'owner'",
        "'billing'", "'site-administrator'", "'site-developer'", "'ZZ'", "'SE'", "'annual'", "'monthly'", "'anniversary'",
        "'calendar-month'", "'USD'", "'EUR'", "'SEK'", "'s1'", "'s1,s2'", "'s1,'", "'pending'", "'accepted'", "'plan'",
        "'overage'", "'visits'", "'domestic'", "'reverse-charge'", "'per-company'", "'seller-wide'", "$c + 1", "$c - 1", "$c * 2",
        "-$c", "$c + 86400", "$c - 2678400", "$c + 31536000", "$o", "$o", "$o", "$o",
    ]

    static var count: Int { Int(ProcessInfo.processInfo.environment["BILLINGSIM_SNAPSHOT_MUTATIONS"] ?? "") ?? 1_000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["BILLINGSIM_SNAPSHOT_SEED"] ?? "") ?? 12 }

    @Test("Every mutation is refused or restores a sound world that runs a month on")
    func campaign() async throws {
        let folder = try ScratchFolder()
        let fixture = try await BadFileTests.fixture.value
        let path = folder.path("mutated.db")
        try Snapshot.save(fixture, to: path)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        let log = ProcessInfo.processInfo.environment["BILLINGSIM_SNAPSHOT_LOG"].flatMap { name -> FileHandle? in
            _ = FileManager.default.createFile(atPath: name, contents: nil)
            return FileHandle(forWritingAtPath: name)
        }
        var db = try SQLiteConnection(path: path, readOnly: false)
        var cells: [(table: String, column: String, primary: Bool, rows: [Int64])] = []
        for table in SnapshotSchema.tables {
            let rows = try Self.rowids(table, db)
            guard !rows.isEmpty else { continue }
            for column in try Snapshot.columns(of: table, in: db) {
                cells.append((table, column.name, column.primaryKey && column.type == "INTEGER", rows))
            }
        }
        var random = SplitMix64(seed: Self.seed)
        var tally = Tally()
        let clock = ContinuousClock()
        for iteration in 0..<Self.count {
            let cell = cells[random.below(cells.count)]
            let row = cell.rows[random.below(cell.rows.count)]
            let other = cell.rows[random.below(cell.rows.count)]
            let column = Snapshot.quoted(cell.column)
            let value = Self.hostile[random.below(Self.hostile.count)].replacingOccurrences(of: "$c", with: column)
                .replacingOccurrences(of: "$o", with: "(SELECT \(column) FROM \(cell.table) WHERE rowid = \(other))")
            let mutation = "#\(iteration) UPDATE \(cell.table) SET \(cell.column) = \(value) WHERE rowid = \(row)"
            let original = try Self.quotedValue(cell.table, column, row, db)
            do {
                try db.execute("UPDATE \(cell.table) SET \(column) = \(value) WHERE rowid = \(row)")
            } catch {
                tally.sqliteRefused += 1  // A constraint (NOT NULL, a unique key): no such file can be written.
                continue
            }
            log?.write(Data((mutation + "\n").utf8))
            try? log?.synchronize()
            let began = clock.now
            try await Self.attempt(mutation, path: path, tally: &tally)
            let seconds = began.duration(to: clock.now).inSeconds
            if seconds > tally.slowest { (tally.slowest, tally.slowestMutation) = (seconds, mutation) }
            if cell.primary {
                db = try Self.reset(path, to: pristine, replacing: db)
            } else {
                try db.execute("UPDATE \(cell.table) SET \(column) = \(original) WHERE rowid = \(row)")
            }
        }
        #expect(try Snapshot.load(from: path) == fixture, "the mutations were not all undone")
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let peak =
            status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) }
            ?? "?"
        let summary =
            "snapshot campaign: \(Self.count) mutations (seed \(Self.seed)), \(tally.restored) restored sound and ran a month, "
            + "\(tally.refused.values.reduce(0, +)) refused \(tally.refused.sorted { $0.key < $1.key }), \(tally.sqliteRefused) refused "
            + "by SQLite itself; slowest \(String(format: "%.3f", tally.slowest)) s (\(tally.slowestMutation)); peak RSS \(peak)"
        print(summary)
        log?.write(Data((summary + "\n").utf8))
        #expect(tally.refused.values.reduce(0, +) > Self.count / 4, "too few refusals: the mutations do not bite")
    }

    /// Loads the mutated file: a refusal is counted; a restored world is checked, run
    /// a month on, and checked again.
    static func attempt(_ mutation: String, path: String, tally: inout Tally) async throws {
        let image: WorldImage
        do {
            image = try Snapshot.load(from: path)
        } catch {
            tally.refused["\(error.failure)", default: 0] += 1
            return
        }
        let before = WorldInvariants.broken(in: image)
        #expect(before.isEmpty, "\(mutation) restored a broken world: \(before)")
        let simulation = try Simulation(restoring: image, width: 1)
        _ = await simulation.summary()
        _ = await simulation.digest()
        await simulation.advance(by: .months(1))
        let after = WorldInvariants.broken(in: await simulation.image())
        #expect(after.isEmpty, "\(mutation) broke the world a month on: \(after)")
        tally.restored += 1
    }

    static func rowids(_ table: String, _ db: SQLiteConnection) throws -> [Int64] {
        let query = try db.prepare("SELECT rowid FROM \(table)")
        var rows: [Int64] = []
        while try query.step() { rows.append(query.int64(0)) }
        return rows
    }

    static func quotedValue(_ table: String, _ column: String, _ row: Int64, _ db: SQLiteConnection) throws -> String {
        let query = try db.prepare("SELECT quote(\(column)) FROM \(table) WHERE rowid = \(row)")
        guard try query.step() else { return "NULL" }
        return query.text(0)
    }

    /// Puts the pristine bytes back (after a change of a rowid, which moves the row).
    static func reset(_ path: String, to pristine: Data, replacing _: SQLiteConnection) throws -> SQLiteConnection {
        try pristine.write(to: URL(fileURLWithPath: path))
        return try SQLiteConnection(path: path, readOnly: false)
    }
}

extension Duration {
    /// The duration in seconds.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
