internal import BillingSimSQLite

/// One open SQLite database, confined to its owner (not `Sendable`). The C API stays in
/// this file and ``SQLiteStatement``.
final class SQLiteConnection {
    private let handle: OpaquePointer

    /// Opens `path` read-only, or read-write and created when missing.
    init(path: String, readOnly: Bool) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(code: code, message: message)
        }
        handle = db
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        guard code == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw SQLiteError(code: code & 0xFF, message: message, sql: sql)
        }
    }

    /// A prepared statement, to be reused for many rows.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql) }
        return SQLiteStatement(statement, connection: self, sql: sql)
    }

    /// The error for `code` with the connection's current message.
    func error(_ code: Int32, _ sql: String?) -> SQLiteError {
        SQLiteError(code: code & 0xFF, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// The single integer a query returns (`PRAGMA user_version`, `count(*)`).
    func integer(_ sql: String) throws(SQLiteError) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else { throw SQLiteError(code: 0, message: "no row", sql: sql) }
        return statement.int64(0)
    }
}

/// A prepared statement: bind, step, read columns, reset. Finalized on deinit.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    private let sql: String

    init(_ handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds a value to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: SQLiteValue) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .text(let text): code = bindText(index, text)
        case .null: code = sqlite3_bind_null(handle, index)
        }
        guard code == SQLITE_OK else { throw connection.error(code, sql) }
    }

    /// Binds `text` to parameter `index` (from 1) from its own bytes, which SQLite copies:
    /// no C string is made of it, and a NUL in it is kept.
    private func bindText(_ index: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, SQLiteStatement.transient)
            }
            return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLiteStatement.transient)
            }
        }
    }

    /// Binds an integer to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: Int64) throws(SQLiteError) {
        let code = sqlite3_bind_int64(handle, index, value)
        guard code == SQLITE_OK else { throw connection.error(code, sql) }
    }

    /// Binds text (or NULL for `nil`) to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: String?) throws(SQLiteError) {
        let code =
            if let value { bindText(index, value) } else {
                sqlite3_bind_null(handle, index)
            }
        guard code == SQLITE_OK else { throw connection.error(code, sql) }
    }

    /// Binds an integer or NULL to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: Int64?) throws(SQLiteError) {
        let code = if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        guard code == SQLITE_OK else { throw connection.error(code, sql) }
    }

    /// Runs the statement with the parameters bound so far, then resets it for the next
    /// row (bindings stay until rebound).
    func insert() throws(SQLiteError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw connection.error(code, sql) }
    }

    /// Binds `values` to the parameters from 1 on and runs the statement once (an insert),
    /// resetting it for the next row.
    func insert(_ values: ArraySlice<SQLiteValue>) throws(SQLiteError) {
        for (offset, value) in values.enumerated() { try bind(Int32(offset + 1), value) }
        try insert()
    }

    /// Resets the statement to run again (bindings stay).
    func reset() { sqlite3_reset(handle) }

    /// Steps once: true when a row is ready to read.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(code, sql)
        }
    }

    /// True when column `index` of the current row is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` as a cell: an integer, a text of at most `maxBytes` bytes, a
    /// null, or anything else (a real, a blob, a longer text) shown by its first 40 bytes.
    func cell(_ index: Int32, maxBytes: Int) -> SnapshotCell {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_NULL: return .null
        case SQLITE_TEXT where Int(sqlite3_column_bytes(handle, index)) <= maxBytes: return .text(text(index))
        case let type:
            let name = type == SQLITE_FLOAT ? "real" : type == SQLITE_BLOB ? "blob" : "text"
            let count = min(Int(sqlite3_column_bytes(handle, index)), 40)
            let shown = sqlite3_column_text(handle, index).map {
                String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
            }
            return .other(type: name, shown: shown ?? "")
        }
    }

    /// Column `index` as an integer.
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` when it holds an integer.
    func integer(_ index: Int32) -> Int64? {
        sqlite3_column_type(handle, index) == SQLITE_INTEGER ? sqlite3_column_int64(handle, index) : nil
    }

    /// `body` on the bytes of column `index` where SQLite holds them, when it is a text
    /// of at most `maxBytes` bytes; `nil` otherwise.
    func withText<T>(_ index: Int32, maxBytes: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard sqlite3_column_type(handle, index) == SQLITE_TEXT else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count <= maxBytes else { return nil }
        guard let bytes = sqlite3_column_text(handle, index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Column `index` as text ("" for NULL).
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A value to bind.
enum SQLiteValue: Sendable {
    case integer(Int64)
    case text(String)
    case null
}
