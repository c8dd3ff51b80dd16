import BillingCore
import Testing

@Suite("Company members and invitations")
struct CompanyMembersTests {
    let now = at(2026, 1, 20, 12)

    /// The staffed company with a pending invitation of Otto as Administrator.
    func companyWithPendingInvitation() throws -> CompanyState {
        var state = staffedCompany()
        try state.invite(People.another, as: .administrator, by: People.owner, at: now, settings: standard)
        return state
    }

    // MARK: Invitations

    @Test("An accepted invitation gives the invitee its role")
    func inviteThenAccept() throws {
        var state = staffedCompany()
        try state.invite(People.newcomer, as: .billing, by: People.admin, at: now, settings: standard)
        #expect(state.role(of: People.newcomer.id) == nil)
        let invitation = try #require(state.invitations.last)
        #expect(invitation.invitee == People.newcomer.id)
        #expect(invitation.invitedBy == People.admin.id)
        #expect(invitation.role == .billing)
        #expect(invitation.status == .pending)
        #expect(invitation.expires == now.adding(seconds: 7 * 86_400))

        try state.accept(People.newcomer, at: now.adding(seconds: 60))
        #expect(state.role(of: People.newcomer.id) == .billing)
        #expect(state.invitations.last?.status == .accepted)
        expectFailure(.noInvitation(email: People.newcomer.email, company: "acme"), in: state) { state throws(BillingError) in
            try state.accept(People.newcomer, at: now.adding(seconds: 120))
        }
    }

    @Test("A site role offered in an invitation is stored normalised")
    func siteRoleInvitation() throws {
        var state = staffedCompany()
        try state.invite(People.newcomer, as: .siteDeveloper(sites: ["b", "a", "b"]), by: People.developer, at: now, settings: standard)
        try state.accept(People.newcomer, at: now)
        #expect(state.role(of: People.newcomer.id) == .siteDeveloper(sites: ["a", "b"]))
    }

    @Test("An invitation expires after the invitation lifetime")
    func invitationExpires() throws {
        var state = staffedCompany()
        let settings = WorldSettings()
        #expect(settings.invitationLifetime == 7 * 86_400)
        try state.invite(People.newcomer, as: .developer, by: People.owner, at: now, settings: settings)
        let expiry = now.adding(seconds: settings.invitationLifetime)
        #expect(state.invitations.last?.statusText(at: expiry.adding(seconds: -1)) == "pending")
        #expect(state.invitations.last?.statusText(at: expiry) == "expired")
        expectFailure(.invitationExpired(email: People.newcomer.email, company: "acme"), in: state) { state throws(BillingError) in
            try state.accept(People.newcomer, at: expiry)
        }
        try state.accept(People.newcomer, at: expiry.adding(seconds: -1))
        #expect(state.role(of: People.newcomer.id) == .developer)
    }

    @Test("A revoked invitation can no longer be accepted")
    func revoke() throws {
        var state = staffedCompany()
        try state.invite(People.newcomer, as: .billing, by: People.owner, at: now, settings: standard)
        try state.revokeInvitation(of: People.newcomer, by: People.admin)
        #expect(state.invitations.last?.status == .revoked)
        #expect(state.invitations.last?.statusText(at: now) == "revoked")
        expectFailure(.noInvitation(email: People.newcomer.email, company: "acme"), in: state) { state throws(BillingError) in
            try state.accept(People.newcomer, at: now)
        }
        #expect(state.role(of: People.newcomer.id) == nil)
    }

    @Test("A newer invitation replaces the pending one")
    func reinviteReplaces() throws {
        var state = staffedCompany()
        try state.invite(People.newcomer, as: .billing, by: People.owner, at: now, settings: standard)
        try state.invite(People.newcomer, as: .developer, by: People.owner, at: now.adding(seconds: 10), settings: standard)
        #expect(state.invitations.filter { $0.invitee == People.newcomer.id }.count == 1)
        try state.accept(People.newcomer, at: now.adding(seconds: 20))
        #expect(state.role(of: People.newcomer.id) == .developer)
    }

