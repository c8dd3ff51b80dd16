import BillingCore
import BillingRuntime
import Testing

@testable import BillingScenario

/// One line of the language and what it must parse to.
struct Form: Sendable, CustomTestStringConvertible {
    var line: String
    var kind: Statement.Kind

    init(_ line: String, _ kind: Statement.Kind) {
        self.line = line
        self.kind = kind
    }

    var testDescription: String { line }
}

private func prices(_ pairs: [Currency: Int64]) -> PriceList { PriceList(pairs) }
private func amount(_ minor: Int64, _ currency: Currency? = nil) -> Amount { Amount(minorUnits: minor, currency: currency) }
private func act(_ action: Action, as user: String? = nil) -> Statement.Kind { .action(action, user: user) }
private func act(_ command: Command, in company: String, as user: String? = nil) -> Statement.Kind {
    .action(.command(command, company: company), user: user)
}

/// A company spec as the parser builds it: the seller's country unless one is given.
private func spec(
    _ id: String, _ name: String, address: String = "", country: Country = .sweden, vat: String = "",
    currency: Currency = .usd, plan: PlanID, cycle: BillingCycle = .monthly, anchor: AnchorMode = .anniversary,
    payment: String = "Invoice", prefix: String? = nil
) -> CompanySpec {
    CompanySpec(
        id: id, details: CompanyDetails(name: name, address: address, country: country, vatNumber: vat, paymentMethod: payment),
        currency: currency, plan: plan, cycle: cycle, anchorMode: anchor, numberPrefix: prefix)
}

/// The statement `on` wraps: it starts at `column` of the same line.
private func inner(_ kind: Statement.Kind, column: Int, line: String) -> Statement {
    Statement(kind, at: location(1, column, file: "t.scenario"), text: line)
}

@Suite("Parser: every statement form")
struct ParserTests {
    static let world: [Form] = [
        Form("seed 42", .seed(42)),
        Form("seed 0", .seed(0)),
        Form("seed 123456789012345678", .seed(123_456_789_012_345_678)),
        Form("start 2026-03-01", .start(instant("2026-03-01"))),
        Form("start 2026-03-01T08:30", .start(instant("2026-03-01", hours: 8, minutes: 30))),
        Form("start 2024-02-29T23:59:59", .start(instant("2024-02-29", hours: 23, minutes: 59, seconds: 59))),
        Form(
            "seller \"Acme Hosting Oy\" country FI vat FI12345678 address \"Mannerheimintie 1, Helsinki\" series ACH",
            .seller(
                Seller(
                    name: "Acme Hosting Oy", address: "Mannerheimintie 1, Helsinki", country: country("FI"), vatNumber: "FI12345678",
                    seriesPrefix: "ACH"))),
        Form("seller \"Tiny AB\" country SE", .seller(Seller(name: "Tiny AB", address: "", country: .sweden, vatNumber: ""))),
        Form("numbering per-company", .numbering(.perCompany)),
        Form("numbering seller-wide", .numbering(.sellerWide)),
        Form("catalog empty", .catalogEmpty),
        Form(
            "plan mini \"Mini\" monthly 10.00 USD 100 SEK",
            .plan(Plan(id: "mini", name: "Mini", monthly: prices([.usd: 1_000, .sek: 10_000]), visits: 0, diskGB: 0, cdnGB: 0))),
        Form(
            "plan maxi \"Maxi Företag\" monthly 10 USD annual 90.5 USD visits 1000 disk 5 cdn 7",
            .plan(
                Plan(
                    id: "maxi", name: "Maxi Företag", monthly: prices([.usd: 1_000]), annual: prices([.usd: 9_050]), visits: 1_000,
                    diskGB: 5, cdnGB: 7))),
        Form(
            "addon fast \"Fast lane\" monthly 5.5 EUR per site",
            .addOn(AddOn(id: "fast", name: "Fast lane", monthly: prices([.eur: 550]), scope: .site))),
        Form(
            "addon vault \"Vault\" monthly 5 USD 50 SEK per company",
            .addOn(AddOn(id: "vault", name: "Vault", monthly: prices([.usd: 500, .sek: 5_000]), scope: .company))),
        Form("overage visits 1.00 USD", .overage(.visits, prices([.usd: 100]))),
        Form(
            "plan top \"Top\" monthly 1000000.00 USD",
            .plan(Plan(id: "top", name: "Top", monthly: prices([.usd: 100_000_000]), visits: 0, diskGB: 0, cdnGB: 0))),
        Form("overage cdn 10000 USD", .overage(.cdn, prices([.usd: 1_000_000]))),
        Form("overage cdn 0.10 EUR", .overage(.cdn, prices([.eur: 10]))),
        Form("overage disk 2 SEK 0.2 USD", .overage(.disk, prices([.sek: 200, .usd: 20]))),
        Form("vat FI 25.5% from 2024-09-01", .vat(country("FI"), TaxRate(basisPoints: 2_550), date("2024-09-01"))),
        Form("vat de 19% from 2007-01-01", .vat(country("DE"), TaxRate(basisPoints: 1_900), date("2007-01-01"))),
    ]

