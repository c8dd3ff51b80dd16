import BillingCore
import BillingDocuments

/// Invoice documents for the PDF tests, built with the public `Invoice.init` so every
/// field is exactly what the test says.
enum PDFFixtures {
    /// Midnight UTC of a date the tests name (they only name real ones).
    static func date(_ year: Int, _ month: Int, _ day: Int) -> Instant {
        guard let date = CivilDate(year: year, month: month, day: day) else {
            preconditionFailure("the tests named a date that does not exist: \(year)-\(month)-\(day)")
        }
        return Instant(date)
    }

    /// A country code the tests name.
    static func country(_ code: String) -> Country {
        guard let country = Country(rawValue: code) else { preconditionFailure("bad country code \(code)") }
        return country
    }

    /// A line for January 2026 unless told otherwise.
    static func line(
        _ kind: InvoiceLine.Kind, quantity: Int64 = 1, unitPrice: Int64, amount: Int64? = nil,
        from start: Instant = date(2026, 1, 1), to end: Instant = date(2026, 2, 1)
    ) -> InvoiceLine {
        InvoiceLine(
            kind: kind, quantity: quantity, unitPrice: unitPrice, amount: amount ?? quantity * unitPrice, periodStart: start,
            periodEnd: end)
    }

    /// An invoice of `lines` with totals computed the way billing does: tax per
    /// treatment (a credit's is the credited invoice's), balance applied up to the total,
    /// a negative total added to the balance.
    static func document(
        buyer: CompanyDetails, currency: Currency, tax: TaxTreatment, lines: [InvoiceLine], balance: Int64 = 0,
        kind: Invoice.Kind = .plan, cycle: BillingCycle = .monthly,
        number: InvoiceNumber = InvoiceNumber(prefix: "ACME", sequence: 42), catalog: Catalog = .standard
    ) -> InvoiceDocument {
        let subtotal = lines.reduce(0) { $0 + $1.amount }
        let taxAmount = TaxGroup.grouping(lines.map { ($0.credits?.tax ?? tax, $0.amount) }, currency: currency).reduce(0) { $0 + $1.tax }
        let total = subtotal + taxAmount
        let applied = min(max(balance, 0), max(total, 0))
        let invoice = Invoice(
            number: number, kind: kind, cycle: cycle, created: date(2026, 1, 1), periodStart: date(2026, 1, 1),
            periodEnd: cycle == .monthly ? date(2026, 2, 1) : date(2027, 1, 1), currency: currency, lines: lines,
            subtotal: subtotal, tax: tax, taxAmount: taxAmount, total: total, balanceApplied: applied,
            amountDue: max(0, total - applied), balanceRemaining: total < 0 ? balance - total : balance - applied, detailsRevision: 0)
        return InvoiceDocument(company: "acme", invoice: invoice, buyer: buyer, seller: .standard, catalog: catalog)
    }

    /// A Swedish company on the monthly Business plan: one line, 25% Swedish VAT, in SEK.
    static let domesticSEK = document(
        buyer: CompanyDetails(
            name: "Åkerlund & Öberg AB", address: "Storgatan 5, 114 55 Stockholm", country: .sweden,
            vatNumber: "SE556677889901"),
        currency: .sek, tax: .domestic(TaxRate(basisPoints: 2500)),
        lines: [line(.plan("business", .monthly), unitPrice: 115_000)])

    /// A French company with a VAT number, paying by card: reverse charge, in EUR, with an add-on.
    static let reverseChargeEUR = document(
        buyer: CompanyDetails(
            name: "Café Élysée SARL", address: "12 rue de Rivoli, 75001 Paris", country: country("FR"),
            vatNumber: "FR40123456789", paymentMethod: "Visa •••• 4242"),
        currency: .eur, tax: .reverseCharge,
        lines: [
            line(.plan("pro", .monthly), unitPrice: 7_000),
            line(.addOn("redis", site: "boutique"), unitPrice: 10_000),
        ])

    /// A German company without a VAT number: Germany's 19%, in EUR, on a yearly plan.
    static let destinationRate = document(
        buyer: CompanyDetails(name: "Müller Bäckerei GmbH", address: "Hauptstraße 3, 10115 Berlin", country: country("DE")),
        currency: .eur, tax: .destination(TaxRate(basisPoints: 1900)),
        lines: [line(.plan("starter", .annual), unitPrice: 35_000, from: date(2026, 1, 1), to: date(2027, 1, 1))],
        cycle: .annual)