    @Test("Members cannot be invited again")
    func alreadyMember() {
        expectFailure(.alreadyMember(user: People.billing.email, company: "acme"), in: staffedCompany()) { state throws(BillingError) in
            try state.invite(People.billing, as: .administrator, by: People.owner, at: now, settings: standard)
        }
    }

    @Test("Nobody can be invited as, or changed into, the Owner")
    func nobodyInvitedAsOwner() {
        let state = staffedCompany()
        expectFailure(.ownerOnlyByTransfer, in: state) { state throws(BillingError) in
            try state.invite(People.newcomer, as: .owner, by: People.owner, at: now, settings: standard)
        }
        expectFailure(.ownerOnlyByTransfer, in: state) { state throws(BillingError) in
            try state.changeRole(of: People.admin, to: .owner, by: People.owner)
        }
    }

    @Test("Site roles must name existing sites")
    func siteRolesNeedSites() {
        let state = staffedCompany()
        expectFailure(.emptySiteRole, in: state) { state throws(BillingError) in
            try state.invite(People.newcomer, as: .siteAdministrator(sites: []), by: People.owner, at: now, settings: standard)
        }
        expectFailure(.unknownSite("zzz"), in: state) { state throws(BillingError) in
            try state.invite(People.newcomer, as: .siteAdministrator(sites: ["zzz"]), by: People.owner, at: now, settings: standard)
        }
    }

    @Test(
        "Billing and Developer cannot invite company-level users",
        arguments: [
            (People.billing, Role.administrator), (People.billing, .billing), (People.developer, .administrator),
            (People.developer, .developer), (People.developer, .billing), (People.siteAdmin, .billing),
        ])
    func companyLevelInvitesDenied(actor: UserRef, role: Role) {
        expectDenied(actor, .manageCompanyUsers, in: staffedCompany()) { state throws(BillingError) in
            try state.invite(People.newcomer, as: role, by: actor, at: now, settings: standard)
        }
    }

    @Test("A Developer can invite and remove site-level users, Billing and site roles cannot")
    func siteLevelInvites() throws {
        var state = staffedCompany()
        try state.invite(People.newcomer, as: .siteAdministrator(sites: ["b"]), by: People.developer, at: now, settings: standard)
        try state.accept(People.newcomer, at: now)
        #expect(state.role(of: People.newcomer.id) == .siteAdministrator(sites: ["b"]))
        try state.removeMember(People.siteDeveloper, by: People.developer)
        #expect(state.role(of: People.siteDeveloper.id) == nil)

        for actor in [People.billing, People.siteAdmin, People.siteDeveloper] {
            expectDenied(actor, .manageSiteUsers, in: staffedCompany()) { state throws(BillingError) in
                try state.invite(People.another, as: .siteDeveloper(sites: ["a"]), by: actor, at: now, settings: standard)
            }
        }
    }

    // MARK: Removing and changing members

    @Test("Administrators remove and change company-level members")
    func adminManagesMembers() throws {
        var state = staffedCompany()
        try state.changeRole(of: People.developer, to: .billing, by: People.admin)
        #expect(state.role(of: People.developer.id) == .billing)
        try state.removeMember(People.billing, by: People.admin)
        #expect(state.role(of: People.billing.id) == nil)
        #expect(state.members.map(\.user) == state.members.map(\.user).sorted())
    }

    @Test("The Owner cannot be removed or demoted, not even by themselves")
    func ownerStays() {
        let state = staffedCompany()
        for actor in [People.owner, People.admin] {
            expectFailure(.ownerCannotBeRemoved(People.owner.email), in: state) { state throws(BillingError) in
                try state.removeMember(People.owner, by: actor)
            }
            expectFailure(.ownerCannotBeRemoved(People.owner.email), in: state) { state throws(BillingError) in
                try state.changeRole(of: People.owner, to: .administrator, by: actor)
            }
        }
        expectDenied(People.developer, .manageCompanyUsers, in: state) { state throws(BillingError) in
            try state.removeMember(People.owner, by: People.developer)
        }
    }

