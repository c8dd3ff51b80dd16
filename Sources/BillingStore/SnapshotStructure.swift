internal import Foundation

// What a snapshot file may contain before a single row is read: exactly the schema's
// tables and columns (no views, triggers, virtual tables or generated columns, which
// would run code or compute values while reading), every cell of its column's type,
// integers in range and texts of bounded length.

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
    static func checkStructure(_ db: SQLiteConnection, path: String) throws -> [String: [Column]] {
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
        return expected
    }

    /// Refuses the first cell of the wrong type, out of range or too long, naming its
    /// table, rowid and column. One scan of each table, in SQL.
    static func checkValues(_ db: SQLiteConnection, columns: [String: [Column]], path: String) throws {
        for table in SnapshotSchema.tables {
            let conditions = (columns[table] ?? []).map { column in (column.name, badCell(table, column)) }
            let cases = conditions.map { "WHEN \($0.1) THEN \(quotedText($0.0))" }.joined(separator: " ")
            let sql = "SELECT rowid, CASE \(cases) END FROM \(quoted(table)) WHERE \(conditions.map(\.1).joined(separator: " OR ")) LIMIT 1"
            let query = try db.prepare(sql)
            guard try query.step() else { continue }
            let row = query.int64(0)
            let column = query.text(1)
            let shown = try db.prepare(
                "SELECT typeof(\(quoted(column))), substr(CAST(\(quoted(column)) AS TEXT), 1, 40) FROM \(quoted(table)) WHERE rowid = ?")
            try shown.bind(1, row)
            _ = try shown.step()
            let limit = "\(table).\(column)"
            let reason: String =
                if let range = SnapshotLimits.integers[limit] {
                    "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(shown.text(0)) '\(shown.text(1))'"
                } else {
                    "expected \(table == "world" ? "an integer or text" : "text") of at most \(SnapshotLimits.longTexts[limit] ?? SnapshotLimits.textBytes) bytes, found \(shown.text(0))"
                }
            throw SnapshotError.badValue(path, table: table, row: row, column: column, reason: reason)
        }
    }

    /// The SQL condition true when `column`'s cell is not acceptable.
    private static func badCell(_ table: String, _ column: Column) -> String {
        let name = quoted(column.name)
        let types = column.notNull || column.primaryKey ? "" : ", 'null'"
        let key = "\(table).\(column.name)"
        if let range = SnapshotLimits.integers[key] {
            return "(typeof(\(name)) NOT IN ('integer'\(types)) OR \(name) NOT BETWEEN \(range.lowerBound) AND \(range.upperBound))"
        }
        let bytes = SnapshotLimits.longTexts[key] ?? SnapshotLimits.textBytes
        let allowed = table == "world" && column.name == "value" ? "'integer', 'text'" : "'text'\(types)"
        return "(typeof(\(name)) NOT IN (\(allowed)) OR length(CAST(\(name) AS BLOB)) > \(bytes))"
    }

    /// `name` as an SQL identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `text` as an SQL string literal.
    private static func quotedText(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
