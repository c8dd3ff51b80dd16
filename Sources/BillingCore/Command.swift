/// One thing a user does in a company's dashboard, as a value: the scenario parser makes
/// it, the runtime performs it (``apply(to:by:naming:at:settings:)``), and a trial
/// (`expect … can/cannot`) performs it without keeping the result. Adding an operation is
/// a case here, its `CompanyState` method (which asks its row of the permission table
/// first and changes nothing when it throws), a parser line and its docs.
///
/// Users other than the one acting are named by email (``namedUser``): the runtime looks
/// them up before it enters the company.
public enum Command: Sendable, Hashable {
    /// Lists the invoices.
    case viewInvoices
    /// Views the company settings.
    case viewSettings
    /// Lists all sites.
    case viewSites
    /// Views and manages one site environment.
    case manageSite(SiteID, SiteEnvironment)
    /// Edits name, address, country or VAT number (`nil` keeps a value, `""` removes the number).
    case editDetails(name: String?, address: String?, country: Country?, vatNumber: String?)
    /// Changes the payment method.
    case editPaymentMethod(String)
    /// Changes plan and optionally cycle, prorated.
    case changePlan(PlanID, cycle: BillingCycle?)
    /// Adds an add-on (with a site for per-site add-ons).
    case addAddOn(AddOnID, site: SiteID?)
    /// Removes an add-on.
    case removeAddOn(AddOnID, site: SiteID?)
    /// Adds a site.
    case addSite(Site)
    /// Removes a site.
    case removeSite(SiteID)
    /// Invites the user with this email, with a role.
    case invite(email: String, Role)
    /// Revokes the pending invitation of the user with this email.
    case revokeInvitation(email: String)
    /// The acting user accepts their own invitation (no permission is asked).
    case acceptInvitation
    /// Removes a member.
    case removeMember(email: String)
    /// Gives a member a new role.
    case changeRole(email: String, Role)
    /// Transfers ownership to an Administrator.
    case transferOwnership(email: String)
    /// Closes the account: its final invoice is issued at once.
    case closeAccount

    /// The other user the command names (the invitee, the member changed), by email.
    public var namedUser: String? {
        switch self {
        case .invite(let email, _), .revokeInvitation(let email), .removeMember(let email), .changeRole(let email, _),
            .transferOwnership(let email):
            email
        default: nil
        }
    }

    /// True when it changes nothing when it succeeds (the views).
    public var isView: Bool {
        switch self {
        case .viewInvoices, .viewSettings, .viewSites, .manageSite: true
        default: false
        }
    }

    /// Performs the command on `state` as `actor`, with `named` the user ``namedUser``
    /// names (required when it names one). Throws, changing nothing, when the actor may
    /// not or a rule refuses.
    public func apply(
        to state: inout CompanyState, by actor: UserRef, naming named: UserRef?, at now: Instant, settings: WorldSettings
    ) throws(BillingError) {
        func target() throws(BillingError) -> UserRef {
            guard let named else { throw .invalidValue("'\(self)' names a user, and none was given") }
            return named
        }
        switch self {
        case .viewInvoices: _ = try state.viewInvoices(by: actor)
        case .viewSettings: _ = try state.viewSettings(by: actor)
        case .viewSites: _ = try state.listSites(by: actor)
        case .manageSite(let site, let environment): try state.accessSite(site, environment, by: actor)
        case .editDetails(let name, let address, let country, let vatNumber):
            try state.editDetails(name: name, address: address, country: country, vatNumber: vatNumber, by: actor)
        case .editPaymentMethod(let method): try state.editPaymentMethod(method, by: actor)
        case .changePlan(let plan, let cycle): try state.changePlan(to: plan, cycle: cycle, by: actor, at: now, settings: settings)
        case .addAddOn(let addOn, let site): try state.addAddOn(addOn, site: site, by: actor, at: now, settings: settings)
        case .removeAddOn(let addOn, let site): try state.removeAddOn(addOn, site: site, by: actor, at: now, settings: settings)
        case .addSite(let site): try state.addSite(site, by: actor)
        case .removeSite(let site): try state.removeSite(site, by: actor, at: now, settings: settings)
        case .invite(_, let role): try state.invite(try target(), as: role, by: actor, at: now, settings: settings)
        case .revokeInvitation: try state.revokeInvitation(of: try target(), by: actor)
        case .acceptInvitation: try state.accept(actor, at: now)
        case .removeMember: try state.removeMember(try target(), by: actor)
        case .changeRole(_, let role): try state.changeRole(of: try target(), to: role, by: actor)
        case .transferOwnership: try state.transferOwnership(to: try target(), by: actor)
        case .closeAccount: try state.closeAccount(by: actor, at: now, settings: settings)
        }
    }
}
