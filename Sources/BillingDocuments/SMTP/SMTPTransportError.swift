internal import Glibc

/// A connection-level failure: refused, dropped, timed out, or a reply that is not SMTP.
///
/// Always transient for delivery: the message is tried again on a new connection.
struct SMTPTransportError: Error, Hashable, CustomStringConvertible {
    /// What went wrong, for the report: "connecting to mail:25: Connection refused".
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// A failed system call, described with `strerror`.
    init(operation: String, errno code: Int32) {
        self.description = "\(operation): \(String(cString: strerror(code)))"
    }
}
