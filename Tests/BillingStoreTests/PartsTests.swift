import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingStore

/// A restore reads the companies in parts, on parallel connections: any number of parts
/// gives the same world, and a row out of company order is refused wherever the parts
/// split.
@Suite("Snapshots: reading in parts, and the contents inspect reads without them")
struct PartsTests {
    static let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))

    static func saved(in folder: ScratchFolder) async throws -> (String, WorldImage) {
        let sim = try Simulation(seed: 9, start: start)
        try await sim.populate(PopulationSpec(companies: 120, annualPercent: 30, optInPercent: 70))
        await sim.advance(by: .months(5))
        let image = await sim.image()
        let path = folder.path("parts.db")
        try Snapshot.save(image, to: path)
        return (path, image)
    }

    @Test("One, two, three, seven or more parts than companies read the same world")
    func anyNumberOfParts() async throws {
        let folder = try ScratchFolder()
        let (path, image) = try await Self.saved(in: folder)
        for parts in [1, 2, 3, 7, 500] {
            let db = try SQLiteConnection(path: path, readOnly: true)
            #expect(try Snapshot.readWorld(db, path: path, parts: parts) == image, "\(parts) parts")
        }
    }

    @Test("A row moved to another company's place is refused however the parts split")
    func outOfOrderRefused() async throws {
        let folder = try ScratchFolder()
        let (path, _) = try await Self.saved(in: folder)
        do {
            let db = try SQLiteConnection(path: path, readOnly: false)
            // The first membership of company 70 now claims company 10: out of company order.
            try db.execute("UPDATE memberships SET company = 10 WHERE rowid = (SELECT min(rowid) FROM memberships WHERE company = 70)")
        }
        for parts in [1, 2, 3, 7] {
            let db = try SQLiteConnection(path: path, readOnly: true)
            #expect(throws: SnapshotReader.Problem.self, "\(parts) parts") { try Snapshot.readWorld(db, path: path, parts: parts) }
        }
    }

    @Test("A seller-wide number used in both halves of the companies is refused, naming the later company")
    func sellerNumberInBothHalves() async throws {
        let folder = try ScratchFolder()
        let sim = try Simulation(seed: 9, start: Self.start, settings: WorldSettings(numbering: .sellerWide))
        try await sim.populate(PopulationSpec(companies: 10))
        await sim.advance(by: .months(2))
        let path = folder.path("seller.db")
        try Snapshot.save(await sim.image(), to: path)
        do {
            let db = try SQLiteConnection(path: path, readOnly: false)
            try db.execute(
                """
                UPDATE invoices SET number_sequence = (SELECT number_sequence FROM invoices WHERE company = 0 AND position = 0)
                WHERE company = 8 AND position = 0
                """)
        }
        let error = #expect(throws: SnapshotError.self) { _ = try Snapshot.restore(from: path) }
        #expect(error?.description.contains("invoices of company 8") == true, "\(error?.description ?? "no error")")
        #expect(error?.description.contains("is used twice") == true, "\(error?.description ?? "no error")")
    }

    @Test("A save's rows computed on a second thread give the bytes of one company per batch, one batch at a time")
    func batchesKeepTheOrder() async throws {
        let folder = try ScratchFolder()
        let (path, image) = try await Self.saved(in: folder)
        let single = folder.path("single.db")
        do {
            let db = try SQLiteConnection(path: single, readOnly: false)
            try db.execute(Snapshot.pragmas)
            try SnapshotWriter(db: db, batchRows: 1, batchesWaiting: 1).write(image)
        }
        let saved = try #require(FileManager.default.contents(atPath: path))
        #expect(FileManager.default.contents(atPath: single) == saved)
        #expect(saved.count > 1_000_000)
    }

    @Test("The stored counts and totals are the restored world's")
    func contentsAreTheWorlds() async throws {
        let folder = try ScratchFolder()
        let (path, _) = try await Self.saved(in: folder)
        let contents = try Snapshot.contents(of: path)
        let restored = try Snapshot.restore(from: path)
        let summary = await restored.summary()
        #expect(contents.companies == summary.companies)
        #expect(contents.users == summary.users)
        #expect(contents.invoices == summary.invoices)
        #expect(contents.emails == summary.emails)
        #expect(contents.revenue == summary.revenue)
        #expect(contents.now == (await restored.now))
        #expect(contents.seed == restored.seed)
    }

    @Test("Each per-company table has an index on company, and a join on a company uses it")
    func companyIndexes() async throws {
        let folder = try ScratchFolder()
        let (path, _) = try await Self.saved(in: folder)
        let db = try SQLiteConnection(path: path, readOnly: true)
        let names = try db.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_company' ESCAPE '\\' ORDER BY name")
        var found: [String] = []
        while try names.step() { found.append(names.text(0)) }
        #expect(
            found == [
                "active_addons_company", "company_details_company", "invitations_company", "invoices_company", "memberships_company",
                "pending_lines_company", "sites_company",
            ])
        let plan = try db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM invoices WHERE company = 7")
        var steps: [String] = []
        while try plan.step() { steps.append(plan.text(3)) }
        #expect(steps.contains { $0.contains("invoices_company") }, "\(steps)")
    }
}
