import BillingCore
import BillingDocuments
import BillingRuntime
import Testing

/// DOMAIN.md "Invoice emails": sent at each month end, to the members who at that
/// instant may receive invoices and turned the emails on, exactly once.
@Suite("Month-end invoice emails")
struct MonthEndEmailTests {
    // MARK: When

    @Test("No invoice email goes out during the month; they go out when the month turns")
    func sentOnlyAtMonthEnd() async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        await sim.advance(to: at("2026-01-31", hours: 24).adding(seconds: -1))
        #expect(await sim.emailCount == 0)

        await sim.advance(to: at("2026-02-01"))
        let messages = await sim.emails
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message.sentAt == at("2026-02-01"))
        #expect(message.number.description == "ACME-000001")
        #expect(message.recipient == (try await userID(Team.owner, in: sim)))
    }

    @Test("An invoice issued exactly as the month turns goes out at that same month end")
    func invoiceAtMonthTurnGoesOutAtOnce() async throws {
        let sim = try await Team.world(start: at("2026-01-01"), optedIn: [Team.owner])
        await sim.advance(to: at("2026-02-01"))

        let state = try await sim.state(of: Team.company)
        let februaryInvoice = try #require(state.invoices.firstIndex { $0.created == at("2026-02-01") })
        let sent = await sim.emails.filter { $0.invoice == Int32(februaryInvoice) }
        #expect(sent.count == 1)
        #expect(sent.first?.sentAt == at("2026-02-01"))
        #expect(sent.first?.number.description == "ACME-000002")
    }

    @Test("A world that starts as a month turns emails the invoices issued at its start at once, not a month later")
    func worldStartingAtMonthTurnEmailsAtOnce() async throws {
        let sim = try await Team.world(start: at("2026-01-01"), optedIn: [Team.owner])
        await sim.advance(to: at("2026-01-02"))

        let sent = await sim.emails
        #expect(sent.map(\.sentAt) == [at("2026-01-01")])
        #expect(sent.map(\.number.description) == ["ACME-000001"])
        await sim.advance(to: at("2026-02-01"))
        #expect(await sim.emails.map(\.number.description) == ["ACME-000001", "ACME-000002"])
    }

    @Test("An invoice issued mid-month by a plan change goes out at the next month end")
    func prorationInvoiceGoesOutAtNextMonthEnd() async throws {
        let sim = try Simulation(seed: 7, start: at("2026-01-15"))
        try await sim.register(email: "anna@yearly.se", name: "Anna")
        try await sim.setInvoiceEmails(true, of: "anna@yearly.se", as: "anna@yearly.se")
        try await sim.createCompany(companySpec("yearly", cycle: .annual), owner: "anna@yearly.se")
        await sim.advance(to: at("2026-02-20"))
        #expect(await sim.emailCount == 1)

        try await sim.changePlan(of: "yearly", to: "enterprise", as: "anna@yearly.se")
        let state = try await sim.state(of: "yearly")
        let proration = try #require(state.invoices.lastIndex { $0.kind == .proration })
        await sim.advance(to: at("2026-02-28", hours: 23))
        #expect(await sim.emailCount == 1)

        await sim.advance(to: at("2026-03-01"))
        let sent = await sim.emails.filter { $0.invoice == Int32(proration) }
        #expect(sent.count == 1)
        #expect(sent.first?.sentAt == at("2026-03-01"))
    }

    @Test("An invoice an operation issues at the month-turn instant, after that send, goes out once at the following month end")
    func operationAtMonthTurnGoesOutNextMonth() async throws {
        let sim = try Simulation(seed: 7, start: at("2026-01-15"))
        try await sim.register(email: "anna@yearly.se", name: "Anna")
        try await sim.setInvoiceEmails(true, of: "anna@yearly.se", as: "anna@yearly.se")
        try await sim.createCompany(companySpec("yearly", cycle: .annual), owner: "anna@yearly.se")
        await sim.advance(to: at("2026-03-01"))
        try await sim.changePlan(of: "yearly", to: "enterprise", as: "anna@yearly.se")
        try await sim.register(email: "bo@late.se", name: "Bo")
        try await sim.setInvoiceEmails(true, of: "bo@late.se", as: "bo@late.se")
        try await sim.createCompany(companySpec("late"), owner: "bo@late.se")
        await sim.advance(to: at("2026-05-01"))

        let proration = try #require(try await sim.state(of: "yearly").invoices.lastIndex { $0.kind == .proration })
        let sentProration = await sim.emails.filter { $0.company == 0 && $0.invoice == Int32(proration) }
        #expect(sentProration.map(\.sentAt) == [at("2026-04-01")])
        let sentFirst = await sim.emails.filter { $0.company == 1 && $0.invoice == 0 }
        #expect(sentFirst.map(\.sentAt) == [at("2026-04-01")])
    }

    @Test(
        "A closed account's final invoice goes out at the next month end, exactly once, and nothing follows",
        arguments: [NumberingScheme.perCompany, .sellerWide])
    func closedAccountSendsItsFinalInvoice(numbering: NumberingScheme) async throws {
        let sim = try await Team.world(settings: WorldSettings(numbering: numbering), optedIn: [Team.owner, Team.billing])
        await sim.advance(to: at("2026-02-10"))
        try await sim.closeAccount(of: Team.company, as: Team.owner)
        await sim.advance(to: at("2026-06-01"))

        let invoices = try await sim.state(of: Team.company).invoices
        #expect(invoices.map(\.kind) == [.plan, .final])
        #expect(invoices[1].created == at("2026-02-10"))
        let final = try #require(invoices[1].number)
        let sent = await sim.emails.filter { $0.company == 0 }
        // The plan invoice at February's end, the final one at March's; each to both recipients.
        #expect(sent.map(\.invoice) == [0, 0, 1, 1])
        #expect(sent.map(\.sentAt) == [at("2026-02-01"), at("2026-02-01"), at("2026-03-01"), at("2026-03-01")])
        #expect(sent.filter { $0.invoice == 1 }.allSatisfy { $0.number == final })
        #expect(Set(sent.filter { $0.invoice == 1 }.map(\.recipient)).count == 2)
    }

    // MARK: To whom

    @Test("Only opted-in Owners, Administrators and Billing users receive invoice emails")
    func onlyBillingRolesReceive() async throws {
        let sim = try await Team.world(optedIn: Team.members)
        await sim.advance(to: at("2026-02-01"))

        var expected: Set<UserID> = []
        for email in [Team.owner, Team.admin, Team.billing] { expected.insert(try await userID(email, in: sim)) }
        let messages = await sim.emails
        #expect(Set(messages.map(\.recipient)) == expected)
        #expect(messages.count == 3)
        for email in [Team.developer, Team.siteAdmin, Team.siteDeveloper] {
            #expect(await sim.emails(to: try await userID(email, in: sim)).isEmpty, "\(email) got an invoice email")
        }
    }

    @Test("A Billing user who has not turned invoice emails on receives none")
    func optedOutBillingUserReceivesNothing() async throws {
        let sim = try await Team.world(optedIn: [Team.admin])
        await sim.advance(to: at("2026-04-01"))

        let admin = try await userID(Team.admin, in: sim)
        let messages = await sim.emails
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.recipient == admin })
    }

    @Test("Invoice emails are off by default, so a fresh company sends none")
    func offByDefault() async throws {
        let sim = try await Team.world()
        await sim.advance(by: .months(3))

        #expect(try await sim.state(of: Team.company).invoices.count == 4)
        #expect(await sim.emailCount == 0)
        #expect(await sim.users.users.allSatisfy { !$0.notifications.invoiceByEmail })
    }

    // MARK: Decided at the instant of sending

    @Test("A Billing user removed before the month end gets nothing for invoices issued earlier that month")
    func removedBeforeSendGetsNothing() async throws {
        let sim = try await Team.world(optedIn: [Team.owner, Team.billing])
        await sim.advance(to: at("2026-01-20"))
        try await sim.removeMember(Team.billing, from: Team.company, by: Team.owner)
        await sim.advance(to: at("2026-02-01"))

        #expect(await sim.emails(to: try await userID(Team.billing, in: sim)).isEmpty)
        #expect(await sim.emails(to: try await userID(Team.owner, in: sim)).count == 1)
    }

    @Test("A Billing user moved to Developer before the month end gets nothing for that month's invoices")
    func demotedBeforeSendGetsNothing() async throws {
        let sim = try await Team.world(optedIn: [Team.owner, Team.billing])
        await sim.advance(to: at("2026-01-31", hours: 23))
        try await sim.changeRole(of: Team.billing, in: Team.company, to: .developer, by: Team.owner)
        await sim.advance(to: at("2026-03-01"))

        #expect(await sim.emails(to: try await userID(Team.billing, in: sim)).isEmpty)
        #expect(await sim.emails(to: try await userID(Team.owner, in: sim)).count == 2)
    }

    @Test("A Billing user removed after a month end keeps what was sent and gets nothing more")
    func removedAfterSendKeepsEarlierEmails() async throws {
        let sim = try await Team.world(optedIn: [Team.billing])
        await sim.advance(to: at("2026-02-01"))
        try await sim.removeMember(Team.billing, from: Team.company, by: Team.owner)
        await sim.advance(to: at("2026-05-01"))

        let received = await sim.emails(to: try await userID(Team.billing, in: sim))
        #expect(received.map(\.number.description) == ["ACME-000001"])
        #expect(received.map(\.sentAt) == [at("2026-02-01")])
    }

    @Test("A user who turns invoice emails on just before the month end receives that month's invoices")
    func optInBeforeSendReceives() async throws {
        let sim = try await Team.world()
        await sim.advance(to: at("2026-01-31", hours: 23))
        try await sim.setInvoiceEmails(true, of: Team.billing, as: Team.billing)
        await sim.advance(to: at("2026-02-01"))

        let received = await sim.emails(to: try await userID(Team.billing, in: sim))
        #expect(received.map(\.number.description) == ["ACME-000001"])
    }

    @Test("A user who turns invoice emails off before the month end receives nothing that month")
    func optOutBeforeSendReceivesNothing() async throws {
        let sim = try await Team.world(optedIn: [Team.owner, Team.billing])
        await sim.advance(to: at("2026-01-31", hours: 23))
        try await sim.setInvoiceEmails(false, of: Team.billing, as: Team.billing)
        await sim.advance(to: at("2026-02-01"))

        #expect(await sim.emails(to: try await userID(Team.billing, in: sim)).isEmpty)
        #expect(await sim.emailCount == 1)
    }

    @Test("A user who joins as Billing before the month end receives invoices issued before they joined")
    func joinedBeforeSendReceives() async throws {
        let sim = try await Team.world()
        try await sim.register(email: "late@partner.se", name: "Lena Late")
        try await sim.setInvoiceEmails(true, of: "late@partner.se", as: "late@partner.se")
        await sim.advance(to: at("2026-01-31", hours: 22))
        try await sim.invite("late@partner.se", to: Team.company, as: .billing, by: Team.admin)
        try await sim.accept(invitationTo: Team.company, as: "late@partner.se")
        await sim.advance(to: at("2026-02-01"))

        let received = await sim.emails(to: try await userID("late@partner.se", in: sim))
        #expect(received.map(\.number.description) == ["ACME-000001"])
    }

    @Test("A partner with the Billing role in several companies receives each company's invoices")
    func partnerReceivesEveryCompany() async throws {
        let sim = try Simulation(seed: 3, start: at("2026-03-10"))
        let partner = "books@accountant.se"
        try await sim.register(email: partner, name: "Bo Books")
        try await sim.setInvoiceEmails(true, of: partner, as: partner)
        let ids = ["alpha", "beta", "gamma"]
        for id in ids {
            let owner = "owner@\(id).se"
            try await sim.register(email: owner, name: "Owner of \(id)")
            try await sim.createCompany(companySpec(id), owner: owner)
            try await sim.invite(partner, to: id, as: .billing, by: owner)
            try await sim.accept(invitationTo: id, as: partner)
        }
        await sim.advance(to: at("2026-05-01"))

        let received = await sim.emails(to: try await userID(partner, in: sim))
        #expect(received.count == 6)
        #expect(Set(received.map(\.company)) == [0, 1, 2])
        #expect(
            Set(received.map(\.number.description))
                == ["ALPHA-000001", "ALPHA-000002", "BETA-000001", "BETA-000002", "GAMMA-000001", "GAMMA-000002"])
    }

    // MARK: Exactly once

    @Test("Every invoice reaches each opted-in recipient exactly once, at the first month end after it is issued")
    func exactlyOnceInPopulation() async throws {
        let sim = try Simulation(seed: 11, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 150, optInPercent: 50, partnerPercent: 30))
        await sim.advance(by: .months(14))

        let actual = await sim.emails
        #expect(actual.count > 150)
        #expect(duplicateDeliveries(actual).isEmpty)
        #expect(await deliveries(of: sim) == (await expectedDeliveries(of: sim)))
    }

    @Test("Advancing a year in one call sends exactly the emails that advancing day by day sends")
    func oneCallEqualsDayByDay() async throws {
        let spec = PopulationSpec(companies: 80, optInPercent: 50, partnerPercent: 30)
        let once = try Simulation(seed: 5, start: at("2026-01-15"))
        try await once.populate(spec)
        await once.advance(by: .years(1))

        let daily = try Simulation(seed: 5, start: at("2026-01-15"))
        try await daily.populate(spec)
        for _ in 0..<365 { await daily.advance(by: .days(1)) }

        #expect(await daily.now == (await once.now))
        let messages = await once.emails
        #expect(messages.count > 80)
        #expect(messages == (await daily.emails))
        #expect(duplicateDeliveries(messages).isEmpty)
    }

    // MARK: What a message says

    @Test("The subject names the invoice number and the seller, and the message goes to the recipient")
    func subjectNamesNumberAndSeller() async throws {
        let seller = Seller(name: "Moln Hosting AB", address: "Molngatan 2", country: .sweden, vatNumber: "SE556000000201")
        let sim = try await Team.world(settings: WorldSettings(seller: seller), optedIn: [Team.billing])
        await sim.advance(to: at("2026-02-01"))

        let message = try #require(await sim.emails.first)
        let email = await sim.render(message)
        #expect(email.to == Team.billing)
        #expect(email.subject.contains("ACME-000001"))
        #expect(email.subject.contains("Moln Hosting AB"))
    }

    @Test(
        "The body has the number, amount due, billing cycle and service period",
        arguments: [
            (BillingCycle.monthly, "437.50 SEK", "monthly", "2026-01-15 – 2026-02-14"),
            (BillingCycle.annual, "4375.00 SEK", "yearly", "2026-01-15 – 2027-01-14"),
        ])
    func bodyHasTheInvoiceFacts(cycle: BillingCycle, amountDue: String, label: String, periodEnd: String) async throws {
        let sim = try Simulation(seed: 9, start: at("2026-01-15"))
        try await sim.register(email: "anna@acme.se", name: "Anna")
        try await sim.setInvoiceEmails(true, of: "anna@acme.se", as: "anna@acme.se")
        try await sim.createCompany(companySpec("acme", cycle: cycle), owner: "anna@acme.se")
        await sim.advance(to: at("2026-02-01"))

        let message = try #require(await sim.emails.first)
        let body = await sim.render(message).body
        #expect(body.contains("ACME-000001"))
        #expect(body.contains(amountDue))
        #expect(body.contains(label))
        #expect(body.contains("2026-01-15"))
        #expect(body.contains(periodEnd))
    }

    @Test("The body names the company as it was when the invoice was issued")
    func bodyUsesDetailsAtIssue() async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        await sim.advance(to: at("2026-01-20"))
        try await sim.editDetails(of: Team.company, name: "Renamed Holding AB", as: Team.billing)
        await sim.advance(to: at("2026-02-01"))

        let message = try #require(await sim.emails.first)
        let body = await sim.render(message).body
        #expect(body.contains("Acme AB"))
        #expect(!body.contains("Renamed Holding AB"))
    }
}
