public import BillingCore
public import BillingRuntime
internal import BillingSimSQLite
internal import Foundation
internal import Synchronization

/// Saves whole worlds to SQLite files and restores them (docs/snapshot-schema.md).
///
/// ```swift
/// try Snapshot.save(await sim.image(), to: "year1.db")
/// let again = try Snapshot.restore(from: "year1.db")
/// ```
public enum Snapshot {
    /// Writes `image` to `path` atomically: into a temporary file in the same folder,
    /// flushed to disk, then renamed over `path`. A crash at any moment leaves the
    /// previous file at `path` whole.
    public static func save(_ image: WorldImage, to path: String) throws(SnapshotError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        let temporary = folder + "/" + prefix + "\(getpid())"
        removeAbandoned(prefix, in: folder)
        unlink(temporary)
        do {
            do {
                let db = try SQLiteConnection(path: temporary, readOnly: false)
                try db.execute(pragmas)
                try SnapshotWriter(db: db).write(image)
            }
            try flush(temporary)
            guard rename(temporary, path) == 0 else { throw SQLiteError(code: errno, message: String(cString: strerror(errno))) }
            try flush(folder)
        } catch {
            unlink(temporary)
            throw .cannotWrite(path, detail: "\(error)")
        }
    }

    /// How a save writes: large pages, no rollback journal and no syncs while writing
    /// (the temporary file is worthless until renamed, and it is flushed once before),
    /// one writer, a 256 MiB page cache.
    static let pragmas =
        "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
        + "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -262144"

    /// Reads the world saved at `path`, opening it read-only: a failed restore never
    /// changes the file.
    ///
    /// - Throws: ``SnapshotError``: missing, not a regular file, not SQLite, truncated,
    ///   corrupt, a table missing, another schema version, a schema that is not the
    ///   snapshot's (views, triggers, generated columns), a cell of the wrong type, out
    ///   of range or too long, rows that do not describe a world, or a world that breaks
    ///   an invariant (docs/snapshot-schema.md, "What a restore checks").
    public static func load(from path: String) throws(SnapshotError) -> WorldImage {
        let image = try readImage(from: path)
        do throws(WorldInconsistency) {
            try image.validate()
        } catch {
            throw .invalidWorld(path, error)
        }
        return image
    }

    /// The simulation saved at `path`, ready to run on: ``load(from:)`` and
    /// ``Simulation/init(restoring:width:)``, the world's invariants checked once.
    public static func restore(from path: String, width: Int? = nil) throws(SnapshotError) -> Simulation {
        let image = try readImage(from: path)
        do throws(WorldInconsistency) {
            return try Simulation(restoring: image, width: width)
        } catch {
            throw .invalidWorld(path, error)
        }
    }

    /// The image saved at `path`, every cell and row checked but not yet the world's
    /// invariants.
    private static func readImage(from path: String) throws(SnapshotError) -> WorldImage {
        try opened(path) { db in try readWorld(db, path: path) }
    }

    /// What `inspect` shows of a snapshot without reading its rows: the clock, the counts
    /// and the exact totals the save stored (checked against the rows by every restore,
    /// not by this).
    public struct Contents: Sendable, Hashable {
        public var seed: UInt64
        public var start: Instant
        public var now: Instant
        public var numbering: NumberingScheme
        public var companies: Int
        public var users: Int
        public var invoices: Int
        public var emails: Int
        /// Sum of invoice totals per currency, in minor units, exact.
        public var revenue: [Currency: Int128]
    }

    /// The contents of the snapshot at `path`, after the checks of a restore up to its
    /// schema (header, version, tables and columns) and of the `world` and `totals`
    /// tables, in time independent of the world's size.
    public static func contents(of path: String) throws(SnapshotError) -> Contents {
        try opened(path) { db in
            let reader = SnapshotReader(db: db)
            let world = try reader.readWorldKeys()
            let totals = try reader.readTotals()
            return Contents(
                seed: try world.seed, start: try world.instant("start"), now: try world.instant("now"), numbering: try world.numbering,
                companies: Int(try db.integer("SELECT coalesce(max(idx), -1) + 1 FROM companies")),
                users: Int(try db.integer("SELECT coalesce(max(id), -1) + 1 FROM users")),
                invoices: Int(totals.values.reduce(0) { $0 + $1.invoices }), emails: Int(try world.number("email_count")),
                revenue: totals.mapValues(\.revenue))
        }
    }

