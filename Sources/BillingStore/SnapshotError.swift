/// Why a snapshot could not be saved or restored. A failed restore never changes the
/// file; a failed save leaves the previous snapshot as it was.
public enum SnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There is no file at the path (exit 66).
    case missingFile(String)
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
    /// The rows do not describe a world (a value out of range, a reference to nothing).
    case inconsistent(String, detail: String)
    /// The snapshot could not be written.
    case cannotWrite(String, detail: String)

    /// True when the file does not exist: exit 66 rather than 65.
    public var isMissingFile: Bool {
        if case .missingFile = self { return true }
        return false
    }

    /// What happened, naming the file.
    public var description: String {
        switch self {
        case .missingFile(let path): "no snapshot file '\(path)'"
        case .notSQLite(let path): "'\(path)' is not a snapshot: it is not an SQLite database"
        case .truncated(let path, let expected, let actual):
            "'\(path)' is truncated: its header says \(expected) bytes, the file has \(actual)"
        case .corrupt(let path, let detail): "'\(path)' is corrupt: \(detail)"
        case .missingTable(let path, let table): "'\(path)' is not a complete snapshot: the table '\(table)' is missing"
        case .schemaVersion(let path, let found, let expected):
            "'\(path)' has snapshot schema version \(found); this BillingSim reads version \(expected)"
        case .inconsistent(let path, let detail): "'\(path)' does not hold a valid world: \(detail)"
        case .cannotWrite(let path, let detail): "cannot write the snapshot '\(path)': \(detail)"
        }
    }
}
