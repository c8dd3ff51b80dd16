import BillingCore
import Testing

@Suite("Permissions")
struct PermissionsTests {
    /// One row of DOMAIN.md's permission table, written out by hand: the columns are
    /// Owner, Administrator, Developer, Billing, Site Administrator of `a`, Site
    /// Developer of `a`. The site rows are for site `a`.
    struct Row: Sendable, CustomTestStringConvertible {
        var operation: Operation
        var allowed: [Bool]
        var testDescription: String { operation.description }
    }

    static let roles: [Role] = [
        .owner, .administrator, .developer, .billing, .siteAdministrator(sites: ["a"]), .siteDeveloper(sites: ["a"]),
    ]

    static let table: [Row] = {
        let yes = true
        let no = false
        return [
            Row(operation: .viewInvoices, allowed: [yes, yes, no, yes, no, no]),
            Row(operation: .receiveInvoiceEmails, allowed: [yes, yes, no, yes, no, no]),
            Row(operation: .viewCompanySettings, allowed: [yes, yes, no, yes, no, no]),
            Row(operation: .editCompanyDetails, allowed: [yes, yes, no, yes, no, no]),
            Row(operation: .editPaymentMethod, allowed: [yes, yes, no, yes, no, no]),
            Row(operation: .changePlan, allowed: [yes, yes, no, no, no, no]),
            Row(operation: .manageAddOns, allowed: [yes, yes, no, no, no, no]),
            Row(operation: .manageCompanyUsers, allowed: [yes, yes, no, no, no, no]),
            Row(operation: .manageSiteUsers, allowed: [yes, yes, yes, no, no, no]),
            Row(operation: .manageAllSites, allowed: [yes, yes, yes, no, no, no]),
            Row(operation: .manageSite("a", .live), allowed: [yes, yes, yes, no, yes, no]),
            Row(operation: .manageSite("a", .staging), allowed: [yes, yes, yes, no, yes, yes]),
            Row(operation: .closeAccount, allowed: [yes, no, no, no, no, no]),
            Row(operation: .transferOwnership, allowed: [yes, no, no, no, no, no]),
        ]
    }()

    @Test("The table covers every operation of the domain")
    func tableIsComplete() {
        #expect(Self.table.map(\.operation) == Operation.allCases(site: "a"))
    }

    @Test("Every role gets exactly what DOMAIN.md's table says", arguments: table)
    func permissionTable(row: Row) {
        for (role, expected) in zip(Self.roles, row.allowed) {
            #expect(Permissions.allows(role, row.operation) == expected, "\(role) may \(row.operation)?")
        }
    }

    @Test("Invoice email recipients are exactly Owner, Administrator and Billing")
    func invoiceRecipients() {
        let receives = Self.roles.map(Permissions.receivesInvoices)
        #expect(receives == [true, true, false, true, false, false])
    }

    @Test("A user with no role in the company may do nothing", arguments: Operation.allCases(site: "a"))
    func noRoleIsDenied(operation: Operation) {
        #expect(!Permissions.allows(nil, operation))
    }

    @Test("Site roles on site a give nothing on site b", arguments: SiteEnvironment.allCases)
    func siteRolesAreScoped(environment: SiteEnvironment) {
        #expect(!Permissions.allows(.siteAdministrator(sites: ["a"]), .manageSite("b", environment)))
        #expect(!Permissions.allows(.siteDeveloper(sites: ["a"]), .manageSite("b", environment)))
        #expect(Permissions.allows(.siteAdministrator(sites: ["a", "b"]), .manageSite("b", environment)))
    }

    @Test("A Site Developer gets staging but not live of an assigned site")
    func siteDeveloperStagingOnly() {
        let role = Role.siteDeveloper(sites: ["a", "b"])
        #expect(Permissions.allows(role, .manageSite("b", .staging)))
        #expect(!Permissions.allows(role, .manageSite("b", .live)))
        #expect(!Permissions.allows(role, .manageSite("c", .staging)))
    }

    @Test("Company-level roles reach every site, the Billing role none")
    func companyRolesReachAllSites() {
        for role in [Role.owner, .administrator, .developer] {
            #expect(Permissions.allows(role, .manageSite("any", .live)))
        }
        #expect(!Permissions.allows(.billing, .manageSite("any", .staging)))
    }

    @Test("Roles print their names and sites, and normalise their site lists")
    func roleDescriptions() {
        #expect(Role.owner.description == "Owner")
        #expect(Role.billing.description == "Billing")
        #expect(Role.siteAdministrator(sites: ["shop", "blog"]).normalized.description == "Site Administrator (blog, shop)")
        #expect(Role.siteDeveloper(sites: ["b", "a", "b"]).normalized == .siteDeveloper(sites: ["a", "b"]))
        #expect(Role.developer.isCompanyLevel)
        #expect(!Role.siteDeveloper(sites: ["a"]).isCompanyLevel)
    }

    @Test("A denial names the user, the operation and the company")
    func denialMessage() {
        let denial = AccessDenied(user: "bo@partner.se", operation: .manageAllSites, company: "acme")
        #expect(denial.description == "bo@partner.se may not manage all sites in company acme")
        #expect(BillingError.denied(denial).description == "access denied: bo@partner.se may not manage all sites in company acme")
        #expect(Operation.manageSite("shop", .staging).description == "manage site shop (staging)")
    }
}