    /// Runs `body` on the file at `path` opened read-only, once its header, version,
    /// tables and columns are the snapshot's; any failure is a ``SnapshotError``.
    private static func opened<T>(_ path: String, _ body: (SQLiteConnection) throws -> T) throws(SnapshotError) -> T {
        try checkHeader(path)
        do {
            let db = try SQLiteConnection(path: path, readOnly: true)
            let version = try db.integer("PRAGMA user_version")
            let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            var present = Set<String>()
            while try tables.step() { present.insert(tables.text(0)) }
            // A file of another (nonzero) version may have other tables: say so first.
            guard version == SnapshotSchema.version || version == 0 else {
                throw SnapshotError.schemaVersion(path, found: version, expected: SnapshotSchema.version)
            }
            if let missing = SnapshotSchema.tables.first(where: { !present.contains($0) }) {
                throw SnapshotError.missingTable(path, table: missing)
            }
            guard version == SnapshotSchema.version else {
                throw SnapshotError.schemaVersion(path, found: version, expected: SnapshotSchema.version)
            }
            try checkStructure(db, path: path)
            return try body(db)
        } catch let error as SnapshotError {
            throw error
        } catch let error as SQLiteError {
            // Past the header check, any SQLite failure means a damaged file.
            if error.code == SQLiteError.notADatabase { throw .notSQLite(path) }
            throw .corrupt(path, detail: error.description)
        } catch let error as BadCell {
            throw .badValue(path, table: error.table, row: error.row, column: error.column, reason: error.reason)
        } catch let error as SnapshotReader.Problem {
            throw .inconsistent(path, detail: error.detail)
        } catch {
            throw .inconsistent(path, detail: "\(error)")
        }
    }

    /// The world in `db`: its companies in `parts` ranges of indices, each on its own
    /// read-only connection and thread but the first, which is read on `db` with the
    /// settings and users. The parts are joined in index order and the emails in
    /// sending order.
    static func readWorld(_ db: SQLiteConnection, path: String, parts: Int = defaultParts) throws -> WorldImage {
        let reader = SnapshotReader(db: db)
        let header = try reader.readHeader()
        let count = try db.integer("SELECT coalesce(max(idx), -1) + 1 FROM companies")
        guard SnapshotLimits.index.contains(count) else { throw SnapshotReader.Problem(detail: "companies has \(count) rows") }
        let bounds = (0...max(1, parts)).map { count * Int64($0) / Int64(max(1, parts)) }
        let others = (1..<max(1, parts)).map { index in
            PartReading(path: path, range: bounds[index]..<bounds[index + 1], of: count, catalog: header.settings.catalog)
        }
        // Every other connection is closed before the file is handed back, failed or not.
        defer { for other in others { _ = try? other.wait() } }
        var all = [try reader.readPart(bounds[0]..<bounds[1], of: count, catalog: header.settings.catalog)]
        for other in others { all.append(try other.wait()) }
        var companies: [CompanyState] = []
        var scheduled: [Instant?] = []
        var emails = 0
        for part in all {
            companies += part.companies
            scheduled += part.scheduled
            emails += part.emails.count
        }
        // Each email into its place in sending order; every place filled once.
        let unfilled = OutboxMessage(
            sentAt: header.start, recipient: UserID(0), company: 0, invoice: 0, number: InvoiceNumber(prefix: "", sequence: 0))
        var outbox = [OutboxMessage](repeating: unfilled, count: emails)
        var filled = [Bool](repeating: false, count: emails)
        for part in all {
            for (position, message) in part.emails {
                guard (0..<Int64(outbox.count)).contains(position), !filled[Int(position)] else {
                    throw SnapshotReader.Problem(detail: "the emails' positions are not 0, 1, 2, … each once (position \(position))")
                }
                outbox[Int(position)] = message
                filled[Int(position)] = true
            }
        }
        guard header.emailCount == outbox.count else {
            throw SnapshotReader.Problem(detail: "world.email_count is \(header.emailCount), the invoices hold \(outbox.count) emails")
        }
        let totals = try reader.readTotals()
        let computed = CurrencyTotals.of(companies)
        for currency in Set(totals.keys).union(computed.keys).sorted() where totals[currency] != computed[currency] {
            let stored = totals[currency] ?? CurrencyTotals()
            let found = computed[currency] ?? CurrencyTotals()
            throw SnapshotReader.Problem(
                detail: "totals of \(currency.code): \(stored.invoices) invoices, revenue \(stored.revenue), due \(stored.amountDue); "
                    + "the invoices hold \(found.invoices), \(found.revenue), \(found.amountDue)")
        }
        return WorldImage(
            seed: header.seed, start: header.start, settings: header.settings, now: header.now, nextMonthEnd: header.nextMonthEnd,
            sellerNext: header.sellerNext, users: header.users, companies: companies, scheduled: scheduled,
            outbox: outbox)
    }

