internal import Foundation

// What a snapshot file may contain before a single row is read: exactly the schema's
// tables and columns (no views, triggers, virtual tables or generated columns, which
// would run code or compute values while reading). Each cell is then checked as it is
// read (SnapshotRecord): of its column's type, integers in range, texts of bounded length.

extension Snapshot {
    /// One column as `PRAGMA table_xinfo` describes it.
    struct Column: Equatable {
        var name: String
        var type: String
        var notNull: Bool
        var primaryKey: Bool
        var hidden: Int64
    }

    /// The columns of every table, as ``SnapshotSchema/create`` makes them.
    static func expectedColumns() throws(SQLiteError) -> [String: [Column]] {
        let db = try SQLiteConnection(path: ":memory:", readOnly: false)
        try db.execute(SnapshotSchema.create)
        var tables: [String: [Column]] = [:]
        for table in SnapshotSchema.tables { tables[table] = try columns(of: table, in: db) }
        return tables
    }

    /// The columns of `table` in `db`.
    static func columns(of table: String, in db: SQLiteConnection) throws(SQLiteError) -> [Column] {
        let query = try db.prepare("PRAGMA table_xinfo(\(quoted(table)))")
        var columns: [Column] = []
        while try query.step() {
            columns.append(
                Column(
                    name: query.text(1), type: query.text(2).uppercased(), notNull: query.int64(3) != 0,
                    primaryKey: query.int64(5) != 0, hidden: query.int64(6)))
        }
        return columns
    }

    /// Refuses anything in `sqlite_master` a snapshot does not have, and tables whose
    /// columns differ from the schema's.
    static func checkStructure(_ db: SQLiteConnection, path: String) throws {
        let expected = try expectedColumns()
        let master = try db.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master")
        while try master.step() {
            let type = master.text(0)
            let name = master.text(1)
            let sql = master.text(3).uppercased()
            switch type {
            case "table" where expected[name] != nil && !sql.hasPrefix("CREATE VIRTUAL"):
                continue
            case "index" where expected[master.text(2)] != nil:
                continue  // The primary keys' own indexes, or one a user added to explore.
            default:
                throw SnapshotError.unexpectedSchema(
                    path, detail: "sqlite_master has the \(type) '\(name.prefix(80))', which no snapshot has")
            }
        }
        for table in SnapshotSchema.tables {
            let found = try columns(of: table, in: db)
            guard found == expected[table] else {
                let odd = found.first { $0.hidden != 0 }.map { " (the column '\($0.name.prefix(80))' is generated)" } ?? ""
                throw SnapshotError.unexpectedSchema(path, detail: "the table '\(table)' does not have the schema's columns\(odd)")
            }
        }
    }

    /// `name` as an SQL identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

}
