public import BillingCore

// The dashboard's operations, each performed as a user (an email) in a company (an id).

extension Simulation {
    /// The company's invoices, as `user` sees them (Company settings → Invoices).
    public func viewInvoices(of company: String, as user: String) async throws(BillingError) -> [Invoice] {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in try state.viewInvoices(by: actor) }
    }

    /// The company settings, as `user` sees them.
    public func viewSettings(of company: String, as user: String) async throws(BillingError) -> CompanyDetails {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in try state.viewSettings(by: actor) }
    }

    /// Performs `command` as `user` in `company`: the one entry point for what users do
    /// (the methods below are conveniences over it). The user the command names is looked
    /// up first; an invitee new to the world is registered only once the invitation is
    /// known to succeed. With `commit: false` nothing changes, in the company or the
    /// directory: the outcome is what the command would give now.
    public func perform(_ command: Command, in company: String, as user: String, commit: Bool = true) async throws(BillingError) {
        var named: UserRef?
        if let email = command.namedUser {
            if case .invite = command {
                named = try await invitee(email, of: command, in: company, as: user, commit: commit)
            } else {
                named = try await directory.ref(email: email)
            }
        }
        try await perform(as: user, in: company, commit: commit) { [named] state, actor, now, settings throws(BillingError) in
            try command.apply(to: &state, by: actor, naming: named, at: now, settings: settings)
        }
    }

    /// The user an invitation names. One new to the world stands in as a reference no
    /// member can have; it is registered only for an invitation that would be sent (tried
    /// first with that reference), so a refusal or a trial registers nobody.
    private func invitee(
        _ email: String, of command: Command, in company: String, as user: String, commit: Bool
    ) async throws(BillingError) -> UserRef {
        if let known = try? await directory.ref(email: email) { return known }
        let provisional = UserRef(id: UserID(Int32.max), email: User.normalize(email: email) ?? email)
        guard commit else { return provisional }
        try await perform(as: user, in: company, commit: false) { state, actor, now, settings throws(BillingError) in
            try command.apply(to: &state, by: actor, naming: provisional, at: now, settings: settings)
        }
        try await directory.register(email: email, name: "")
        return try await directory.ref(email: email)
    }

    /// Edits name, address, country or VAT number (`nil` keeps a value, `""` removes the
    /// number). The number the company ends up with must fit the country it ends up in
    /// (see ``CompanyState/editDetails(name:address:country:vatNumber:by:)``).
    public func editDetails(
        of company: String, name: String? = nil, address: String? = nil, country: Country? = nil, vatNumber: String? = nil,
        as user: String
    ) async throws(BillingError) {
        try await perform(.editDetails(name: name, address: address, country: country, vatNumber: vatNumber), in: company, as: user)
    }

    /// Changes the payment method.
    public func editPaymentMethod(of company: String, to method: String, as user: String) async throws(BillingError) {
        try await perform(.editPaymentMethod(method), in: company, as: user)
    }

    /// Changes plan and optionally cycle, prorated.
    public func changePlan(of company: String, to plan: PlanID, cycle: BillingCycle? = nil, as user: String) async throws(BillingError) {
        try await perform(.changePlan(plan, cycle: cycle), in: company, as: user)
    }

    /// Adds an add-on (with a site for per-site add-ons).
    public func addAddOn(_ addOn: AddOnID, site: SiteID? = nil, to company: String, as user: String) async throws(BillingError) {
        try await perform(.addAddOn(addOn, site: site), in: company, as: user)
    }

    /// Removes an add-on.
    public func removeAddOn(_ addOn: AddOnID, site: SiteID? = nil, from company: String, as user: String) async throws(BillingError) {
        try await perform(.removeAddOn(addOn, site: site), in: company, as: user)
    }

    /// Invites `email` with `role` (registered on the spot if new, once the invitation is
    /// known to succeed).
    public func invite(_ email: String, to company: String, as role: Role, by user: String) async throws(BillingError) {
        try await perform(.invite(email: email, role), in: company, as: user)
    }

    /// `user` accepts their invitation to `company`.
    public func accept(invitationTo company: String, as user: String) async throws(BillingError) {
        try await perform(.acceptInvitation, in: company, as: user)
    }

    /// Revokes the pending invitation of `email`.
    public func revokeInvitation(of email: String, to company: String, by user: String) async throws(BillingError) {
        try await perform(.revokeInvitation(email: email), in: company, as: user)
    }

    /// Removes `member` from the company.
    public func removeMember(_ member: String, from company: String, by user: String) async throws(BillingError) {
        try await perform(.removeMember(email: member), in: company, as: user)
    }

    /// Gives `member` a new role.
    public func changeRole(of member: String, in company: String, to role: Role, by user: String) async throws(BillingError) {
        try await perform(.changeRole(email: member, role), in: company, as: user)
    }

    /// Transfers ownership to `member`, an Administrator.
    public func transferOwnership(of company: String, to member: String, by user: String) async throws(BillingError) {
        try await perform(.transferOwnership(email: member), in: company, as: user)
    }

    /// Closes the account: its final invoice is issued at once (emailed at the next month
    /// end), and nothing is billed after it.
    public func closeAccount(of company: String, as user: String) async throws(BillingError) {
        try await perform(.closeAccount, in: company, as: user)
    }

    /// Adds a site.
    public func addSite(_ site: Site, to company: String, as user: String) async throws(BillingError) {
        try await perform(.addSite(site), in: company, as: user)
    }

    /// Removes a site.
    public func removeSite(_ site: SiteID, from company: String, as user: String) async throws(BillingError) {
        try await perform(.removeSite(site), in: company, as: user)
    }

    /// Lists all sites.
    public func listSites(of company: String, as user: String) async throws(BillingError) -> [Site] {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in try state.listSites(by: actor) }
    }

    /// Views and manages one site environment.
    public func accessSite(_ site: SiteID, _ environment: SiteEnvironment, of company: String, as user: String) async throws(BillingError) {
        try await perform(.manageSite(site, environment), in: company, as: user)
    }

    /// Records metered usage on the company (a system event, no user).
    public func recordUsage(_ metric: Metric, _ amount: Int64, in company: String) async throws(BillingError) {
        try await system(in: company) { state, _, _ throws(BillingError) in try state.recordUsage(metric, amount) }
    }

    /// Adds a credit to the account balance (a system event, no user).
    public func addCredit(_ amount: Money, to company: String) async throws(BillingError) {
        try await system(in: company) { state, _, _ throws(BillingError) in try state.addCredit(amount) }
    }

    /// The whole state of one company.
    public func state(of company: String) async throws(BillingError) -> CompanyState {
        await (try await self.company(company)).snapshot
    }
}