    @Test("Ownership goes from the Owner to an Administrator, and the old Owner becomes an Administrator")
    func transferOwnership() throws {
        var state = staffedCompany()
        try state.transferOwnership(to: People.admin, by: People.owner)
        #expect(state.role(of: People.admin.id) == .owner)
        #expect(state.role(of: People.owner.id) == .administrator)
        #expect(state.members.filter { $0.role == .owner }.count == 1)
        // The new Owner may now close the account; the old one may not.
        expectDenied(People.owner, .closeAccount, in: state) { state throws(BillingError) in
            try state.closeAccount(by: People.owner, at: now, settings: standard)
        }
    }

    @Test(
        "Ownership cannot go to anyone but an Administrator",
        arguments: [People.developer, People.billing, People.siteAdmin, People.outsider])
    func transferNeedsAdministrator(target: UserRef) {
        expectFailure(.transferNeedsAdministrator(target.email), in: staffedCompany()) { state throws(BillingError) in
            try state.transferOwnership(to: target, by: People.owner)
        }
    }

    @Test("Only the Owner transfers ownership", arguments: [People.admin, People.developer, People.billing, People.outsider])
    func onlyOwnerTransfers(actor: UserRef) {
        expectDenied(actor, .transferOwnership, in: staffedCompany()) { state throws(BillingError) in
            try state.transferOwnership(to: People.admin, by: actor)
        }
    }

    @Test("Removing a site drops it from site roles, and a role left with no site is removed")
    func removingSiteForgetsRoles() throws {
        var state = staffedCompany()
        try state.changeRole(of: People.siteDeveloper, to: .siteDeveloper(sites: ["a", "b"]), by: People.admin)
        try state.removeSite("a", by: People.developer, at: now, settings: standard)
        #expect(state.role(of: People.siteAdmin.id) == nil)
        #expect(state.role(of: People.siteDeveloper.id) == .siteDeveloper(sites: ["b"]))
        #expect(state.sites.map(\.id) == ["b"])
    }

    @Test("Invoice recipients are the Owner, Administrators and Billing members")
    func recipientCandidates() throws {
        var state = staffedCompany()
        #expect(state.invoiceRecipientCandidates == [People.owner.id, People.admin.id, People.billing.id])
        try state.changeRole(of: People.admin, to: .developer, by: People.owner)
        try state.removeMember(People.billing, by: People.owner)
        #expect(state.invoiceRecipientCandidates == [People.owner.id])
    }

    // MARK: Denials

    /// An operation someone may not perform, and the operation the denial must name.
    struct Denied: Sendable, CustomTestStringConvertible {
        var actor: UserRef
        var operation: Operation
        var testDescription: String
        var body: @Sendable (inout CompanyState) throws(BillingError) -> Void
    }

