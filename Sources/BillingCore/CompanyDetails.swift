/// A company's identity as printed on its invoices. Editing it appends a revision, so
/// each invoice keeps the details it was issued with.
public struct CompanyDetails: Sendable, Hashable, Codable {
    /// Company name, any Unicode.
    public var name: String
    /// Postal address, any Unicode.
    public var address: String
    /// Country: decides VAT with the VAT number.
    public var country: Country
    /// VAT registration number; empty when the company has none.
    public var vatNumber: String

    /// Details.
    public init(name: String, address: String, country: Country, vatNumber: String = "") {
        self.name = name
        self.address = address
        self.country = country
        self.vatNumber = vatNumber
    }
}

/// Where a company's billing periods start.
public enum AnchorMode: String, Sendable, Hashable, Codable {
    /// Periods start on the signup date and repeat on that day of the month, clamped to
    /// the month's last day (the default).
    case anniversary
    /// Periods start on the 1st of each month; the first period is prorated.
    case calendarMonth = "calendar-month"
}

/// The instants a company's periods start at: `boundary(k)` is the k-th monthly
/// boundary after the anchor.
public struct BillingAnchor: Sendable, Hashable, Codable {
    /// The anchor's date; its day is the anchor day.
    public var date: CivilDate
    /// Seconds after midnight that periods start at.
    public var secondOfDay: Int64

    /// An anchor for a period starting at `start`.
    public init(start: Instant, mode: AnchorMode) {
        switch mode {
        case .anniversary:
            date = start.date
            secondOfDay = start.secondOfDay
        case .calendarMonth:
            let d = start.date
            date = CivilDate(unchecked: d.year, d.month, 1)
            secondOfDay = 0
        }
    }

    /// The start of month `k` after the anchor, clamped to the anchor day.
    public func boundary(_ k: Int) -> Instant {
        Instant(date.addingMonths(k, anchorDay: date.day)).adding(seconds: secondOfDay)
    }
}

/// A site of a company.
public struct Site: Sendable, Hashable, Codable {
    /// Identifier within the company.
    public var id: SiteID
    /// Display name.
    public var name: String

    /// A site.
    public init(id: SiteID, name: String) {
        self.id = id
        self.name = name
    }
}

/// An add-on in use, since an instant (for per-use billing on annual plans).
public struct ActiveAddOn: Sendable, Hashable, Codable {
    /// Which add-on.
    public var id: AddOnID
    /// Its site, for per-site add-ons.
    public var site: SiteID?
    /// When it was added.
    public var since: Instant
}

/// Metered usage in the current monthly window.
public struct Usage: Sendable, Hashable, Codable {
    /// Visits this window.
    public var visits: Int64 = 0
    /// CDN GB this window.
    public var cdnGB: Int64 = 0
    /// Disk GB now.
    public var diskGB: Int64 = 0
    /// Peak disk GB this window.
    public var diskPeakGB: Int64 = 0
    /// Overage already incurred under earlier plans this window, per metric, in units
    /// (visits or GB): an upgrade does not erase it.
    public var incurredVisits: Int64 = 0
    /// See ``incurredVisits``.
    public var incurredCDN: Int64 = 0
    /// See ``incurredVisits``.
    public var incurredDisk: Int64 = 0

    /// No usage.
    public init() {}
}

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
}