    /// Parts a restore reads in parallel: two, one per core here, on any machine (so a
    /// file with several faults names the same one first everywhere).
    static let defaultParts = 2

    /// Refuses paths that are not regular files (a FIFO would block `open` for ever;
    /// the file is opened without blocking and checked with `fstat`), files that are not
    /// SQLite, and files shorter than the page count their header states (a copy or save
    /// cut off), before SQLite reads them. A symbolic link to a regular file is read.
    private static func checkHeader(_ path: String) throws(SnapshotError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP || errno == ENAMETOOLONG { throw .missingFile(path) }
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw .missingFile(path) }
            if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG { throw .notRegularFile(path) }
            throw .missingFile(path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .missingFile(path) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .missingFile(path) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        guard count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { throw .notSQLite(path) }
        let pageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pages = header[28..<32].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let size = Int64(status.st_size)
        let expected = (pageSize == 1 ? 65_536 : pageSize) * pages
        if pages > 0, size < expected { throw .truncated(path, expectedBytes: expected, actualBytes: size) }
    }

    /// True when `path` is a regular file (not a link) that starts with an SQLite header
    /// carrying the `user_version` of this schema or an earlier one: a BillingSim
    /// snapshot, which a save may replace. Reads the first 100 bytes only; never blocks on a FIFO.
    public static func isSnapshot(atPath path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        guard count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { return false }
        let version = header[60..<64].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        return SnapshotSchema.written.contains(version)
    }

    /// Removes temporary files of earlier saves of the same file whose process is gone (a
    /// save killed before its rename). A save still running elsewhere keeps its file.
    private static func removeAbandoned(_ prefix: String, in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else {
                continue
            }
            unlink(folder + "/" + name)
        }
    }

    /// `fsync` on a file or folder.
    private static func flush(_ path: String) throws(SQLiteError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SQLiteError(code: errno, message: "cannot open \(path) to flush it") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SQLiteError(code: errno, message: "cannot flush \(path)") }
    }
}

/// One part of a snapshot's companies, read on its own connection and thread while the
/// caller reads another.
private final class PartReading: Sendable {
    /// A failure of the reading thread, handed back to the caller as it was thrown.
    private enum Failure: Error {
        case sqlite(SQLiteError)
        case cell(BadCell)
        case problem(SnapshotReader.Problem)
    }

    private let outcome = Mutex<Result<SnapshotReader.Part, Failure>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(path: String, range: Range<Int64>, of count: Int64, catalog: Catalog) {
        Thread { [self] in
            let result: Result<SnapshotReader.Part, Failure>
            do {
                let db = try SQLiteConnection(path: path, readOnly: true)
                result = .success(try SnapshotReader(db: db).readPart(range, of: count, catalog: catalog))
            } catch let error as SQLiteError {
                result = .failure(.sqlite(error))
            } catch let error as BadCell {
                result = .failure(.cell(error))
            } catch let error as SnapshotReader.Problem {
                result = .failure(.problem(error))
            } catch {
                result = .failure(.problem(SnapshotReader.Problem(detail: "\(error)")))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }.start()
    }

    /// The part, once read; or what the reading threw. Any number of calls.
    func wait() throws -> SnapshotReader.Part {
        done.wait()
        done.signal()
        switch outcome.withLock({ $0 }) {
        case .success(let part): return part
        case .failure(.sqlite(let error)): throw error
        case .failure(.cell(let error)): throw error
        case .failure(.problem(let error)): throw error
        case nil: throw SnapshotReader.Problem(detail: "the part was not read")
        }
    }
}
