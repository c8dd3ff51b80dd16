/// A failed SQLite call: the result code, SQLite's message and the SQL it ran.
///
/// `SQLite error 19: NOT NULL constraint failed: users.email while executing INSERT …`
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code (for example 11, `SQLITE_CORRUPT`).
    public var code: Int32
    /// SQLite's own message.
    public var message: String
    /// The statement that failed, if any.
    public var sql: String?

    /// An error.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// `SQLite error 11: database disk image is malformed while executing SELECT …`.
    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " while executing \($0.prefix(120))" } ?? "")
    }

    /// `SQLITE_NOTADB`: the file is not a database.
    static let notADatabase: Int32 = 26
}
