import BillingCore
import BillingRuntime
import Testing

/// One attempt that the permission table forbids: who, what, and the operation the
/// denial must name.
struct DeniedAttempt: Sendable, CustomTestStringConvertible {
    /// What the test is called in the results.
    var label: String
    /// The email of the user who tries.
    var user: String
    /// The operation the denial names.
    var operation: Operation
    /// The attempt itself.
    var attempt: @Sendable (Simulation, String) async throws -> Void

    var testDescription: String { label }

    /// Every company operation, each tried by `user`, with the operation it needs.
    static func everything(by user: String, label: String) -> [DeniedAttempt] {
        let company = Team.company
        func make(_ what: String, _ operation: Operation, _ attempt: @escaping @Sendable (Simulation, String) async throws -> Void)
            -> DeniedAttempt
        {
            DeniedAttempt(label: "\(label) may not \(what)", user: user, operation: operation, attempt: attempt)
        }
        return [
            make("view invoices", .viewInvoices) { _ = try await $0.viewInvoices(of: company, as: $1) },
            make("view settings", .viewCompanySettings) { _ = try await $0.viewSettings(of: company, as: $1) },
            make("edit details", .editCompanyDetails) { try await $0.editDetails(of: company, name: "Hijacked AB", as: $1) },
            make("edit the payment method", .editPaymentMethod) {
                try await $0.editPaymentMethod(of: company, to: "Card •••• 6666", as: $1)
            },
            make("change the plan", .changePlan) { try await $0.changePlan(of: company, to: "enterprise", as: $1) },
            make("add an add-on", .manageAddOns) { try await $0.addAddOn("disk20", to: company, as: $1) },
            make("invite a Billing user", .manageCompanyUsers) { try await $0.invite("new@x.se", to: company, as: .billing, by: $1) },
            make("invite a Site Developer", .manageSiteUsers) {
                try await $0.invite("new@x.se", to: company, as: .siteDeveloper(sites: ["shop"]), by: $1)
            },
            make("remove the Billing user", .manageCompanyUsers) { try await $0.removeMember(Team.billing, from: company, by: $1) },
            make("make the Billing user Administrator", .manageCompanyUsers) {
                try await $0.changeRole(of: Team.billing, in: company, to: .administrator, by: $1)
            },
            make("list sites", .manageAllSites) { _ = try await $0.listSites(of: company, as: $1) },
            make("add a site", .manageAllSites) { try await $0.addSite(Site(id: "evil", name: "Evil"), to: company, as: $1) },
            make("open the live blog", .manageSite("blog", .live)) { try await $0.accessSite("blog", .live, of: company, as: $1) },
            make("close the account", .closeAccount) { try await $0.closeAccount(of: company, as: $1) },
            make("transfer ownership", .transferOwnership) { try await $0.transferOwnership(of: company, to: Team.admin, by: $1) },
        ]
    }

