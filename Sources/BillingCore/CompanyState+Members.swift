// Members and invitations: who holds which role. Every method authorizes first and
// changes nothing when it throws.

extension CompanyState {
    /// The operation that manages a user holding `role`: company-level roles need
    /// ``Operation/manageCompanyUsers``, site roles ``Operation/manageSiteUsers``.
    public static func managing(_ roles: Role...) -> Operation {
        roles.contains(where: \.isCompanyLevel) ? .manageCompanyUsers : .manageSiteUsers
    }

    /// Checks that `role` can be granted: not Owner, and site roles name existing sites.
    func validateGrantable(_ role: Role) throws(BillingError) {
        switch role {
        case .owner: throw .ownerOnlyByTransfer
        case .siteAdministrator(let ids), .siteDeveloper(let ids):
            guard !ids.isEmpty else { throw .emptySiteRole }
            for site in ids where !sites.contains(where: { $0.id == site }) { throw .unknownSite(site) }
        case .administrator, .developer, .billing: break
        }
    }

    /// Invites `invitee` with `role`, as `actor`. A newer invitation replaces a pending
    /// one for the same user.
    public mutating func invite(
        _ invitee: UserRef, as role: Role, by actor: UserRef, at now: Instant, settings: WorldSettings
    ) throws(BillingError) {
        let role = role.normalized
        // Replacing a pending invitation revokes it: that needs the right to manage both.
        let replaced = invitations.last(where: { $0.invitee == invitee.id && $0.status == .pending })?.role
        try authorize(actor, replaced.map { CompanyState.managing(role, $0) } ?? CompanyState.managing(role))
        try validateGrantable(role)
        guard self.role(of: invitee.id) == nil else { throw .alreadyMember(user: invitee.email, company: id) }
        invitations.removeAll { $0.invitee == invitee.id && $0.status == .pending }
        invitations.append(
            Invitation(
                invitee: invitee.id, role: role, invitedBy: actor.id, created: now,
                expires: now.adding(seconds: settings.invitationLifetime), status: .pending))
    }

    /// `invitee` accepts their pending invitation and gets its role.
    public mutating func accept(_ invitee: UserRef, at now: Instant) throws(BillingError) {
        guard let index = invitations.lastIndex(where: { $0.invitee == invitee.id && $0.status == .pending }) else {
            throw .noInvitation(email: invitee.email, company: id)
        }
        if closed { throw .accountClosed(id) }
        guard now < invitations[index].expires else { throw .invitationExpired(email: invitee.email, company: id) }
        guard role(of: invitee.id) == nil else { throw .alreadyMember(user: invitee.email, company: id) }
        try validateGrantable(invitations[index].role)
        invitations[index].status = .accepted
        addMember(invitee.id, invitations[index].role)
    }

    /// Revokes the pending invitation of `invitee`, as `actor`.
    public mutating func revokeInvitation(of invitee: UserRef, by actor: UserRef) throws(BillingError) {
        guard let index = invitations.lastIndex(where: { $0.invitee == invitee.id && $0.status == .pending }) else {
            try authorize(actor, .manageSiteUsers)
            throw .noInvitation(email: invitee.email, company: id)
        }
        try authorize(actor, CompanyState.managing(invitations[index].role))
        invitations[index].status = .revoked
    }

    /// Removes `target` from the company, as `actor`. The Owner cannot be removed.
    public mutating func removeMember(_ target: UserRef, by actor: UserRef) throws(BillingError) {
        guard let current = role(of: target.id) else {
            try authorize(actor, .manageSiteUsers)
            throw .notMember(user: target.email, company: id)
        }
        try authorize(actor, CompanyState.managing(current))
        if current == .owner { throw .ownerCannotBeRemoved(target.email) }
        members.removeAll { $0.user == target.id }
    }

    /// Gives `target` a new role, as `actor`. Nobody becomes or stops being Owner here.
    public mutating func changeRole(of target: UserRef, to role: Role, by actor: UserRef) throws(BillingError) {
        let role = role.normalized
        guard let current = self.role(of: target.id) else {
            try authorize(actor, CompanyState.managing(role))
            throw .notMember(user: target.email, company: id)
        }
        try authorize(actor, CompanyState.managing(current, role))
        if current == .owner { throw .ownerCannotBeRemoved(target.email) }
        try validateGrantable(role)
        setRole(target.id, role)
    }

    /// Makes `target`, an Administrator, the Owner; the old Owner becomes an
    /// Administrator. Only the Owner may do this.
    public mutating func transferOwnership(to target: UserRef, by actor: UserRef) throws(BillingError) {
        try authorize(actor, .transferOwnership)
        guard role(of: target.id) == .administrator else { throw .transferNeedsAdministrator(target.email) }
        setRole(actor.id, .administrator)
        setRole(target.id, .owner)
    }

    /// Adds a member directly (company creation, population generation): no checks
    /// beyond keeping one role per user.
    public mutating func addMember(_ user: UserID, _ role: Role) {
        if let index = members.firstIndex(where: { $0.user == user }) {
            members[index].role = role
            return
        }
        let position = members.firstIndex(where: { $0.user > user }) ?? members.count
        members.insert(Membership(user: user, role: role), at: position)
    }

    private mutating func setRole(_ user: UserID, _ role: Role) {
        if let index = members.firstIndex(where: { $0.user == user }) { members[index].role = role }
    }

    /// Drops `site` from every site role; a site role left with no sites is removed.
    mutating func forgetSite(_ site: SiteID) {
        members = members.compactMap { member in
            switch member.role {
            case .siteAdministrator(let ids):
                let rest = ids.filter { $0 != site }
                return rest.isEmpty ? nil : Membership(user: member.user, role: .siteAdministrator(sites: rest))
            case .siteDeveloper(let ids):
                let rest = ids.filter { $0 != site }
                return rest.isEmpty ? nil : Membership(user: member.user, role: .siteDeveloper(sites: rest))
            default:
                return member
            }
        }
    }
}
