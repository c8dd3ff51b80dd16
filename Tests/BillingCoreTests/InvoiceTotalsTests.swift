import BillingCore
import Testing

/// What an invoice says: taxes, balance, numbers, fields and the details it was issued with.
@Suite("Invoice totals, taxes, balance and numbering")
struct InvoiceTotalsTests {
    struct TaxCase: Sendable, CustomTestStringConvertible {
        var country: String
        var vat: String
        var currency: Currency
        var treatment: TaxTreatment
        var subtotal: Int64
        var tax: Int64
        var testDescription: String { "\(country)\(vat.isEmpty ? "" : " with VAT number")" }
    }

    static let taxCases: [TaxCase] = [
        TaxCase(country: "SE", vat: "", currency: .sek, treatment: .domestic(TaxRate(basisPoints: 2500)), subtotal: 115_000, tax: 28_750),
        TaxCase(
            country: "SE", vat: "SE556677889901", currency: .sek, treatment: .domestic(TaxRate(basisPoints: 2500)), subtotal: 115_000,
            tax: 28_750),
        TaxCase(country: "DE", vat: "DE123456789", currency: .eur, treatment: .reverseCharge, subtotal: 11_500, tax: 0),
        TaxCase(country: "DE", vat: "", currency: .eur, treatment: .destination(TaxRate(basisPoints: 1900)), subtotal: 11_500, tax: 2_185),
        // 25.5% of 115.00 = 29.325 → 29.33 (half away from zero).
        TaxCase(country: "FI", vat: "", currency: .eur, treatment: .destination(TaxRate(basisPoints: 2550)), subtotal: 11_500, tax: 2_933),
        TaxCase(country: "US", vat: "", currency: .usd, treatment: .outsideScope, subtotal: 11_500, tax: 0),
        TaxCase(country: "US", vat: "US-12-345", currency: .usd, treatment: .outsideScope, subtotal: 11_500, tax: 0),
    ]