    /// The rows of DOMAIN.md's table where a role says "no", one per role and kind.
    static let forbiddenByRole: [DeniedAttempt] = [
        DeniedAttempt(label: "a Developer may not view invoices", user: Team.developer, operation: .viewInvoices) {
            _ = try await $0.viewInvoices(of: Team.company, as: $1)
        },
        DeniedAttempt(label: "a Developer may not edit company details", user: Team.developer, operation: .editCompanyDetails) {
            try await $0.editDetails(of: Team.company, address: "Elsewhere 9", as: $1)
        },
        DeniedAttempt(label: "a Developer may not edit the payment method", user: Team.developer, operation: .editPaymentMethod) {
            try await $0.editPaymentMethod(of: Team.company, to: "Card •••• 1111", as: $1)
        },
        DeniedAttempt(label: "a Developer may not invite a Billing user", user: Team.developer, operation: .manageCompanyUsers) {
            try await $0.invite("new@x.se", to: Team.company, as: .billing, by: $1)
        },
        DeniedAttempt(label: "a Billing user may not change the plan", user: Team.billing, operation: .changePlan) {
            try await $0.changePlan(of: Team.company, to: "business", as: $1)
        },
        DeniedAttempt(label: "a Billing user may not add an add-on", user: Team.billing, operation: .manageAddOns) {
            try await $0.addAddOn("redis", site: "shop", to: Team.company, as: $1)
        },
        DeniedAttempt(label: "a Billing user may not list sites", user: Team.billing, operation: .manageAllSites) {
            _ = try await $0.listSites(of: Team.company, as: $1)
        },
        DeniedAttempt(label: "a Billing user may not open a live site", user: Team.billing, operation: .manageSite("shop", .live)) {
            try await $0.accessSite("shop", .live, of: Team.company, as: $1)
        },
        DeniedAttempt(label: "a Billing user may not invite a Site Developer", user: Team.billing, operation: .manageSiteUsers) {
            try await $0.invite("new@x.se", to: Team.company, as: .siteDeveloper(sites: ["shop"]), by: $1)
        },
        DeniedAttempt(label: "a Site Administrator may not view settings", user: Team.siteAdmin, operation: .viewCompanySettings) {
            _ = try await $0.viewSettings(of: Team.company, as: $1)
        },
        DeniedAttempt(
            label: "a Site Administrator may not open a site not assigned", user: Team.siteAdmin, operation: .manageSite("blog", .staging)
        ) {
            try await $0.accessSite("blog", .staging, of: Team.company, as: $1)
        },
        DeniedAttempt(
            label: "a Site Developer may not open the live assigned site", user: Team.siteDeveloper, operation: .manageSite("shop", .live)
        ) {
            try await $0.accessSite("shop", .live, of: Team.company, as: $1)
        },
        DeniedAttempt(label: "a Site Developer may not view invoices", user: Team.siteDeveloper, operation: .viewInvoices) {
            _ = try await $0.viewInvoices(of: Team.company, as: $1)
        },
        DeniedAttempt(label: "an Administrator may not close the account", user: Team.admin, operation: .closeAccount) {
            try await $0.closeAccount(of: Team.company, as: $1)
        },
        DeniedAttempt(label: "an Administrator may not transfer ownership", user: Team.admin, operation: .transferOwnership) {
            try await $0.transferOwnership(of: Team.company, to: Team.admin, by: $1)
        },
    ]
}

/// DOMAIN.md "Roles and permissions", through the ``Simulation``: every denial is a typed
/// error naming user, operation and company, and changes nothing.
@Suite("Access control through the simulation")
struct AccessControlTests {
    /// Runs `attempt` and checks the denial and that neither the company nor the world
    /// changed.
    private func expectDenied(_ attempt: DeniedAttempt) async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        await sim.advance(to: at("2026-01-20"))
        let stateBefore = try await sim.state(of: Team.company)
        let digestBefore = await sim.digest()
        let usersBefore = await sim.userCount

        let expected = BillingError.denied(AccessDenied(user: attempt.user, operation: attempt.operation, company: Team.company))
        await #expect(throws: expected) { try await attempt.attempt(sim, attempt.user) }

