/// A user's index in the world's user directory.
public struct UserID: Sendable, Hashable, Codable, Comparable {
    /// Position in the directory, from 0.
    public var rawValue: Int32

    /// The user at `rawValue`.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    public static func < (lhs: UserID, rhs: UserID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A user as an operation names them: the id for lookups, the email for messages.
public struct UserRef: Sendable, Hashable {
    /// The directory index.
    public var id: UserID
    /// The normalised email address.
    public var email: String

    /// A reference to a user.
    public init(id: UserID, email: String) {
        self.id = id
        self.email = email
    }
}