    @Test("Invoices carry the VAT of the buyer's country case", arguments: taxCases)
    func taxPerCountry(tax: TaxCase) throws {
        var state = company(country: tax.country, vat: tax.vat, currency: tax.currency, start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        let invoice = try #require(state.invoices.first)
        #expect(invoice.currency == tax.currency)
        #expect(invoice.tax == tax.treatment)
        #expect(invoice.subtotal == tax.subtotal)
        #expect(invoice.taxAmount == tax.tax)
        #expect(invoice.total == tax.subtotal + tax.tax)
        #expect(invoice.amountDue == tax.subtotal + tax.tax)
    }

    @Test("The rate is the one in force on the invoice's creation date")
    func rateChangeBetweenInvoices() {
        var state = company(country: "FI", currency: .eur, start: at(2024, 8, 1))
        state.runDue(until: at(2024, 9, 1), settings: standard)
        #expect(state.invoices.map(\.tax) == [.destination(TaxRate(basisPoints: 2400)), .destination(TaxRate(basisPoints: 2550))])
        #expect(state.invoices.map(\.taxAmount) == [2_760, 2_933])
    }

    @Test("Tax follows the details in force: a VAT number added later gives reverse charge from then on")
    func detailsEditChangesTax() throws {
        var state = company(country: "DE", currency: .eur, start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        try state.editDetails(vatNumber: "DE123456789", by: People.owner)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.invoices.map(\.taxAmount) == [2_185, 0])
        #expect(state.invoices.map(\.tax) == [.destination(TaxRate(basisPoints: 1900)), .reverseCharge])
    }

    @Test("The account balance pays invoices automatically, and what is left carries over")
    func balanceApplied() throws {
        var state = company(start: at(2026, 1, 15))
        try state.addCredit(Money(minorUnits: 20_000, .usd))
        #expect(state.balanceMoney == Money(minorUnits: 20_000, .usd))
        state.runDue(until: at(2026, 3, 15), settings: standard)
        #expect(state.invoices.map(\.total) == [11_500, 11_500, 11_500])
        #expect(state.invoices.map(\.balanceApplied) == [11_500, 8_500, 0])
        #expect(state.invoices.map(\.amountDue) == [0, 3_000, 11_500])
        #expect(state.invoices.map(\.balanceRemaining) == [8_500, 0, 0])
        #expect(state.balance == 0)
    }

    @Test("The balance pays the total including VAT")
    func balanceWithTax() throws {
        var state = company(country: "SE", currency: .sek, start: at(2026, 1, 15))
        try state.addCredit(Money(minorUnits: 100_000, .sek))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        let invoice = try #require(state.invoices.first)
        #expect(invoice.total == 143_750)
        #expect(invoice.balanceApplied == 100_000)
        #expect(invoice.amountDue == 43_750)
        #expect(invoice.balanceRemaining == 0)
    }

    @Test("Credits must be positive and in the company's currency")
    func creditValidation() {
        let state = company(currency: .usd)
        expectFailure(.invalidValue("credit in EUR for a company billed in USD"), in: state) { state throws(BillingError) in
            try state.addCredit(Money(minorUnits: 100, .eur))
        }
        for amount: Int64 in [0, -100] {
            expectFailure(.invalidValue("a credit must be positive (\(Money(minorUnits: amount, .usd)))"), in: state) {
                state throws(BillingError) in
                try state.addCredit(Money(minorUnits: amount, .usd))
            }
        }
    }

    @Test("Every field of an invoice is set")
    func invoiceFields() throws {
        var state = company(country: "SE", currency: .sek, start: at(2026, 1, 15, 10))
        try state.addCredit(Money(minorUnits: 10_000, .sek))
        state.runDue(until: at(2026, 1, 15, 10), settings: standard)
        let invoice = try #require(state.invoices.first)
        #expect(invoice.number == InvoiceNumber(prefix: "ACME", sequence: 1))
        #expect(invoice.number?.description == "ACME-000001")
        #expect(invoice.kind == .plan)
        #expect(invoice.cycle.invoiceLabel == "monthly")
        #expect(invoice.created == at(2026, 1, 15, 10))
        #expect(invoice.periodStart == at(2026, 1, 15, 10))
        #expect(invoice.periodEnd == at(2026, 2, 15, 10))
        #expect(invoice.currency == .sek)
        #expect(invoice.lines.count == 1)
        #expect(invoice.subtotalMoney.description == "1150.00 SEK")
        #expect(invoice.tax == .domestic(TaxRate(basisPoints: 2500)))
        #expect(invoice.taxMoney.description == "287.50 SEK")
        #expect(invoice.totalMoney.description == "1437.50 SEK")
        #expect(invoice.balanceAppliedMoney.description == "100.00 SEK")
        #expect(invoice.amountDueMoney.description == "1337.50 SEK")
        #expect(invoice.balanceRemainingMoney.description == "0.00 SEK")
        #expect(invoice.detailsRevision == 0)
        #expect(invoice.lines[0].description(in: standard.catalog) == "Business plan (monthly)")
    }

    @Test("Every invoice adds up: lines to subtotal, tax to total, balance to amount due")
    func invariants() throws {
        var state = company(country: "SE", currency: .sek, cycle: .annual, start: at(2026, 1, 31, 7))
        state.setUpSite(Site(id: "a", name: "Shop"))
        try state.setUpAddOn("redis", site: "a", at: at(2026, 1, 31, 7), settings: standard)
        try state.addCredit(Money(minorUnits: 12_345, .sek))
        for month in 2...12 {
            try state.recordUsage(.visits, Int64(month) * 17_777)
            state.runDue(until: at(2026, month, 15), settings: standard)
        }
        try state.changePlan(to: "starter", cycle: .monthly, by: People.owner, at: at(2026, 12, 20, 3), settings: standard)
        state.runDue(until: at(2027, 6, 1), settings: standard)
        var balance: Int64 = 12_345
        for invoice in state.invoices {
            #expect(invoice.subtotal == invoice.lines.reduce(0) { $0 + $1.amount })
            #expect(invoice.taxAmount == TaxRate(basisPoints: 2500).tax(on: invoice.subtotalMoney).minorUnits)
            #expect(invoice.total == invoice.subtotal + invoice.taxAmount)
            #expect(invoice.amountDue >= 0)
            #expect(invoice.amountDue == max(0, invoice.total - invoice.balanceApplied))
            balance -= invoice.total > 0 ? invoice.balanceApplied : invoice.total
            #expect(invoice.balanceRemaining == balance)
        }
        #expect(state.balance == balance)
    }

    // MARK: Numbers

    @Test("Per-company numbers are gapless 1, 2, 3… with the company's prefix, across every kind of invoice")
    func perCompanyNumbers() throws {
        var state = company(cycle: .annual, start: at(2026, 1, 15))
        try state.recordUsage(.cdn, 301)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        try state.changePlan(to: "enterprise", by: People.owner, at: at(2026, 2, 20), settings: standard)
        state.runDue(until: at(2026, 3, 15), settings: standard)
        #expect(state.invoices.map(\.kind) == [.plan, .perUse, .proration])
        #expect(state.invoices.map { $0.number?.description } == ["ACME-000001", "ACME-000002", "ACME-000003"])
        #expect(state.nextSequence == 4)
    }

    @Test("A company's prefix is its id in capitals, or the one it is given")
    func prefixes() {
        #expect(CompanyState.defaultPrefix(for: "acme") == "ACME")
        #expect(CompanyState.defaultPrefix(for: "acme-hosting.se") == "ACMEHOST")
        #expect(CompanyState.defaultPrefix(for: "åäö") == "C")
        #expect(CompanyState.defaultPrefix(for: "c0000042") == "C0000042")
        #expect(CompanyState.defaultPrefix(for: "straße-gmbh") == "STRASSEG")
        // ASCII ids take a byte path: it must agree with the Unicode-aware one.
        var random = SplitMix64(seed: 7, stream: 0)
        let alphabet = Array("abcXYZ019-_.@ ~`[{".utf8)
        for _ in 0..<2_000 {
            let id = String(decoding: (0..<random.below(14)).map { _ in alphabet[random.below(alphabet.count)] }, as: UTF8.self)
            let unicode = String(id.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8))
            #expect(CompanyState.defaultPrefix(for: id) == (unicode.isEmpty ? "C" : unicode), "\(id)")
        }
        var state = company(numberPrefix: "AB")
        state.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(state.invoices.first?.number?.description == "AB-000001")
    }

