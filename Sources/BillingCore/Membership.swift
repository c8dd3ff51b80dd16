/// A user's role in one company.
public struct Membership: Sendable, Hashable, Codable {
    /// Who.
    public var user: UserID
    /// As what.
    public var role: Role

    /// A membership.
    public init(user: UserID, role: Role) {
        self.user = user
        self.role = role
    }
}
