import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingStore

/// The failures a snapshot can report, without their details, for tables of cases.
enum SnapshotFailure: String, Sendable {
    case missingFile, notRegularFile, notSQLite, truncated, corrupt, missingTable, schemaVersion, unexpectedSchema, badValue
    case inconsistent, invalidWorld, cannotWrite
}

extension SnapshotError {
    /// Which failure this is.
    var failure: SnapshotFailure {
        switch self {
        case .missingFile: .missingFile
        case .notRegularFile: .notRegularFile
        case .notSQLite: .notSQLite
        case .truncated: .truncated
        case .corrupt: .corrupt
        case .missingTable: .missingTable
        case .schemaVersion: .schemaVersion
        case .unexpectedSchema: .unexpectedSchema
        case .badValue: .badValue
        case .inconsistent: .inconsistent
        case .invalidWorld: .invalidWorld
        case .cannotWrite: .cannotWrite
        }
    }

    /// The path the error names.
    var path: String {
        switch self {
        case .missingFile(let path), .notRegularFile(let path), .notSQLite(let path): path
        case .truncated(let path, _, _), .corrupt(let path, _), .missingTable(let path, _), .schemaVersion(let path, _, _),
            .inconsistent(let path, _), .cannotWrite(let path, _), .unexpectedSchema(let path, _), .badValue(let path, _, _, _, _),
            .invalidWorld(let path, _):
            path
        }
    }
}

/// A row-level change to a real snapshot, and the failure loading it must give.
struct Damage: Sendable, CustomTestStringConvertible {
    var name: String
    var sql: String
    var testDescription: String { name }
}

@Suite("Snapshots: bad files are refused with the right error and left as they were")
struct BadFileTests {
    /// A small world with emails sent, add-ons, sites, several roles and a pending
    /// invitation, built once.
    static let fixture = Task { () throws -> WorldImage in
        let sim = try Simulation(seed: 9, start: instant("2026-01-01"))
        try await sim.populate(PopulationSpec(companies: 40, annualPercent: 30, optInPercent: 80, addOnPercent: 50))
        try await sim.register(email: "owner@acme.se", name: "Olga Owner")
        try await sim.createCompany(
            CompanySpec(
                id: "acme", details: CompanyDetails(name: "Acme AB", address: "Storgatan 1", country: .sweden), currency: .sek,
                plan: "pro", cycle: .monthly), owner: "owner@acme.se")
        try await sim.invite("late@acme.se", to: "acme", as: .billing, by: "owner@acme.se")
        await sim.advance(by: .months(3))
        return await sim.image()
    }

    /// A real snapshot saved in `folder` as `name`.
    static func snapshot(in folder: ScratchFolder, _ name: String = "good.db") async throws -> String {
        let path = folder.path(name)
        try Snapshot.save(try await fixture.value, to: path)
        return path
    }

    /// A copy of a real snapshot with `sql` run on it through SQLite.
    static func damaged(_ sql: String, in folder: ScratchFolder) async throws -> String {
        let path = try await snapshot(in: folder, "damaged.db")
        do {
            let db = try SQLiteConnection(path: path, readOnly: false)
            try db.execute(sql)
        }
        return path
    }

    /// Loads `path` expecting `failure`; checks that the error names the path and that
    /// neither the file nor its folder changed.
    @discardableResult
    static func expectRefused(
        _ path: String, as failure: SnapshotFailure, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SnapshotError? {
        try expectRefused(path, asOneOf: [failure], sourceLocation: sourceLocation)
    }

    /// Loads `path` expecting one of `failures` (all exit 65, say); as above.
    @discardableResult
    static func expectRefused(
        _ path: String, asOneOf failures: Set<SnapshotFailure>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SnapshotError? {
        let failure = failures.map(\.rawValue).sorted().joined(separator: " or ")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let namesBefore = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let bytesBefore = FileManager.default.contents(atPath: path)
        let error = #expect(throws: SnapshotError.self, "\(failure) expected", sourceLocation: sourceLocation) {
            _ = try Snapshot.load(from: path)
        }
        #expect(FileManager.default.contents(atPath: path) == bytesBefore, "the file changed", sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == namesBefore, "files appeared or went",
            sourceLocation: sourceLocation)
        guard let error else { return nil }
        #expect(failures.contains(error.failure), "got \(error)", sourceLocation: sourceLocation)
        #expect(error.path == path, sourceLocation: sourceLocation)
        return error
    }