    static let people: [Form] = [
        Form("user anna@acme.se", .user(email: "anna@acme.se", name: "")),
        Form("user Anna@Acme.SE \"Anna Öberg\"", .user(email: "anna@acme.se", name: "Anna Öberg")),
        Form(
            "company acme \"Acme AB\" owner anna@acme.se plan business",
            .company(spec("acme", "Acme AB", plan: "business"), owner: "anna@acme.se", inSellerCountry: true)),
        Form(
            "company acme \"Acme AB\" plan pro monthly owner ANNA@acme.se",
            .company(spec("acme", "Acme AB", plan: "pro"), owner: "anna@acme.se", inSellerCountry: true)),
        Form(
            "company acme \"Acme AB\" owner anna@acme.se address \"Storgatan 1\" country FI vat FI12345678 currency EUR plan pro annual anchor calendar-month payment \"Card •••• 4242\" prefix AC",
            .company(
                spec(
                    "acme", "Acme AB", address: "Storgatan 1", country: country("FI"), vat: "FI12345678", currency: .eur, plan: "pro",
                    cycle: .annual, anchor: .calendarMonth, payment: "Card •••• 4242", prefix: "AC"),
                owner: "anna@acme.se", inSellerCountry: false)),
        Form("generate 10 companies", .generate(PopulationSpec(companies: 10))),
        Form(
            "generate 1 company annual 50% opt-in 10% partners 3 partner-share 20% addons 0% max-users 2",
            .generate(
                PopulationSpec(
                    companies: 1, annualPercent: 50, optInPercent: 10, partners: 3, partnerPercent: 20, addOnPercent: 0, maxUsers: 2))),
    ]