    static let denials: [Denied] = {
        let t = at(2026, 1, 20, 12)
        let s = WorldSettings()
        return [
            Denied(actor: People.developer, operation: .manageCompanyUsers, testDescription: "Developer invites an Administrator") {
                state throws(BillingError) in
                try state.invite(People.newcomer, as: .administrator, by: People.developer, at: t, settings: s)
            },
            Denied(actor: People.billing, operation: .manageSiteUsers, testDescription: "Billing invites a Site Developer") {
                state throws(BillingError) in
                try state.invite(People.newcomer, as: .siteDeveloper(sites: ["a"]), by: People.billing, at: t, settings: s)
            },
            Denied(actor: People.outsider, operation: .manageCompanyUsers, testDescription: "an outsider invites Billing") {
                state throws(BillingError) in
                try state.invite(People.newcomer, as: .billing, by: People.outsider, at: t, settings: s)
            },
            Denied(actor: People.developer, operation: .manageCompanyUsers, testDescription: "Developer removes Billing") {
                state throws(BillingError) in
                try state.removeMember(People.billing, by: People.developer)
            },
            Denied(
                actor: People.developer, operation: .manageCompanyUsers,
                testDescription: "Developer promotes a Site Developer to Administrator"
            ) { state throws(BillingError) in
                try state.changeRole(of: People.siteDeveloper, to: .administrator, by: People.developer)
            },
            Denied(
                actor: People.developer, operation: .manageCompanyUsers, testDescription: "Developer revokes an Administrator's invitation"
            ) { state throws(BillingError) in
                try state.revokeInvitation(of: People.another, by: People.developer)
            },
            Denied(actor: People.siteAdmin, operation: .manageSiteUsers, testDescription: "Site Administrator removes a Site Developer") {
                state throws(BillingError) in
                try state.removeMember(People.siteDeveloper, by: People.siteAdmin)
            },
            Denied(actor: People.outsider, operation: .manageSiteUsers, testDescription: "an outsider removes a non-member") {
                state throws(BillingError) in
                try state.removeMember(People.newcomer, by: People.outsider)
            },
            Denied(
                actor: People.outsider, operation: .manageSiteUsers,
                testDescription: "an outsider revokes an invitation that does not exist"
            ) { state throws(BillingError) in
                try state.revokeInvitation(of: People.newcomer, by: People.outsider)
            },
            Denied(actor: People.outsider, operation: .manageCompanyUsers, testDescription: "an outsider changes the role of a non-member")
            { state throws(BillingError) in
                try state.changeRole(of: People.newcomer, to: .billing, by: People.outsider)
            },
            Denied(actor: People.admin, operation: .closeAccount, testDescription: "Administrator closes the account") {
                state throws(BillingError) in
                try state.closeAccount(by: People.admin, at: t, settings: s)
            },
            Denied(actor: People.billing, operation: .changePlan, testDescription: "Billing changes the plan") {
                state throws(BillingError) in
                try state.changePlan(to: "agency", by: People.billing, at: t, settings: s)
            },
            Denied(actor: People.developer, operation: .changePlan, testDescription: "Developer changes the billing cycle") {
                state throws(BillingError) in
                try state.changePlan(to: "business", cycle: .annual, by: People.developer, at: t, settings: s)
            },
            Denied(actor: People.billing, operation: .manageAddOns, testDescription: "Billing adds an add-on") {
                state throws(BillingError) in
                try state.addAddOn("redis", site: "a", by: People.billing, at: t, settings: s)
            },
            Denied(actor: People.developer, operation: .manageAddOns, testDescription: "Developer removes an add-on") {
                state throws(BillingError) in
                try state.removeAddOn("disk20", by: People.developer, at: t, settings: s)
            },
            Denied(actor: People.developer, operation: .editCompanyDetails, testDescription: "Developer edits the company name") {
                state throws(BillingError) in
                try state.editDetails(name: "Evil Corp", by: People.developer)
            },
            Denied(actor: People.siteAdmin, operation: .editPaymentMethod, testDescription: "Site Administrator edits the payment method") {
                state throws(BillingError) in
                try state.editPaymentMethod("Visa •••• 0000", by: People.siteAdmin)
            },
            Denied(actor: People.developer, operation: .viewInvoices, testDescription: "Developer views invoices") {
                state throws(BillingError) in
                _ = try state.viewInvoices(by: People.developer)
            },
            Denied(actor: People.siteDeveloper, operation: .viewCompanySettings, testDescription: "Site Developer views company settings") {
                state throws(BillingError) in
                _ = try state.viewSettings(by: People.siteDeveloper)
            },
            Denied(actor: People.billing, operation: .manageAllSites, testDescription: "Billing adds a site") {
                state throws(BillingError) in
                try state.addSite(Site(id: "c", name: "New"), by: People.billing)
            },
            Denied(actor: People.siteAdmin, operation: .manageAllSites, testDescription: "Site Administrator removes a site") {
                state throws(BillingError) in
                try state.removeSite("a", by: People.siteAdmin, at: t, settings: s)
            },
            Denied(actor: People.billing, operation: .manageAllSites, testDescription: "Billing lists the sites") {
                state throws(BillingError) in
                _ = try state.listSites(by: People.billing)
            },
            Denied(
                actor: People.siteDeveloper, operation: .manageSite("a", .live),
                testDescription: "Site Developer opens live of an assigned site"
            ) { state throws(BillingError) in
                try state.accessSite("a", .live, by: People.siteDeveloper)
            },
            Denied(actor: People.siteAdmin, operation: .manageSite("b", .staging), testDescription: "Site Administrator of a opens b") {
                state throws(BillingError) in
                try state.accessSite("b", .staging, by: People.siteAdmin)
            },
            Denied(
                actor: People.outsider, operation: .manageSite("nope", .live),
                testDescription: "an outsider opens a site that does not exist"
            ) { state throws(BillingError) in
                try state.accessSite("nope", .live, by: People.outsider)
            },
        ]
    }()