    // MARK: Not a snapshot at all

    @Test("A path with nothing there is a missing file, and nothing is created there")
    func missingFile() throws {
        let folder = try ScratchFolder()
        try Self.expectRefused(folder.path("nothing.db"), as: .missingFile)
        #expect(!FileManager.default.fileExists(atPath: folder.path("nothing.db")))
    }

    @Test("A folder where the file should be is a missing snapshot file (exit 66)")
    func folder() throws {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.path("a-folder.db"), withIntermediateDirectories: false)
        try Self.expectRefused(folder.path("a-folder.db"), as: .missingFile)
    }

    @Test("A text file is not an SQLite database")
    func textFile() throws {
        let folder = try ScratchFolder()
        try Data("seed 1\nworld acme\n".utf8).write(to: folder.url.appendingPathComponent("notes.db"))
        try Self.expectRefused(folder.path("notes.db"), as: .notSQLite)
    }

    @Test("Random bytes are not an SQLite database")
    func randomBytes() throws {
        let folder = try ScratchFolder()
        var random = SplitMix64(seed: 77)
        let bytes = (0..<8_192).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        try Data(bytes).write(to: folder.url.appendingPathComponent("noise.db"))
        try Self.expectRefused(folder.path("noise.db"), as: .notSQLite)
    }

    @Test("An empty file is not an SQLite database (SQLite itself would open it as an empty one)")
    func emptyFile() throws {
        let folder = try ScratchFolder()
        #expect(FileManager.default.createFile(atPath: folder.path("empty.db"), contents: Data()))
        try Self.expectRefused(folder.path("empty.db"), as: .notSQLite)
    }

    @Test("An SQLite database that is not a snapshot lacks the world table")
    func otherDatabase() throws {
        let folder = try ScratchFolder()
        let path = folder.path("other.db")
        do {
            let db = try SQLiteConnection(path: path, readOnly: false)
            try db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'hello')")
        }
        let error = try Self.expectRefused(path, as: .missingTable)
        #expect(error == .missingTable(path, table: "world"))
    }

    // MARK: A snapshot cut off or damaged

    @Test("A snapshot cut in half is truncated, with both sizes named")
    func cutInHalf() async throws {
        let folder = try ScratchFolder()
        let path = try await Self.snapshot(in: folder)
        let whole = try #require(FileManager.default.contents(atPath: path))
        #expect(whole.count > 3 * 65_536, "the fixture should span several pages")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let error = try Self.expectRefused(path, as: .truncated)
        #expect(error == .truncated(path, expectedBytes: Int64(whole.count), actualBytes: Int64(whole.count / 2)))
    }

    @Test("A snapshot cut one byte short is truncated")
    func oneByteShort() async throws {
        let folder = try ScratchFolder()
        let path = try await Self.snapshot(in: folder)
        let whole = try #require(FileManager.default.contents(atPath: path))
        try whole.dropLast().write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, as: .truncated)
    }

    @Test("A snapshot whose second page is zeroed is corrupt")
    func zeroedPage() async throws {
        let folder = try ScratchFolder()
        let path = try await Self.snapshot(in: folder)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let size = pageSize == 1 ? 65_536 : pageSize
        bytes.replaceSubrange(size..<(2 * size), with: Data(count: size))
        try bytes.write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(path, as: .corrupt)
    }

    @Test("A snapshot missing a table names the table", arguments: ["world", "users", "companies", "memberships", "invoices"])
    func missingTable(table: String) async throws {
        let folder = try ScratchFolder()
        let path = try await Self.damaged("DROP TABLE \(table)", in: folder)
        let error = try Self.expectRefused(path, as: .missingTable)
        #expect(error == .missingTable(path, table: table))
    }

    @Test("A snapshot of another schema version names both versions", arguments: [Int64(0), 1, 2, 99])
    func otherVersion(version: Int64) async throws {
        let folder = try ScratchFolder()
        let path = try await Self.damaged("PRAGMA user_version = \(version)", in: folder)
        let error = try Self.expectRefused(path, as: .schemaVersion)
        #expect(error == .schemaVersion(path, found: version, expected: SnapshotSchema.version))
    }

    // MARK: Rows that do not describe a world

    static let firstEmailed = "(SELECT rowid FROM invoices WHERE emails != '[]' ORDER BY rowid LIMIT 1)"

    static let inconsistencies = [
        Damage(name: "a company billed weekly", sql: "UPDATE companies SET cycle = 'weekly' WHERE idx = 0"),
        Damage(name: "a company in an unknown currency", sql: "UPDATE companies SET currency = 'XYZ' WHERE idx = 1"),
        Damage(name: "an anchor date that does not exist", sql: "UPDATE companies SET anchor_date = '2026-02-30' WHERE idx = 0"),
        Damage(name: "an unknown anchor mode", sql: "UPDATE companies SET anchor_mode = 'lunar' WHERE idx = 0"),
        Damage(name: "a member who is not a user", sql: "UPDATE memberships SET user = 999999 WHERE rowid = 1"),
        Damage(name: "a member with a negative id", sql: "UPDATE memberships SET user = -1 WHERE rowid = 1"),
        Damage(name: "a member id past 32 bits", sql: "UPDATE memberships SET user = 9999999999 WHERE rowid = 1"),
        Damage(name: "an unknown role", sql: "UPDATE memberships SET role = 'king' WHERE rowid = 1"),
        Damage(name: "a company without an Owner", sql: "UPDATE memberships SET role = 'developer' WHERE company = 0 AND role = 'owner'"),
        Damage(name: "membership positions out of order", sql: "UPDATE memberships SET position = 7 WHERE rowid = 1"),
        Damage(name: "an invoice naming details revision 7", sql: "UPDATE invoices SET details_revision = 7 WHERE rowid = 1"),
        Damage(name: "an unknown invoice kind", sql: "UPDATE invoices SET kind = 'gift' WHERE rowid = 1"),
        Damage(name: "domestic tax without a rate", sql: "UPDATE invoices SET tax = 'domestic', tax_basis_points = NULL WHERE rowid = 1"),
        Damage(name: "invoice lines that are not JSON", sql: "UPDATE invoices SET lines = '[[\"plan\"' WHERE rowid = 1"),
        Damage(name: "an invoice line of nine fields", sql: "UPDATE invoices SET lines = json_remove(lines, '$[0][9]') WHERE rowid = 1"),
        Damage(
            name: "an unknown invoice line kind", sql: "UPDATE invoices SET lines = json_replace(lines, '$[0][0]', 'bonus') WHERE rowid = 1"
        ),
        Damage(
            name: "an invoice line amount as text", sql: "UPDATE invoices SET lines = json_replace(lines, '$[0][6]', '100') WHERE rowid = 1"
        ),
        Damage(
            name: "invoices of company 99999", sql: "UPDATE invoices SET company = 99999 WHERE rowid = (SELECT max(rowid) FROM invoices)"),
        Damage(
            name: "an email past the end of the outbox",
            sql: "UPDATE invoices SET emails = json_replace(emails, '$[0][0]', 99999) WHERE rowid = \(firstEmailed)"),
        Damage(
            name: "two emails at one position",
            sql: "UPDATE invoices SET emails = json_insert(emails, '$[#]', json(emails) -> 0) WHERE rowid = \(firstEmailed)"),
        Damage(
            name: "an email to a user who does not exist",
            sql: "UPDATE invoices SET emails = json_replace(emails, '$[0][1]', 999999) WHERE rowid = \(firstEmailed)"),
        Damage(
            name: "an email of an invoice without a number",
            sql: "UPDATE invoices SET number_prefix = NULL, number_sequence = NULL WHERE rowid = \(firstEmailed)"),
        Damage(name: "an invitation of unknown status", sql: "UPDATE invitations SET status = 'maybe'"),
        Damage(name: "an invitation sent by nobody", sql: "UPDATE invitations SET invited_by = 999999"),
        Damage(name: "an unknown numbering scheme", sql: "UPDATE world SET value = 'random' WHERE key = 'numbering'"),
        Damage(name: "a seed that is not a number", sql: "UPDATE world SET value = 'abc' WHERE key = 'seed'"),
        Damage(name: "no simulated instant", sql: "DELETE FROM world WHERE key = 'now'"),
        Damage(
            name: "a month end that does not follow the instant", sql: "UPDATE world SET value = value + 86400 WHERE key = 'next_month_end'"
        ),
        Damage(name: "a gap in the user ids", sql: "DELETE FROM users WHERE id = 3"),
        Damage(name: "a gap in the company indices", sql: "DELETE FROM companies WHERE idx = 2"),
        Damage(name: "two companies with one id", sql: "UPDATE companies SET id = (SELECT id FROM companies WHERE idx = 0) WHERE idx = 1"),
        Damage(name: "more invoices emailed than exist", sql: "UPDATE companies SET emailed_count = 999 WHERE idx = 0"),
        Damage(name: "a company without details", sql: "DELETE FROM company_details WHERE company = 0"),
        Damage(name: "a site out of place", sql: "UPDATE sites SET company = 9999 WHERE rowid = 1"),
        Damage(name: "two users with one email", sql: "UPDATE users SET email = (SELECT email FROM users WHERE id = 0) WHERE id = 1"),
        Damage(name: "a company on a plan the catalog does not sell", sql: "UPDATE companies SET plan = 'platinum' WHERE idx = 0"),
        Damage(name: "an add-on the catalog does not sell", sql: "UPDATE active_addons SET addon = 'jacuzzi' WHERE rowid = 1"),
    ]

    @Test("A snapshot whose rows do not describe a world is inconsistent", arguments: inconsistencies)
    func inconsistent(damage: Damage) async throws {
        let folder = try ScratchFolder()
        let path = try await Self.damaged(damage.sql, in: folder)
        try Self.expectRefused(path, asOneOf: [.inconsistent, .invalidWorld, .badValue])
    }

    @Test("The damage each inconsistency case makes is real: the SQL changes at least one row")
    func damageIsReal() async throws {
        let folder = try ScratchFolder()
        let path = try await Self.snapshot(in: folder)
        let db = try SQLiteConnection(path: path, readOnly: false)
        for damage in Self.inconsistencies {
            try db.execute("SAVEPOINT probe")
            let before = try db.integer("SELECT total_changes()")
            try db.execute(damage.sql)
            #expect(try db.integer("SELECT total_changes()") > before, "'\(damage.name)' changed nothing")
            try db.execute("ROLLBACK TO probe; RELEASE probe")
        }
    }

    @Test("The fixture itself loads, so every refusal above is the damage's doing")
    func fixtureLoads() async throws {
        let folder = try ScratchFolder()
        let path = try await Self.snapshot(in: folder)
        let image = try Snapshot.load(from: path)
        #expect(image == (try await Self.fixture.value))
        #expect(!image.outbox.isEmpty)
        #expect(image.companies.contains { !$0.invitations.isEmpty })
        #expect(image.companies.contains { !$0.addOns.isEmpty })
        _ = try Simulation(restoring: image)
    }
}