        #expect(try await sim.state(of: Team.company) == stateBefore)
        #expect(await sim.userCount == usersBefore)
        #expect(await sim.digest() == digestBefore)
    }

    @Test(
        "A role denied an operation gets a typed error naming user, operation and company, and nothing changes",
        arguments: DeniedAttempt.forbiddenByRole)
    func roleDenied(_ attempt: DeniedAttempt) async throws {
        try await expectDenied(attempt)
    }

    @Test(
        "A user with no role in a company is denied everything there",
        arguments: DeniedAttempt.everything(by: Team.stranger, label: "a stranger"))
    func strangerDeniedEverything(_ attempt: DeniedAttempt) async throws {
        try await expectDenied(attempt)
    }

    @Test(
        "The Owner of one company is denied everything in another where they have no role",
        arguments: DeniedAttempt.everything(by: Team.otherOwner, label: "another company's Owner"))
    func otherCompanyOwnerDeniedEverything(_ attempt: DeniedAttempt) async throws {
        try await expectDenied(attempt)
    }

    @Test("A user's role in one company gives nothing in another: Billing here, Owner there")
    func rolesDoNotCrossCompanies() async throws {
        let sim = try await Team.world()
        let other = "other"
        try await sim.createCompany(companySpec(other, name: "Other AB"), owner: Team.billing)
        // Owner of "other" may change its plan, but not acme's, where they are Billing.
        try await sim.changePlan(of: other, to: "pro", as: Team.billing)
        let expected = BillingError.denied(AccessDenied(user: Team.billing, operation: .changePlan, company: Team.company))
        await #expect(throws: expected) { try await sim.changePlan(of: Team.company, to: "pro", as: Team.billing) }
        // And acme's Owner has no say in "other".
        let denied = BillingError.denied(AccessDenied(user: Team.owner, operation: .viewInvoices, company: other))
        await #expect(throws: denied) { _ = try await sim.viewInvoices(of: other, as: Team.owner) }
        #expect(try await sim.state(of: Team.company).plan == "starter")
        #expect(try await sim.state(of: other).plan == "pro")
    }

    @Test("A denial's message says who may not do what in which company")
    func denialMessageNamesEverything() async throws {
        let sim = try await Team.world()
        do {
            _ = try await sim.viewInvoices(of: Team.company, as: Team.developer)
            Issue.record("a Developer viewed invoices")
        } catch {
            #expect(error.description == "access denied: dev@acme.se may not view invoices in company acme")
        }
    }

    @Test("A denied operation leaves the month-end emails unchanged")
    func deniedLeavesEmailsAlone() async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        await #expect(throws: BillingError.self) { try await sim.changePlan(of: Team.company, to: "enterprise", as: Team.billing) }
        await sim.advance(to: at("2026-02-01"))

        let state = try await sim.state(of: Team.company)
        #expect(state.plan == "starter")
        #expect(state.invoices.count == 1)
        #expect(await sim.emailCount == 1)
    }

    @Test("The roles the table allows succeed through the simulation")
    func allowedOperationsSucceed() async throws {
        let sim = try await Team.world()
        #expect(try await sim.viewInvoices(of: Team.company, as: Team.billing).count == 1)
        #expect(try await sim.viewSettings(of: Team.company, as: Team.billing).name == "Acme AB")
        try await sim.editPaymentMethod(of: Team.company, to: "Card •••• 4242", as: Team.billing)
        #expect(try await sim.listSites(of: Team.company, as: Team.developer).map(\.id) == ["shop", "blog"])
        try await sim.accessSite("shop", .live, of: Team.company, as: Team.siteAdmin)
        try await sim.accessSite("shop", .staging, of: Team.company, as: Team.siteDeveloper)
        try await sim.invite("helper@acme.se", to: Team.company, as: .siteDeveloper(sites: ["blog"]), by: Team.developer)
        try await sim.changePlan(of: Team.company, to: "pro", as: Team.admin)
        try await sim.transferOwnership(of: Team.company, to: Team.admin, by: Team.owner)

        let state = try await sim.state(of: Team.company)
        #expect(state.paymentMethod == "Card •••• 4242")
        #expect(state.plan == "pro")
        #expect(state.role(of: try await userID(Team.admin, in: sim)) == .owner)
        #expect(state.role(of: try await userID(Team.owner, in: sim)) == .administrator)
    }

    @Test("Nobody can turn invoice emails on for someone else, not even the Owner")
    func notificationsAreSelfOnly() async throws {
        let sim = try await Team.world()
        let digestBefore = await sim.digest()

        await #expect(throws: BillingError.notificationsAreSelfOnly(actor: Team.owner, target: Team.billing)) {
            try await sim.setInvoiceEmails(true, of: Team.billing, as: Team.owner)
        }
        #expect(await sim.digest() == digestBefore)
        let billing = try await userID(Team.billing, in: sim)
        #expect(await sim.user(billing).notifications.invoiceByEmail == false)

        await sim.advance(to: at("2026-02-01"))
        #expect(await sim.emailCount == 0)
    }

    @Test("A user can turn their own invoice emails on and off")
    func ownNotificationsCanChange() async throws {
        let sim = try await Team.world()
        let billing = try await userID(Team.billing, in: sim)
        try await sim.setInvoiceEmails(true, of: Team.billing, as: Team.billing)
        #expect(await sim.user(billing).notifications.invoiceByEmail)
        try await sim.setInvoiceEmails(false, of: Team.billing, as: Team.billing)
        #expect(await sim.user(billing).notifications.invoiceByEmail == false)
    }
}
