/// An invitation to join a company with a role.
public struct Invitation: Sendable, Hashable, Codable {
    /// Where an invitation stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Waiting; expired once ``Invitation/expires`` has passed.
        case pending
        /// Accepted: the invitee is a member.
        case accepted
        /// Revoked by someone allowed to.
        case revoked
    }

    /// The invited user.
    public var invitee: UserID
    /// The role offered.
    public var role: Role
    /// Who invited.
    public var invitedBy: UserID
    /// When.
    public var created: Instant
    /// When it stops being acceptable.
    public var expires: Instant
    /// Where it stands.
    public var status: Status

    /// The status as of `now`: `expired` when pending past its expiry.
    public func statusText(at now: Instant) -> String {
        status == .pending && now >= expires ? "expired" : status.rawValue
    }

    /// An invitation, as it was stored.
    public init(invitee: UserID, role: Role, invitedBy: UserID, created: Instant, expires: Instant, status: Status) {
        self.invitee = invitee
        self.role = role
        self.invitedBy = invitedBy
        self.created = created
        self.expires = expires
        self.status = status
    }
}
