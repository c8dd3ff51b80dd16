import BillingCore
import Testing

@Suite("Canonical dump")
struct CanonicalDumpTests {
    /// A company with some history: invoices, a member, a site, an add-on, usage.
    func busyCompany() throws -> CompanyState {
        var state = company(country: "SE", currency: .sek)
        state.setUpSite(Site(id: "shop", name: "Shop \"Main\"\nline two"))
        try state.setUpAddOn("redis", site: "shop", at: at(2026, 1, 15), settings: standard)
        state.addMember(People.billing.id, .billing)
        try state.invite(People.newcomer, as: .siteDeveloper(sites: ["shop"]), by: People.owner, at: at(2026, 1, 16), settings: standard)
        state.runDue(until: at(2026, 3, 1), settings: standard)
        try state.recordUsage(.visits, 123_456)
        return state
    }

    @Test("Equal states dump equal text")
    func equalStatesDumpEqual() throws {
        let one = try busyCompany()
        let two = try busyCompany()
        #expect(one == two)
        #expect(one.canonicalDump() == two.canonicalDump())
        #expect(SHA256.hex(of: one.canonicalDump()) == SHA256.hex(of: two.canonicalDump()))
    }

    @Test("A one-cent difference in the balance changes the dump")
    func oneCentChangesDump() throws {
        let base = try busyCompany()
        var credited = base
        try credited.addCredit(Money(minorUnits: 1, .sek))
        #expect(credited != base)
        #expect(credited.canonicalDump() != base.canonicalDump())
    }

    @Test("A one-cent difference on an invoice changes the dump")
    func oneCentOnInvoiceChangesDump() throws {
        var base = company()
        var credited = company()
        try credited.addCredit(Money(minorUnits: 1, .usd))
        base.runDue(until: at(2026, 1, 15), settings: standard)
        credited.runDue(until: at(2026, 1, 15), settings: standard)
        // The credit is used up by the invoice: balances agree, the invoices do not.
        #expect(base.balance == credited.balance)
        #expect(credited.invoices.first?.amountDue == (base.invoices.first?.amountDue ?? 0) - 1)
        #expect(credited.canonicalDump() != base.canonicalDump())
    }

    @Test("Every kind of change shows in the dump")
    func changesShow() throws {
        let base = try busyCompany()
        var renamed = base
        try renamed.editDetails(name: "Acme Group AB", by: People.owner)
        var used = base
        try used.recordUsage(.cdn, 1)
        var paid = base
        try paid.editPaymentMethod("Visa •••• 4242", by: People.owner)
        let dumps = [base, renamed, used, paid].map { $0.canonicalDump() }
        #expect(Set(dumps).count == dumps.count)
    }

    @Test("The dump quotes text so names cannot forge lines")
    func quotesText() throws {
        let dump = try busyCompany().canonicalDump()
        #expect(dump.contains(#"site "shop" "Shop \"Main\"\nline two""#))
        #expect(!dump.contains("\nline two"))
        #expect(quoted("a\\b\t\"c\"\r") == #""a\\b\t\"c\"\r""#)
    }

    @Test("The dump lists invoices with their numbers")
    func listsInvoices() throws {
        let dump = try busyCompany().canonicalDump()
        #expect(dump.hasPrefix("company \"acme\" index=0 currency=SEK plan=business cycle=monthly"))
        #expect(dump.contains("\ninvoice ACME 1 plan monthly"))
        #expect(dump.contains("\ninvoice ACME 2 plan monthly"))
        #expect(dump.contains("\nmember user=3 \"Billing\""))
    }

    @Test("The digest hashes exactly what the dump writes: equal dumps, equal digests; any change, another digest")
    func digestFollowsDump() throws {
        let base = try busyCompany()
        var credited = base
        try credited.addCredit(Money(minorUnits: 1, .sek))
        #expect(base.canonicalDigest() == (try busyCompany()).canonicalDigest())
        #expect(base.canonicalDigest() != credited.canonicalDigest())
        #expect(base.canonicalDigest().count == 32)
    }
}