    @Test("A denied operation names the user, operation and company, and changes nothing", arguments: denials)
    func deniedChangesNothing(denied: Denied) throws {
        var state = try companyWithPendingInvitation()
        try state.setUpAddOn("disk20", site: nil, at: now, settings: standard)
        expectDenied(denied.actor, denied.operation, in: state, denied.body)
    }

    @Test("A company cannot move to a country code that is not assigned, such as ZZ")
    func unassignedCountryIsRefused() throws {
        var state = staffedCompany()
        let before = state
        let nowhere = try #require(Country(rawValue: "ZZ"))
        #expect(throws: BillingError.self) { try state.editDetails(country: nowhere, by: People.owner) }
        #expect(state == before)
    }

    @Test("Allowed roles pass the same gates")
    func allowedRolesPass() throws {
        var state = staffedCompany()
        #expect(try state.viewInvoices(by: People.billing).isEmpty)
        #expect(try state.viewSettings(by: People.billing) == state.details)
        try state.editDetails(address: "Kungsgatan 2", by: People.billing)
        try state.editPaymentMethod("Visa •••• 4242", by: People.billing)
        #expect(state.paymentMethod == "Visa •••• 4242")
        #expect(try state.listSites(by: People.developer).map(\.id) == ["a", "b"])
        try state.accessSite("a", .live, by: People.siteAdmin)
        try state.accessSite("a", .staging, by: People.siteDeveloper)
        try state.addSite(Site(id: "c", name: "Docs"), by: People.developer)
        #expect(state.sites.count == 3)
    }

    @Test("A user with no role learns nothing, not even that an account is closed or a site is missing")
    func outsiderLearnsNothing() throws {
        var state = staffedCompany()
        expectDenied(People.outsider, .manageSiteUsers, in: state) { state throws(BillingError) in
            try state.removeMember(People.newcomer, by: People.outsider)
        }
        try state.closeAccount(by: People.owner, at: now, settings: standard)
        #expect(state.closed)
        expectDenied(People.outsider, .viewInvoices, in: state) { state throws(BillingError) in
            _ = try state.viewInvoices(by: People.outsider)
        }
        expectDenied(People.outsider, .manageCompanyUsers, in: state) { state throws(BillingError) in
            try state.invite(People.newcomer, as: .billing, by: People.outsider, at: now, settings: standard)
        }
        // A member who is allowed learns that the account is closed.
        expectFailure(.accountClosed("acme"), in: state) { state throws(BillingError) in
            try state.invite(People.newcomer, as: .billing, by: People.admin, at: now, settings: standard)
        }
    }

    @Test("A Developer cannot cancel a pending company-level invitation by inviting the same user")
    func developerCannotReplaceCompanyLevelInvitation() throws {
        // Replacing a pending Administrator invitation revokes it, which revokeInvitation
        // rightly denies a Developer: invite must not be a way around that.
        let state = try companyWithPendingInvitation()
        expectDenied(People.developer, .manageCompanyUsers, in: state) { state throws(BillingError) in
            try state.invite(People.another, as: .siteDeveloper(sites: ["a"]), by: People.developer, at: now, settings: standard)
        }
    }
}