    @Test("Invoice numbers print six digits at least and order by prefix, then sequence")
    func numberFormat() {
        #expect(InvoiceNumber(prefix: "ACME", sequence: 1).description == "ACME-000001")
        #expect(InvoiceNumber(prefix: "ACME", sequence: 999_999).description == "ACME-999999")
        #expect(InvoiceNumber(prefix: "ACME", sequence: 1_234_567).description == "ACME-1234567")
        #expect(InvoiceNumber(prefix: "A", sequence: 9) < InvoiceNumber(prefix: "A", sequence: 10))
        #expect(InvoiceNumber(prefix: "A", sequence: 10) < InvoiceNumber(prefix: "B", sequence: 1))
    }

    @Test("The seller-wide scheme leaves drafts until the barrier numbers them in order")
    func sellerWideNumbers() {
        let settings = WorldSettings(numbering: .sellerWide)
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 3, 15), settings: settings)
        #expect(state.invoices.count == 3)
        #expect(state.invoices.allSatisfy { $0.number == nil })
        #expect(state.draftCount == 3)
        #expect(state.takeUnemailedInvoices().isEmpty)

        state.assignNumbers(prefix: "INV", from: 41, count: 3)
        #expect(state.invoices.map { $0.number?.description } == ["INV-000041", "INV-000042", "INV-000043"])
        #expect(state.draftCount == 0)
        #expect(state.takeUnemailedInvoices() == 0..<3)

        state.runDue(until: at(2026, 4, 15), settings: settings)
        #expect(state.draftCount == 1)
        state.assignNumbers(prefix: "INV", from: 97, count: 1)
        #expect(state.invoices.map { $0.number?.sequence } == [41, 42, 43, 97])
        #expect(state.nextSequence == 1)
    }

    @Test("A barrier numbers only the drafts it counted: later drafts wait for their own numbers")
    func sellerWidePartialBarrier() {
        let settings = WorldSettings(numbering: .sellerWide)
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 3, 15), settings: settings)
        state.assignNumbers(prefix: "INV", from: 7, count: 2)
        #expect(state.invoices.map { $0.number?.sequence } == [7, 8, nil])
        #expect(state.draftCount == 1)
        #expect(state.takeUnemailedInvoices() == 0..<2)
        state.assignNumbers(prefix: "INV", from: 12, count: 1)
        #expect(state.invoices.map { $0.number?.sequence } == [7, 8, 12])
        #expect(state.takeUnemailedInvoices() == 2..<3)
    }

    @Test("Each finalized invoice is handed out for email exactly once")
    func unemailedExactlyOnce() {
        var state = company(start: at(2026, 1, 15))
        #expect(state.takeUnemailedInvoices().isEmpty)
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.takeUnemailedInvoices() == 0..<2)
        #expect(state.takeUnemailedInvoices().isEmpty)
        state.runDue(until: at(2026, 3, 15), settings: standard)
        #expect(state.takeUnemailedInvoices() == 2..<3)
        #expect(state.takeUnemailedInvoices().isEmpty)
        #expect(state.emailedCount == 3)
    }

    // MARK: Details

    @Test("Editing the company's details keeps the old invoices' details")
    func detailsRevision() throws {
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        try state.editDetails(name: "Acme Group AB", address: "Kungsgatan 2", by: People.owner)
        try state.editDetails(name: "Acme Group AB", by: People.owner)  // no change, no revision
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.detailsHistory.count == 2)
        #expect(state.invoices.map(\.detailsRevision) == [0, 1])
        let old = state.detailsHistory[Int(state.invoices[0].detailsRevision)]
        let new = state.detailsHistory[Int(state.invoices[1].detailsRevision)]
        #expect(old.name == "Acme AB")
        #expect(old.address == "Storgatan 1, Stockholm")
        #expect(new.name == "Acme Group AB")
        #expect(new.address == "Kungsgatan 2")
        #expect(state.details == new)
    }

    @Test("Changing the payment method keeps the old invoices' method and adds no revision when unchanged")
    func paymentMethodRevision() throws {
        var state = company(start: at(2026, 1, 15))
        state.runDue(until: at(2026, 1, 15), settings: standard)
        #expect(state.paymentMethod == "Invoice")
        try state.editPaymentMethod("Visa •••• 4242", by: People.owner)
        try state.editPaymentMethod("Visa •••• 4242", by: People.owner)  // no change, no revision
        state.runDue(until: at(2026, 2, 15), settings: standard)
        #expect(state.detailsHistory.map(\.paymentMethod) == ["Invoice", "Visa •••• 4242"])
        #expect(state.invoices.map { state.detailsHistory[Int($0.detailsRevision)].paymentMethod } == ["Invoice", "Visa •••• 4242"])
        #expect(state.detailsHistory.map(\.name) == ["Acme AB", "Acme AB"])
        #expect(state.paymentMethod == "Visa •••• 4242")
    }

    @Test("Line descriptions name the plan, add-on and site from the catalog")
    func lineDescriptions() {
        let catalog = standard.catalog
        func text(_ kind: InvoiceLine.Kind) -> String {
            InvoiceLine(kind: kind, quantity: 1, unitPrice: 0, amount: 0, periodStart: at(2026, 1, 1), periodEnd: at(2026, 2, 1))
                .description(in: catalog)
        }
        #expect(text(.plan("business", .annual)) == "Business plan (yearly)")
        #expect(text(.addOn("redis", site: "shop")) == "Add-on: Redis, site shop")
        #expect(text(.addOn("disk20", site: nil)) == "Add-on: Extra disk 20 GB")
        #expect(text(.overage(.visits)) == "Overage: visits (per 1,000)")
        #expect(text(.planCredit("agency", .monthly)) == "Unused time on Agency plan (monthly)")
        #expect(text(.planCharge("pro", .monthly)) == "Remaining time on Pro plan (monthly)")
        #expect(text(.addOnCredit("proxy", site: "a")) == "Unused time on add-on: Reverse proxy, site a")
    }

    @Test("The standard catalog prices Business at 115.00 a month and 1150.00 a year, ten times that in SEK")
    func catalogPrices() throws {
        let business = try #require(Catalog.standard.plans["business"])
        #expect(business.price(.monthly, in: .usd) == Money(minorUnits: 11_500, .usd))
        #expect(business.price(.monthly, in: .eur) == Money(minorUnits: 11_500, .eur))
        #expect(business.price(.annual, in: .usd) == Money(minorUnits: 115_000, .usd))
        #expect(business.price(.monthly, in: .sek) == Money(minorUnits: 115_000, .sek))
        #expect(business.price(.annual, in: .sek) == Money(minorUnits: 1_150_000, .sek))
        #expect(Catalog.standard.planIDs == ["agency", "business", "enterprise", "pro", "starter"])
        #expect(Catalog.standard.overage.per1000Visits[.usd] == Money(minorUnits: 100, .usd))
        #expect(Catalog.standard.overage.perCDNGB[.eur] == Money(minorUnits: 10, .eur))
    }
}
