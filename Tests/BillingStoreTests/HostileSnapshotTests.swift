import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingStore

/// One crafted change to a real snapshot, the failure it must give, and words the
/// message must hold (the table and row it names).
struct Crafted: Sendable, CustomTestStringConvertible {
    var name: String
    var sql: String
    var failure: SnapshotFailure
    var names: String
    var testDescription: String { name }
}

@Suite("Snapshots: crafted files are refused with a message naming the row, never a trap")
struct HostileSnapshotTests {
    static let nonOwner = "(SELECT rowid FROM memberships WHERE role != 'owner' ORDER BY rowid LIMIT 1)"
    static let siteRole = "(SELECT rowid FROM memberships WHERE role LIKE 'site-%' ORDER BY rowid LIMIT 1)"

    /// Finding 4 of issue 12: values that overflowed, looped for millennia or allocated
    /// without bound, and schema tricks.
    static let outOfRange: [Crafted] = [
        Crafted(
            name: "a balance of Int64.min", sql: "UPDATE companies SET balance = -9223372036854775808 WHERE idx = 0", failure: .badValue,
            names: "companies row 0, column balance"),
        Crafted(
            name: "a price of Int64.max", sql: "UPDATE plan_prices SET minor_units = 9223372036854775807 WHERE rowid = 1",
            failure: .badValue, names: "plan_prices row 1, column minor_units"),
        Crafted(
            name: "huge usage", sql: "UPDATE companies SET visits = 9223372036854775807 WHERE idx = 3", failure: .badValue,
            names: "companies row 3, column visits"),
        Crafted(
            name: "a huge next_sequence", sql: "UPDATE companies SET next_sequence = 9223372036854775807 WHERE idx = 0",
            failure: .badValue, names: "companies row 0, column next_sequence"),
        Crafted(
            name: "a huge period_index", sql: "UPDATE companies SET period_index = 9223372036854775807 WHERE idx = 0",
            failure: .badValue, names: "column period_index"),
        Crafted(
            name: "a huge anchor second", sql: "UPDATE companies SET anchor_second = 9223372036854775807 WHERE idx = 0",
            failure: .badValue, names: "column anchor_second"),
        Crafted(
            name: "an anchor in year 9999", sql: "UPDATE companies SET anchor_date = '9999-12-31' WHERE idx = 0", failure: .invalidWorld,
            names: "companies idx 0"),
        Crafted(
            name: "now at Int64.max", sql: "UPDATE world SET value = 9223372036854775807 WHERE key = 'now'", failure: .inconsistent,
            names: "world.now"),
        Crafted(
            name: "now in year 9999 (resume would bill 8,000 years)",
            sql:
                "UPDATE world SET value = 253370764800 WHERE key = 'now'; UPDATE world SET value = 253373443200 WHERE key = 'next_month_end'",
            failure: .inconsistent, names: "world.now"),
        Crafted(
            name: "now ten years on, past every company's due instant",
            sql: "UPDATE world SET value = 2082758400 WHERE key = 'now'; UPDATE world SET value = 2085436800 WHERE key = 'next_month_end'",
            failure: .invalidWorld, names: "is not done by world.now"),
        Crafted(
            name: "a total stored as TEXT", sql: "UPDATE invoices SET total = total || ' SEK' WHERE rowid = 2", failure: .badValue,
            names: "invoices row 2, column total"),
        Crafted(
            name: "an integer column holding a blob", sql: "UPDATE users SET invoice_email = X'00FF' WHERE id = 1", failure: .badValue,
            names: "users row 1, column invoice_email"),
        Crafted(
            name: "a name of 100,000 bytes", sql: "UPDATE users SET name = printf('%.*c', 100000, 'x') WHERE id = 2", failure: .badValue,
            names: "users row 2, column name"),
        Crafted(
            name: "a generated column of 200 MB a row",
            sql: "ALTER TABLE users ADD COLUMN g TEXT GENERATED ALWAYS AS (printf('%.*c', 200000000, 'x')) VIRTUAL",
            failure: .unexpectedSchema, names: "'users'"),
        Crafted(
            name: "a table rebuilt with a generated column in place of one",
            sql: """
                CREATE TABLE u2 AS SELECT * FROM users; DROP TABLE users;
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL,
                    name TEXT GENERATED ALWAYS AS (printf('%.*c', 200000000, 'x')) VIRTUAL, invoice_email INTEGER NOT NULL);
                INSERT INTO users (id, email, invoice_email) SELECT id, email, invoice_email FROM u2; DROP TABLE u2
                """, failure: .unexpectedSchema, names: "the column 'name' is generated"),
        Crafted(name: "a view", sql: "CREATE VIEW v AS SELECT * FROM users", failure: .unexpectedSchema, names: "view 'v'"),
        Crafted(
            name: "a trigger", sql: "CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END", failure: .unexpectedSchema,
            names: "trigger 't'"),
        Crafted(name: "a table no snapshot has", sql: "CREATE TABLE extra (x)", failure: .unexpectedSchema, names: "table 'extra'"),
    ]

