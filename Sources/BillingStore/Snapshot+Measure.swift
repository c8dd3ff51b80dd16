internal import BillingCore
public import BillingRuntime
internal import Foundation

// What the benchmark compares a save with.

extension Snapshot {
    /// The number of rows a snapshot of `image` holds, over all tables (an invoice's
    /// lines and emails are in its row).
    public static func rowCount(of image: WorldImage) -> Int {
        var rows = image.users.count + image.companies.count
        let catalog = image.settings.catalog
        rows += catalog.plans.count + catalog.addOns.count + image.settings.taxes.count + image.settings.exchangeRates.count
        for state in image.companies {
            rows += state.detailsHistory.count + state.sites.count + state.addOns.count + state.members.count
            rows += state.invitations.count + state.pendingLines.count + state.invoiceCount
        }
        return rows
    }

    /// Seconds to insert `rows` rows of twelve columns (four of them text, like an
    /// invoice line) into a fresh file at `path` with the settings and prepared-statement
    /// path a save uses, and seconds to read them all back (every column, in rowid
    /// order): the limits a save and a restore of that many rows can approach.
    public static func bareSeconds(rows: Int, path: String) throws(SnapshotError) -> (insert: Double, read: Double) {
        unlink(path)
        defer { unlink(path) }
        let clock = ContinuousClock()
        let began = clock.now
        do {
            let db = try SQLiteConnection(path: path, readOnly: false)
            try db.execute(pragmas)
            try db.execute("BEGIN")
            try db.execute(
                "CREATE TABLE bare (a INTEGER, b INTEGER, c INTEGER, d TEXT, e TEXT, f TEXT, g TEXT, h INTEGER, i INTEGER, "
                    + "j INTEGER, k INTEGER, l INTEGER)")
            let insert = try db.prepare("INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for row in 0..<rows {
                let n = Int64(row)
                try insert.bind(1, n / 24)
                try insert.bind(2, n % 12)
                try insert.bind(3, n % 3)
                try insert.bind(4, "plan")
                try insert.bind(5, "business")
                try insert.bind(6, nil as String?)
                try insert.bind(7, "monthly")
                try insert.bind(8, 1)
                try insert.bind(9, 11_500)
                try insert.bind(10, 11_500)
                try insert.bind(11, 1_767_225_600 + n)
                try insert.bind(12, 1_769_904_000 + n)
                try insert.insert()
            }
            try db.execute("COMMIT")
        } catch {
            throw .cannotWrite(path, detail: "\(error)")
        }
        let inserted = clock.now
        var check: Int64 = 0
        do {
            let db = try SQLiteConnection(path: path, readOnly: true)
            let query = try db.prepare("SELECT a, b, c, d, e, f, g, h, i, j, k, l FROM bare ORDER BY rowid")
            while try query.step() {
                check &+= query.int64(0) &+ query.int64(1) &+ query.int64(2) &+ Int64(query.text(3).utf8.count)
                check &+= Int64(query.text(4).utf8.count) &+ Int64(query.text(5).utf8.count) &+ Int64(query.text(6).utf8.count)
                check &+= query.int64(7) &+ query.int64(8) &+ query.int64(9) &+ query.int64(10) &+ query.int64(11)
            }
        } catch {
            throw .corrupt(path, detail: "\(error)")
        }
        let read = clock.now
        guard rows == 0 || check != 0 else { throw .corrupt(path, detail: "the bare rows read back as nothing") }
        return (began.duration(to: inserted).inSeconds, inserted.duration(to: read).inSeconds)
    }
}