    /// A US company outside EU VAT, part of the invoice paid from its account balance.
    static let balancePartly = document(
        buyer: CompanyDetails(name: "Acme Corp", address: "1 Main Street, Springfield", country: .unitedStates),
        currency: .usd, tax: .outsideScope,
        lines: [
            line(.plan("business", .monthly), unitPrice: 11_500),
            line(.planCredit("pro", .monthly), unitPrice: -3_500, from: date(2026, 1, 16)),
            line(.overage(.visits), quantity: 12, unitPrice: 100),
        ],
        balance: 4_000)

    /// A Finnish consumer's credit note: a year of Business charged at 24% credited from
    /// 2024-10-01, Starter charged for the same time at 25.5%.
    static let creditNote = document(
        buyer: CompanyDetails(name: "Helsingin Kahvila Oy", address: "Mannerheimintie 1, Helsinki", country: country("FI")),
        currency: .eur, tax: .destination(TaxRate(basisPoints: 2550)),
        lines: [
            InvoiceLine(
                kind: .planCredit("business", .annual), quantity: 1, unitPrice: -95_781, amount: -95_781,
                periodStart: date(2024, 10, 1), periodEnd: date(2025, 8, 1),
                credits: CreditReference(
                    invoice: 0, number: InvoiceNumber(prefix: "HELSINKI", sequence: 1), tax: .destination(TaxRate(basisPoints: 2400)))),
            line(.planCharge("starter", .annual), unitPrice: 29_151, from: date(2024, 10, 1), to: date(2025, 8, 1)),
        ],
        cycle: .annual, number: InvoiceNumber(prefix: "HELSINKI", sequence: 2))

    /// A Swedish company's final invoice after closing on 2026-01-21: the overage so far,
    /// and the unused time credited for more than that, so the balance is owed back.
    static let finalSEK = document(
        buyer: CompanyDetails(
            name: "Åkerlund & Öberg AB", address: "Storgatan 5, 114 55 Stockholm", country: .sweden,
            vatNumber: "SE556677889901"),
        currency: .sek, tax: .domestic(TaxRate(basisPoints: 2500)),
        lines: [
            line(.overage(.visits), quantity: 30, unitPrice: 1_000, from: date(2026, 1, 1), to: date(2026, 1, 21)),
            line(.planCredit("business", .monthly), unitPrice: -40_806, from: date(2026, 1, 21)),
        ],
        balance: 5_000, kind: .final)

    /// Eighty lines in SEK: more than one page holds.
    static let eightyLines = document(
        buyer: CompanyDetails(
            name: "Åkerlund & Öberg AB", address: "Storgatan 5, 114 55 Stockholm", country: .sweden,
            vatNumber: "SE556677889901"),
        currency: .sek, tax: .domestic(TaxRate(basisPoints: 2500)),
        lines: [line(.plan("agency", .monthly), unitPrice: 340_000)] + (1...79).map(addOnLine))

    /// Add-on line `index` of ``eightyLines``: a different site, quantity and price each.
    private static func addOnLine(_ index: Int) -> InvoiceLine {
        let addOn: AddOnID = index % 2 == 0 ? "redis" : "backups"
        let quantity = Int64(index % 5 + 1)
        return line(.addOn(addOn, site: "site-\(index)"), quantity: quantity, unitPrice: Int64(index) * 1_237)
    }

    /// Names, addresses and line texts far wider than their columns, an emoji included.
    static let longNames = document(
        buyer: CompanyDetails(
            name: String(repeating: "Överlånga Företagsnamnet Aktiebolag ", count: 6) + "🚀 AB",
            address: String(repeating: "Långa vägen 123, lägenhet 4 tr, ", count: 10) + "999 99 Ödeshög",
            country: .sweden, vatNumber: "SE" + String(repeating: "1234567890", count: 8),
            paymentMethod: String(repeating: "Corporate card ", count: 12) + "•••• 0001"),
        currency: .sek, tax: .domestic(TaxRate(basisPoints: 2500)),
        lines: [
            line(.plan("mega", .monthly), unitPrice: 99_999_999_999),
            line(.addOn("x", site: String(repeating: "a-very-long-site-name-", count: 12)), unitPrice: 1),
        ],
        number: InvoiceNumber(prefix: "VERYLONGCOMPANYPREFIXFORTESTING", sequence: 123_456_789),
        catalog: Catalog(
            plans: [
                Plan(
                    id: "mega", name: String(repeating: "Enterprise Gigantic ", count: 8), monthly: .usdEurSek(1),
                    visits: 1, diskGB: 1, cdnGB: 1)
            ],
            addOns: [AddOn(id: "x", name: String(repeating: "Extraordinarily ", count: 10), monthly: .usdEurSek(1), scope: .site)]))
}
