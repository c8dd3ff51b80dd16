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

    /// Edits name, address, country or VAT number (`nil` keeps a value, `""` removes the
    /// number). The number the company ends up with must fit the country it ends up in
    /// (see ``CompanyState/editDetails(name:address:country:vatNumber:by:)``).
    public func editDetails(
        of company: String, name: String? = nil, address: String? = nil, country: Country? = nil, vatNumber: String? = nil,
        as user: String
    ) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.editDetails(name: name, address: address, country: country, vatNumber: vatNumber, by: actor)
        }
    }

    /// Changes the payment method.
    public func editPaymentMethod(of company: String, to method: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.editPaymentMethod(method, by: actor)
        }
    }

    /// Changes plan and optionally cycle, prorated.
    public func changePlan(of company: String, to plan: PlanID, cycle: BillingCycle? = nil, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.changePlan(to: plan, cycle: cycle, by: actor, at: now, settings: settings)
        }
    }

    /// Adds an add-on (with a site for per-site add-ons).
    public func addAddOn(_ addOn: AddOnID, site: SiteID? = nil, to company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.addAddOn(addOn, site: site, by: actor, at: now, settings: settings)
        }
    }

    /// Removes an add-on.
    public func removeAddOn(_ addOn: AddOnID, site: SiteID? = nil, from company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.removeAddOn(addOn, site: site, by: actor, at: now, settings: settings)
        }
    }

    /// Invites `email` (registered on the spot if new, once the inviter is known to be
    /// allowed to invite) with `role`.
    public func invite(_ email: String, to company: String, as role: Role, by user: String) async throws(BillingError) {
        // The same right the invitation itself will ask: replacing a pending invitation
        // also needs the right to revoke it. Asked before anything else (the account's
        // state included), so a user without it is denied, and told nothing more.
        let known = try? await directory.ref(email: email)
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            let replaced = known.flatMap { invitee in
                state.invitations.last(where: { $0.invitee == invitee.id && $0.status == .pending })?.role
            }
            try state.authorize(actor, replaced.map { CompanyState.managing(role, $0) } ?? CompanyState.managing(role))
        }
        if known == nil {
            // A new user is registered only for an invitation that would be sent: tried
            // first with a reference no member can have, so a refusal registers nobody.
            guard let normalized = User.normalize(email: email) else { throw .invalidEmail(email) }
            let provisional = UserRef(id: UserID(Int32.max), email: normalized)
            try await perform(as: user, in: company, commit: false) { state, actor, now, settings throws(BillingError) in
                try state.invite(provisional, as: role, by: actor, at: now, settings: settings)
            }
        }
        try await directory.register(email: email, name: "")
        let invitee = try await directory.ref(email: email)
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.invite(invitee, as: role, by: actor, at: now, settings: settings)
        }
    }

    /// `user` accepts their invitation to `company`.
    public func accept(invitationTo company: String, as user: String) async throws(BillingError) {
        let invitee = try await directory.ref(email: user)
        try await system(in: company) { state, now, _ throws(BillingError) in try state.accept(invitee, at: now) }
    }

    /// Revokes the pending invitation of `email`.
    public func revokeInvitation(of email: String, to company: String, by user: String) async throws(BillingError) {
        let invitee = try await directory.ref(email: email)
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.revokeInvitation(of: invitee, by: actor)
        }
    }

    /// Removes `member` from the company.
    public func removeMember(_ member: String, from company: String, by user: String) async throws(BillingError) {
        let target = try await directory.ref(email: member)
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.removeMember(target, by: actor)
        }
    }

    /// Gives `member` a new role.
    public func changeRole(of member: String, in company: String, to role: Role, by user: String) async throws(BillingError) {
        let target = try await directory.ref(email: member)
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.changeRole(of: target, to: role, by: actor)
        }
    }

    /// Transfers ownership to `member`, an Administrator.
    public func transferOwnership(of company: String, to member: String, by user: String) async throws(BillingError) {
        let target = try await directory.ref(email: member)
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.transferOwnership(to: target, by: actor)
        }
    }

    /// Closes the account: its final invoice is issued at once (emailed at the next month
    /// end), and nothing is billed after it.
    public func closeAccount(of company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.closeAccount(by: actor, at: now, settings: settings)
        }
    }

    /// Adds a site.
    public func addSite(_ site: Site, to company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in try state.addSite(site, by: actor) }
    }

    /// Removes a site.
    public func removeSite(_ site: SiteID, from company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, now, settings throws(BillingError) in
            try state.removeSite(site, by: actor, at: now, settings: settings)
        }
    }

    /// Lists all sites.
    public func listSites(of company: String, as user: String) async throws(BillingError) -> [Site] {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in try state.listSites(by: actor) }
    }

    /// Views and manages one site environment.
    public func accessSite(_ site: SiteID, _ environment: SiteEnvironment, of company: String, as user: String) async throws(BillingError) {
        try await perform(as: user, in: company) { state, actor, _, _ throws(BillingError) in
            try state.accessSite(site, environment, by: actor)
        }
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