    static let actions: [Form] = [
        Form("view invoices of acme", act(.viewInvoices, in: "acme")),
        Form("view settings of acme", act(.viewSettings, in: "acme")),
        Form("view sites of acme", act(.viewSites, in: "acme")),
        Form("manage site shop of acme", act(.manageSite("shop", .live), in: "acme")),
        Form("manage site shop of acme staging", act(.manageSite("shop", .staging), in: "acme")),
        Form(
            "edit details of acme name \"Ny AB\" address \"Gata 2\" country FI vat FI87654321",
            act(.editDetails(name: "Ny AB", address: "Gata 2", country: country("FI"), vatNumber: "FI87654321"), in: "acme")),
        Form("edit details of acme vat none", act(.editDetails(name: nil, address: nil, country: nil, vatNumber: ""), in: "acme")),
        // A VAT number is kept as written (a quoted one may hold spaces); it is normalised and
        // checked against the company's country later, by the checker and the runtime.
        Form(
            "edit details of acme vat \"fi 1234.5678\"",
            act(.editDetails(name: nil, address: nil, country: nil, vatNumber: "fi 1234.5678"), in: "acme")),
        Form("edit payment of acme to \"Card •••• 4242\"", act(.editPaymentMethod("Card •••• 4242"), in: "acme")),
        Form("change plan of acme to pro", act(.changePlan("pro", cycle: nil), in: "acme")),
        Form("change plan of acme to pro annual", act(.changePlan("pro", cycle: .annual), in: "acme")),
        Form("add addon redis site shop to acme", act(.addAddOn("redis", site: "shop"), in: "acme")),
        Form("add addon disk20 to acme", act(.addAddOn("disk20", site: nil), in: "acme")),
        Form("remove addon redis site shop from acme", act(.removeAddOn("redis", site: "shop"), in: "acme")),
        Form("remove addon disk20 from acme", act(.removeAddOn("disk20", site: nil), in: "acme")),
        Form("add site shop \"Butiken\" to acme", act(.addSite(Site(id: "shop", name: "Butiken")), in: "acme")),
        Form("add site blog to acme", act(.addSite(Site(id: "blog", name: "blog")), in: "acme")),
        Form("remove site shop from acme", act(.removeSite("shop"), in: "acme")),
        Form("invite bo@x.se to acme as billing", act(.invite(email: "bo@x.se", .billing), in: "acme")),
        Form("invite bo@x.se to acme as admin", act(.invite(email: "bo@x.se", .administrator), in: "acme")),
        Form("invite bo@x.se to acme as administrator", act(.invite(email: "bo@x.se", .administrator), in: "acme")),
        Form("invite bo@x.se to acme as developer", act(.invite(email: "bo@x.se", .developer), in: "acme")),
        Form("invite bo@x.se to acme as owner", act(.invite(email: "bo@x.se", .owner), in: "acme")),
        Form(
            "invite bo@x.se to acme as site-administrator of shop,blog",
            act(.invite(email: "bo@x.se", .siteAdministrator(sites: ["shop", "blog"])), in: "acme")),
        Form(
            "invite bo@x.se to acme as site-developer of shop",
            act(.invite(email: "bo@x.se", .siteDeveloper(sites: ["shop"])), in: "acme")),
        Form("revoke invitation of bo@x.se to acme", act(.revokeInvitation(email: "bo@x.se"), in: "acme")),
        Form("remove user bo@x.se from acme", act(.removeMember(email: "bo@x.se"), in: "acme")),
        Form("change role of bo@x.se in acme to developer", act(.changeRole(email: "bo@x.se", .developer), in: "acme")),
        Form("transfer ownership of acme to ali@x.se", act(.transferOwnership(email: "ali@x.se"), in: "acme")),
        Form("close account of acme", act(.closeAccount, in: "acme")),
        Form("as bo@x.se: accept invitation to acme", act(.acceptInvitation, in: "acme", as: "bo@x.se")),
        Form("as bo@x.se: turn invoice email on", act(.turnInvoiceEmail(on: true, for: nil), as: "bo@x.se")),
        Form("as bo@x.se: turn invoice emails off for ali@x.se", act(.turnInvoiceEmail(on: false, for: "ali@x.se"), as: "bo@x.se")),
        Form("as Bo@X.se: view invoices of acme", act(.viewInvoices, in: "acme", as: "bo@x.se")),
        Form("as bo@x.se : view sites of acme", act(.viewSites, in: "acme", as: "bo@x.se")),
    ]

    static let eventsAndTime: [Form] = [
        Form("usage acme visits 130000", .usage(company: "acme", site: nil, .visits, 130_000)),
        Form("usage acme site shop cdn 12", .usage(company: "acme", site: "shop", .cdn, 12)),
        Form("usage acme disk 1000000000000", .usage(company: "acme", site: nil, .disk, 1_000_000_000_000)),
        Form("credit acme 25.50", .credit(company: "acme", amount(2_550))),
        Form("credit acme 100 SEK", .credit(company: "acme", amount(10_000, .sek))),
        Form("advance 3 days", .advance(.days(3))),
        Form("advance 1 day", .advance(.days(1))),
        Form("advance 0 days", .advance(.days(0))),
        Form("advance 2 months", .advance(.months(2))),
        Form("advance 1 month", .advance(.months(1))),
        Form("advance 1 year", .advance(.years(1))),
        Form("advance 100 years", .advance(.years(100))),
        Form("advance 36600 days", .advance(.days(36_600))),
        Form("advance to 2026-04-01T12:00", .advanceTo(instant("2026-04-01", hours: 12))),
        Form(
            "on 2026-03-10: usage acme visits 5",
            .on(
                instant("2026-03-10"),
                inner(.usage(company: "acme", site: nil, .visits, 5), column: 16, line: "on 2026-03-10: usage acme visits 5"))),
        Form(
            "on 2026-03-10T10:30: as bo@x.se: view invoices of acme",
            .on(
                instant("2026-03-10", hours: 10, minutes: 30),
                inner(
                    act(.viewInvoices, in: "acme", as: "bo@x.se"), column: 22,
                    line: "on 2026-03-10T10:30: as bo@x.se: view invoices of acme"))),
        Form(
            "on 2026-03-10: expect acme invoices 2",
            .on(
                instant("2026-03-10"),
                inner(.expect(.invoiceCount(company: "acme", 2)), column: 16, line: "on 2026-03-10: expect acme invoices 2"))),
        Form(
            "on 2026-03-10: user new@x.se",
            .on(instant("2026-03-10"), inner(.user(email: "new@x.se", name: ""), column: 16, line: "on 2026-03-10: user new@x.se"))),
    ]