    /// Finding 5 of issue 12: worlds that break an invariant.
    static let brokenInvariants: [Crafted] = [
        Crafted(
            name: "next_sequence set back", sql: "UPDATE companies SET next_sequence = 1 WHERE idx = 0", failure: .invalidWorld,
            names: "invoices of company 0"),
        Crafted(
            name: "a duplicate invoice number",
            sql: "UPDATE invoices SET number_sequence = number_sequence - 1 WHERE company = 0 AND position = 1", failure: .invalidWorld,
            names: "invoices of company 0 ('c0000000'), position 1"),
        Crafted(
            name: "two Owners", sql: "UPDATE memberships SET role = 'owner', sites = NULL WHERE rowid = \(nonOwner)",
            failure: .invalidWorld, names: "2 Owners"),
        Crafted(
            name: "a member twice",
            sql: """
                UPDATE memberships SET user = (SELECT m.user FROM memberships m WHERE m.company = memberships.company
                AND m.position = 0) WHERE rowid = \(nonOwner)
                """, failure: .invalidWorld, names: "is already a member"),
        Crafted(
            name: "a site role naming a missing site", sql: "UPDATE memberships SET sites = 'nowhere' WHERE rowid = \(siteRole)",
            failure: .invalidWorld, names: "the site 'nowhere'"),
        Crafted(
            name: "a plan with no price in the company's currency",
            sql: """
                DELETE FROM plan_prices WHERE plan = (SELECT plan FROM companies WHERE idx = 0)
                AND currency = (SELECT currency FROM companies WHERE idx = 0)
                """, failure: .invalidWorld, names: "companies idx 0"),
        Crafted(name: "a negative balance", sql: "UPDATE companies SET balance = -1 WHERE idx = 0", failure: .badValue, names: "balance"),
        Crafted(
            name: "country ZZ", sql: "UPDATE company_details SET country = 'ZZ' WHERE company = 5", failure: .invalidWorld,
            names: "company_details of company 5"),
        Crafted(
            name: "a Swedish VAT number on a German company",
            sql: "UPDATE company_details SET country = 'DE', vat_number = 'SE556677889901' WHERE company = 5", failure: .invalidWorld,
            names: "company_details of company 5 ('c0000005'), revision 0: the VAT number 'SE556677889901' does not fit the country DE"),
        Crafted(
            name: "a VAT number not in normal form",
            sql: "UPDATE company_details SET country = 'DE', vat_number = 'de 123.456.789' WHERE company = 5", failure: .invalidWorld,
            names: "the VAT number 'de 123.456.789' is not in normal form, which is 'DE123456789'"),
        Crafted(
            name: "a subtotal that is not its lines", sql: "UPDATE invoices SET subtotal = subtotal + 1 WHERE company = 1 AND position = 0",
            failure: .invalidWorld, names: "invoices of company 1"),
        Crafted(
            name: "a line whose quantity × unit price is not its amount",
            sql: "UPDATE invoices SET lines = json_replace(lines, '$[0][5]', (lines ->> '$[0][5]') + 1) WHERE company = 1 AND position = 0",
            failure: .invalidWorld, names: "invoices of company 1"),
        Crafted(
            name: "a line crediting a later invoice",
            sql: "UPDATE invoices SET lines = json_replace(lines, '$[0][9]', 5) WHERE company = 1 AND position = 0",
            failure: .inconsistent, names: "credits invoice 5"),
        Crafted(
            name: "an email sent after the simulated instant",
            sql: """
                UPDATE invoices SET emails = json_replace(emails, '$[0][2]', (SELECT value FROM world WHERE key = 'now') + 86400)
                WHERE rowid = \(BadFileTests.firstEmailed)
                """,
            failure: .invalidWorld, names: "outbox position"),
        Crafted(
            name: "a line amount past 64 bits",
            sql:
                "UPDATE invoices SET lines = replace(lines, ',' || (lines ->> '$[0][6]') || ',', ',99999999999999999999,') WHERE rowid = 1",
            failure: .badValue, names: "invoices row 1, column lines: not a JSON array of arrays of 10 values: an integer past 64 bits"),
        Crafted(
            name: "a line of 10 values holding a fraction",
            sql: "UPDATE invoices SET lines = json_replace(lines, '$[0][4]', 1.5) WHERE rowid = 1",
            failure: .badValue, names: "a number that is not an integer"),
        Crafted(
            name: "totals that are not the invoices'", sql: "UPDATE totals SET revenue = revenue + 1 WHERE rowid = 1",
            failure: .inconsistent, names: "the invoices hold"),
        Crafted(
            name: "an email count that is not the emails'", sql: "UPDATE world SET value = value + 1 WHERE key = 'email_count'",
            failure: .inconsistent, names: "world.email_count"),
        // A restore checks the companies in two halves (0..<20 and 20..<41 here) on two
        // threads: what both halves claim, and faults in both, are still seen and named
        // as one pass in order would name them.
        Crafted(
            name: "a company id in both halves",
            sql: "UPDATE companies SET id = (SELECT id FROM companies WHERE idx = 0) WHERE idx = 30", failure: .invalidWorld,
            names: "companies idx 30: another company also has the id"),
        Crafted(
            name: "a number prefix in both halves",
            sql: "UPDATE companies SET number_prefix = (SELECT number_prefix FROM companies WHERE idx = 0) WHERE idx = 30",
            failure: .invalidWorld, names: "companies idx 30 ("),
        Crafted(
            name: "a fault in each half",
            sql: "UPDATE invoices SET subtotal = subtotal + 1 WHERE position = 0 AND company IN (1, 30)", failure: .invalidWorld,
            names: "invoices of company 1 ("),
        Crafted(
            name: "emails of 100 MB", sql: "UPDATE invoices SET emails = printf('[%.*c]', 70000000, ' ') WHERE rowid = 1",
            failure: .badValue, names: "invoices row 1, column emails"),
    ]

