public import BillingCore

/// Something a user does: a dashboard ``Command`` in a company, or a setting of their own.
public enum Action: Sendable, Hashable {
    /// A command performed in a company (`change plan of C to PLAN`, `invite EMAIL to C as ROLE`, …).
    case command(Command, company: String)
    /// `turn invoice email on|off [for EMAIL]`.
    case turnInvoiceEmail(on: Bool, for: String?)

    /// The company it is performed in; `nil` for a user's own settings.
    public var company: String? {
        switch self {
        case .command(_, let company): company
        case .turnInvoiceEmail: nil
        }
    }

    /// Other users it names (the invitee, the member changed, …).
    var namedUsers: [String] {
        switch self {
        case .command(let command, _): command.namedUser.map { [$0] } ?? []
        case .turnInvoiceEmail(_, let target): target.map { [$0] } ?? []
        }
    }

    /// True when the action only makes sense as a named user (`as EMAIL:`).
    var needsUser: Bool {
        switch self {
        case .command(.acceptInvitation, _), .turnInvoiceEmail: true
        case .command: false
        }
    }
}
