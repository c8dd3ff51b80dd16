// Columns by name: each table is one list of columns, the single source of its CREATE,
// INSERT and SELECT, of the value bound for each row and of what a restore accepts in
// each cell (docs/snapshot-schema.md, "Adding a column").

/// What a column may hold. A restore checks every cell as it reads it.
enum SnapshotCellKind: Sendable {
    /// An `INTEGER` in the range.
    case integer(ClosedRange<Int64>)
    /// `TEXT` of at most this many bytes.
    case text(maxBytes: Int)
    /// `TEXT` holding a JSON array of arrays, each with the fields listed, of at most this
    /// many bytes in all.
    case json([SnapshotCellSpec], maxBytes: Int)
    /// An `INTEGER` or `TEXT` of at most ``SnapshotLimits/textBytes`` (`world.value`).
    case integerOrText
}

/// A column's name and what it may hold, without the value it writes.
struct SnapshotCellSpec: Sendable {
    var name: String
    var kind: SnapshotCellKind
    var nullable: Bool
    var primaryKey = false

    /// The column's declaration in `CREATE TABLE`: `INTEGER NOT NULL`, `TEXT`, …
    var declaration: String {
        let type: String =
            switch kind {
            case .integer: "INTEGER"
            case .text, .json: "TEXT"
            case .integerOrText: ""
            }
        if primaryKey { return type + " PRIMARY KEY" }
        return nullable || type.isEmpty ? type : type + " NOT NULL"
    }
}

/// One column of a table whose rows are `Row`s: its spec and how a row gives its value.
struct SnapshotColumn<Row>: Sendable {
    var spec: SnapshotCellSpec
    var value: @Sendable (Row) -> SQLiteValue

    static func integer(
        _ name: String, _ range: ClosedRange<Int64>, primaryKey: Bool = false, _ value: @escaping @Sendable (Row) -> Int64
    ) -> Self {
        Self(spec: SnapshotCellSpec(name: name, kind: .integer(range), nullable: false, primaryKey: primaryKey)) {
            .integer(value($0))
        }
    }

    static func optionalInteger(_ name: String, _ range: ClosedRange<Int64>, _ value: @escaping @Sendable (Row) -> Int64?) -> Self {
        Self(spec: SnapshotCellSpec(name: name, kind: .integer(range), nullable: true)) { value($0).map(SQLiteValue.integer) ?? .null }
    }

    static func text(
        _ name: String, maxBytes: Int = SnapshotLimits.textBytes, primaryKey: Bool = false, _ value: @escaping @Sendable (Row) -> String
    ) -> Self {
        Self(spec: SnapshotCellSpec(name: name, kind: .text(maxBytes: maxBytes), nullable: false, primaryKey: primaryKey)) {
            .text(value($0))
        }
    }

    static func optionalText(_ name: String, maxBytes: Int = SnapshotLimits.textBytes, _ value: @escaping @Sendable (Row) -> String?)
        -> Self
    {
        Self(spec: SnapshotCellSpec(name: name, kind: .text(maxBytes: maxBytes), nullable: true)) {
            value($0).map(SQLiteValue.text) ?? .null
        }
    }

    /// A JSON array with one element per item of `items(row)`, each an array of the
    /// `fields`' values in order.
    static func json<Element>(
        _ name: String, maxBytes: Int, fields: [SnapshotColumn<Element>], _ items: @escaping @Sendable (Row) -> [Element]
    ) -> Self {
        let values = fields.map(\.value)
        return Self(spec: SnapshotCellSpec(name: name, kind: .json(fields.map(\.spec), maxBytes: maxBytes), nullable: false)) { row in
            .text(SnapshotJSON.array(items(row), fields: values))
        }
    }

    /// The same column for rows of another type that contain a `Row`.
    func pulledBack<Outer>(_ part: @escaping @Sendable (Outer) -> Row) -> SnapshotColumn<Outer> {
        let value = self.value
        return SnapshotColumn<Outer>(spec: spec) { value(part($0)) }
    }
}

/// A table: its name and its columns, in order.
struct SnapshotTable<Row>: Sendable {
    let name: String
    let columns: [SnapshotColumn<Row>]
    let specs: [SnapshotCellSpec]

    init(_ name: String, _ columns: [SnapshotColumn<Row>]) {
        self.name = name
        self.columns = columns
        self.specs = columns.map(\.spec)
    }

    var create: String {
        "CREATE TABLE \(name) (" + columns.map { "\($0.spec.name) \($0.spec.declaration)" }.joined(separator: ", ") + ");"
    }

    var insert: String {
        "INSERT INTO \(name) (\(columns.map(\.spec.name).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    /// Every column, after the rowid, of the rows with rowids from `?1` up to (not
    /// including) `?2`, or to the last when `?2` is NULL, in row order.
    var select: String {
        "SELECT rowid, \(columns.map(\.spec.name).joined(separator: ", ")) FROM \(name) "
            + "WHERE rowid >= ?1 AND (?2 IS NULL OR rowid < ?2) ORDER BY rowid"
    }
}
