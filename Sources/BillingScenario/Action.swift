public import BillingCore

/// Something a user does in the dashboard: each asks for one operation of the
/// permission table.
public enum Action: Sendable, Hashable {
    /// `view invoices of C`.
    case viewInvoices(company: String)
    /// `view settings of C`.
    case viewSettings(company: String)
    /// `view sites of C`.
    case viewSites(company: String)
    /// `manage site S of C [live|staging]`.
    case manageSite(company: String, site: SiteID, SiteEnvironment)
    /// `edit details of C [name "…"] [address "…"] [country CC] [vat NUMBER|none]`.
    case editDetails(company: String, name: String?, address: String?, country: Country?, vat: String?)
    /// `edit payment of C to "…"`.
    case editPayment(company: String, method: String)
    /// `change plan of C to PLAN [monthly|annual]`.
    case changePlan(company: String, plan: PlanID, cycle: BillingCycle?)
    /// `add addon A [site S] to C`.
    case addAddOn(company: String, addOn: AddOnID, site: SiteID?)
    /// `remove addon A [site S] from C`.
    case removeAddOn(company: String, addOn: AddOnID, site: SiteID?)
    /// `add site S ["Name"] to C`.
    case addSite(company: String, Site)
    /// `remove site S from C`.
    case removeSite(company: String, site: SiteID)
    /// `invite EMAIL to C as ROLE`.
    case invite(company: String, email: String, Role)
    /// `revoke invitation of EMAIL to C`.
    case revokeInvitation(company: String, email: String)
    /// `accept invitation to C`.
    case accept(company: String)
    /// `remove user EMAIL from C`.
    case removeUser(company: String, email: String)
    /// `change role of EMAIL in C to ROLE`.
    case changeRole(company: String, email: String, Role)
    /// `transfer ownership of C to EMAIL`.
    case transferOwnership(company: String, email: String)
    /// `close account of C`.
    case closeAccount(company: String)
    /// `turn invoice email on|off [for EMAIL]`.
    case turnInvoiceEmail(on: Bool, for: String?)

    /// The company it is performed in; `nil` for a user's own settings.
    public var company: String? {
        switch self {
        case .viewInvoices(let c), .viewSettings(let c), .viewSites(let c), .manageSite(let c, _, _),
            .editDetails(let c, _, _, _, _), .editPayment(let c, _), .changePlan(let c, _, _),
            .addAddOn(let c, _, _), .removeAddOn(let c, _, _), .addSite(let c, _), .removeSite(let c, _),
            .invite(let c, _, _), .revokeInvitation(let c, _), .accept(let c), .removeUser(let c, _),
            .changeRole(let c, _, _), .transferOwnership(let c, _), .closeAccount(let c):
            c
        case .turnInvoiceEmail: nil
        }
    }

    /// Other users it names (the invitee, the member changed, …).
    var namedUsers: [String] {
        switch self {
        case .invite(_, let email, _), .revokeInvitation(_, let email), .removeUser(_, let email),
            .changeRole(_, let email, _), .transferOwnership(_, let email):
            [email]
        case .turnInvoiceEmail(_, let target): target.map { [$0] } ?? []
        default: []
        }
    }

    /// True when the action only makes sense as a named user (`as EMAIL:`).
    var needsUser: Bool {
        switch self {
        case .accept, .turnInvoiceEmail: true
        default: false
        }
    }
}
