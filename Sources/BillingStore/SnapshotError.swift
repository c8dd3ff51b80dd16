public import BillingRuntime

/// Why a snapshot could not be saved or restored. A failed restore never changes the
/// file; a failed save leaves the previous snapshot as it was.
public enum SnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There is no file at the path (exit 66).
    case missingFile(String)
    /// The path names a FIFO, a device, a socket or anything else that is not a regular
    /// file (exit 66); opening it could block for ever.
    case notRegularFile(String)
    /// The file is not an SQLite database.
    case notSQLite(String)
    /// The file is shorter than its own header says: cut off while copying or saving.
    case truncated(String, expectedBytes: Int64, actualBytes: Int64)
    /// SQLite reports the file damaged.
    case corrupt(String, detail: String)
    /// The file is a database but lacks a table every snapshot has.
    case missingTable(String, table: String)
    /// The file was written with another schema version.
    case schemaVersion(String, found: Int64, expected: Int64)
    /// The database holds something a snapshot does not: a view, a trigger, a virtual
    /// table, an unknown table, a generated column, columns other than the schema's.
    case unexpectedSchema(String, detail: String)
    /// A cell of the wrong type, out of its column's range or too long (table, rowid, column).
    case badValue(String, table: String, row: Int64, column: String, reason: String)
    /// The rows do not describe a world (a value out of range, a reference to nothing).
    case inconsistent(String, detail: String)
    /// The rows describe a world that breaks one of its invariants.
    case invalidWorld(String, WorldInconsistency)
    /// The snapshot could not be written.
    case cannotWrite(String, detail: String)

    /// True when the file does not exist: exit 66 rather than 65.
    public var isMissingFile: Bool {
        if case .missingFile = self { return true }
        return false
    }

    /// True when there is no regular file to read (missing, or a FIFO, a device…): exit
    /// 66 rather than 65.
    public var isNoInput: Bool {
        switch self {
        case .missingFile, .notRegularFile: true
        default: false
        }
    }

    /// What happened, naming the file.
    public var description: String {
        switch self {
        case .missingFile(let path): "no snapshot file '\(path)'"
        case .notRegularFile(let path): "'\(path)' is not a snapshot: it is not a regular file"
        case .notSQLite(let path): "'\(path)' is not a snapshot: it is not an SQLite database"
        case .truncated(let path, let expected, let actual):
            "'\(path)' is truncated: its header says \(expected) bytes, the file has \(actual)"
        case .corrupt(let path, let detail): "'\(path)' is corrupt: \(detail)"
        case .missingTable(let path, let table): "'\(path)' is not a complete snapshot: the table '\(table)' is missing"
        case .schemaVersion(let path, let found, let expected):
            "'\(path)' has snapshot schema version \(found); this BillingSim reads version \(expected)"
        case .unexpectedSchema(let path, let detail): "'\(path)' is not a snapshot: \(detail)"
        case .badValue(let path, let table, let row, let column, let reason):
            "'\(path)' does not hold a valid world: \(table) row \(row), column \(column): \(reason)"
        case .inconsistent(let path, let detail): "'\(path)' does not hold a valid world: \(detail)"
        case .invalidWorld(let path, let inconsistency): "'\(path)' does not hold a valid world: \(inconsistency)"
        case .cannotWrite(let path, let detail): "cannot write the snapshot '\(path)': \(detail)"
        }
    }
}