    @Test("A crafted value, a generated column or a view is refused with the row it is in", arguments: outOfRange + brokenInvariants)
    func refused(crafted: Crafted) async throws {
        let folder = try ScratchFolder()
        let path = try await BadFileTests.damaged(crafted.sql, in: folder)
        let error = try BadFileTests.expectRefused(path, as: crafted.failure)
        #expect(error?.description.contains(crafted.names) == true, "\(error?.description ?? "no error")")
    }

    @Test("Each crafted change changes the file: it is the change that is refused")
    func craftedChangesAreReal() async throws {
        let folder = try ScratchFolder()
        let path = try await BadFileTests.snapshot(in: folder)
        let db = try SQLiteConnection(path: path, readOnly: false)
        for crafted in Self.outOfRange + Self.brokenInvariants {
            try db.execute("SAVEPOINT probe")
            let before = try db.integer("SELECT total_changes()")
            let schema = try db.integer("PRAGMA schema_version")
            try db.execute(crafted.sql)
            let changed = try db.integer("SELECT total_changes()") > before || (try db.integer("PRAGMA schema_version")) != schema
            #expect(changed, "'\(crafted.name)' changed nothing")
            try db.execute("ROLLBACK TO probe; RELEASE probe")
        }
    }

    @Test("A FIFO is refused at once as not a regular file (exit 66), not waited on")
    func fifo() throws {
        let folder = try ScratchFolder()
        let path = folder.path("pipe.db")
        #expect(mkfifo(path, 0o600) == 0)
        try BadFileTests.expectRefused(path, as: .notRegularFile)
        #expect(SnapshotError.notRegularFile(path).isNoInput)
    }

    @Test("A symbolic link to a good snapshot loads")
    func symlink() async throws {
        let folder = try ScratchFolder()
        let path = try await BadFileTests.snapshot(in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.db"), withDestinationPath: path)
        #expect(try Snapshot.load(from: folder.path("link.db")) == (try await BadFileTests.fixture.value))
    }
}