    static let expectations: [Form] = [
        Form("expect acme invoices 3", .expect(.invoiceCount(company: "acme", 3))),
        Form(
            "expect acme invoice 1 cycle annual total 1437.50 tax 25%",
            .expect(
                .invoice(company: "acme", .position(1), [.cycle(.annual), .total(amount(143_750)), .taxRate(TaxRate(basisPoints: 2_500))]))),
        Form(
            "expect acme invoice last number ACME-000002 kind proration created 2026-02-01T10:00 period 2026-01-15 to 2026-02-14 lines 2",
            .expect(
                .invoice(
                    company: "acme", .last,
                    [
                        .number("ACME-000002"), .kind(.proration), .created(instant("2026-02-01", hours: 10)),
                        .period(instant("2026-01-15"), date("2026-02-14")), .lines(2),
                    ]))),
        Form(
            "expect acme invoice ACME-000001 subtotal 100 tax 25.00 total 125 USD applied 0 due 125 remaining 0.5",
            .expect(
                .invoice(
                    company: "acme", .number("ACME-000001"),
                    [
                        .subtotal(amount(10_000)), .taxAmount(amount(2_500)), .total(amount(12_500, .usd)), .applied(amount(0)),
                        .due(amount(12_500)), .remaining(amount(50)),
                    ]))),
        Form(
            "expect acme invoice 2 tax reverse-charge kind per-use",
            .expect(.invoice(company: "acme", .position(2), [.reverseCharge, .kind(.perUse)]))),
        Form(
            "expect acme invoice 2 tax none kind plan cycle monthly",
            .expect(.invoice(company: "acme", .position(2), [.noTax, .kind(.plan), .cycle(.monthly)]))),
        Form("expect acme invoice 1 total -12.50", .expect(.invoice(company: "acme", .position(1), [.total(amount(-1_250))]))),
        Form(
            "expect acme invoice 1 name \"Acme AB\" address \"Storgatan 1\" country se vat SE556000000101",
            .expect(
                .invoice(
                    company: "acme", .position(1),
                    [.name("Acme AB"), .address("Storgatan 1"), .country(country("SE")), .vatNumber("SE556000000101")]))),
        Form("expect acme invoice last vat none", .expect(.invoice(company: "acme", .last, [.vatNumber("")]))),
        Form(
            "expect acme invoice 2 payment \"Visa •••• 4242\" vat none",
            .expect(.invoice(company: "acme", .position(2), [.paymentMethod("Visa •••• 4242"), .vatNumber("")]))),
        Form(
            "expect acme invoice 1 line 2 description \"Add-on: Redis\" quantity 3 unit 1.50 amount -12.50 period 2026-01-01 to 2026-01-31",
            .expect(
                .line(
                    company: "acme", .position(1), line: 2,
                    [
                        .description("Add-on: Redis"), .quantity(3), .unit(amount(150)), .amount(amount(-1_250)),
                        .period(instant("2026-01-01"), date("2026-01-31")),
                    ]))),
        Form("expect acme balance 12.50", .expect(.balance(company: "acme", amount(1_250)))),
        Form("expect acme balance 12.50 SEK", .expect(.balance(company: "acme", amount(1_250, .sek)))),
        Form("expect acme plan pro", .expect(.plan(company: "acme", "pro", nil))),
        Form("expect acme plan pro annual", .expect(.plan(company: "acme", "pro", .annual))),
        Form("expect acme owner Ali@X.se", .expect(.owner(company: "acme", email: "ali@x.se"))),
        Form("expect bo@x.se role in acme billing", .expect(.role(email: "bo@x.se", company: "acme", .billing))),
        Form("expect bo@x.se role in acme none", .expect(.role(email: "bo@x.se", company: "acme", nil))),
        Form(
            "expect bo@x.se role in acme site-developer of shop,blog",
            .expect(.role(email: "bo@x.se", company: "acme", .siteDeveloper(sites: ["shop", "blog"])))),
        Form("expect bo@x.se can view invoices of acme", .expect(.can(email: "bo@x.se", .command(.viewInvoices, company: "acme")))),
        Form(
            "expect bo@x.se cannot close account of acme",
            .expect(.cannot(email: "bo@x.se", .command(.closeAccount, company: "acme"), saying: nil))),
        Form(
            "expect bo@x.se cannot change plan of acme to pro saying \"may not\"",
            .expect(.cannot(email: "bo@x.se", .command(.changePlan("pro", cycle: nil), company: "acme"), saying: "may not"))),
        Form(
            "expect emails to bo@x.se for acme invoice ACME-000001 count 2",
            .expect(.emails(EmailFilter(to: "bo@x.se", company: "acme", invoice: "ACME-000001"), count: 2))),
        Form("expect emails count 0", .expect(.emails(EmailFilter(), count: 0))),
        Form("expect email to bo@x.se count 1", .expect(.emails(EmailFilter(to: "bo@x.se"), count: 1))),
        Form("expect no email to anna@acme.se", .expect(.emails(EmailFilter(to: "anna@acme.se"), count: 0))),
        Form("expect no emails for acme", .expect(.emails(EmailFilter(company: "acme"), count: 0))),
        Form("expect total companies 3", .expect(.totalCount(.companies, 3))),
        Form("expect total users 0", .expect(.totalCount(.users, 0))),
        Form("expect total invoices 12", .expect(.totalCount(.invoices, 12))),
        Form("expect total emails 7", .expect(.totalCount(.emails, 7))),
        Form("expect total revenue 1234.50 USD", .expect(.totalMoney(.revenue, minorUnits: 123_450, .usd))),
        Form("expect total due 0 SEK", .expect(.totalMoney(.due, minorUnits: 0, .sek))),
        Form(
            "expect total revenue 368934881474191032.28 EUR",
            .expect(.totalMoney(.revenue, minorUnits: 4 * Int128(Int64.max), .eur))),
        Form(
            "expect total due 999999999999999999999999999999999999.99 EUR",
            .expect(.totalMoney(.due, minorUnits: 99_999_999_999_999_999_999_999_999_999_999_999_999, .eur))),
        Form(
            "expect digest 5FF88105C209A4DBFDA18A62AE918660B4788B259378BC89072DAFB610021776",
            .expect(.digest("5ff88105c209a4dbfda18a62ae918660b4788b259378bc89072dafb610021776"))),
    ]

    @Test("World statements parse", arguments: world)
    func worldStatementsParse(form: Form) throws {
        #expect(try kind(of: form.line) == form.kind)
    }

    @Test("User, company and population statements parse", arguments: people)
    func peopleStatementsParse(form: Form) throws {
        #expect(try kind(of: form.line) == form.kind)
    }

    @Test("Actions parse, with and without 'as'", arguments: actions)
    func actionsParse(form: Form) throws {
        #expect(try kind(of: form.line) == form.kind)
    }

    @Test("Events and time statements parse", arguments: eventsAndTime)
    func eventsAndTimeParse(form: Form) throws {
        #expect(try kind(of: form.line) == form.kind)
    }

    @Test("Expectations parse", arguments: expectations)
    func expectationsParse(form: Form) throws {
        #expect(try kind(of: form.line) == form.kind)
    }

    @Test func aStatementKeepsItsLineAndTheColumnOfItsFirstWord() throws {
        let scenario = try load("# heading\n\nstart 2026-01-15\n   user anna@acme.se   # trailing comment\n")
        #expect(scenario.statements.map(\.location) == [location(3, 1), location(4, 4)])
        #expect(scenario.statements[1].text == "   user anna@acme.se   # trailing comment")
    }

    @Test func anIncludeLineNamesThePathAndWhereItIsWritten() throws {
        guard case .success(.include(let path, let at))? = Parser.parse(line: "include \"shared/å b.inc\"", file: "t.scenario", number: 7)
        else {
            Issue.record("expected an include")
            return
        }
        #expect(path == "shared/å b.inc")
        #expect(at == location(7, 9, file: "t.scenario"))
    }

    @Test func aScenarioCountsItsExpectationsAlsoAfterOn() throws {
        let scenario = try load(
            """
            \(acmeWorld)
            expect acme invoices 1
            on 2026-02-20: expect acme invoices 2
            advance 1 day
            expect total companies 1
            """)
        #expect(scenario.expectationCount == 3)
    }

    @Test func trailingOptionalWordsStopAtTheEndOfTheLine() throws {
        // `manage site S of C` reads an optional environment: a keyword after it is an error,
        // not silently taken as part of the action.
        let diagnostic = try parseError(of: "manage site shop of acme production")
        #expect(diagnostic.location.column == 26)
        #expect(diagnostic.message == "unexpected 'production' at the end of the statement")
    }
}
