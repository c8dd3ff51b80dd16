import BillingDocuments

/// Small report models for the HTML tests: hostile names, awkward paths, omitted rows.
enum ReportFixtures {
    /// A name that tries every escape at once.
    static let hostileName = "Acme <script>alert(\"x\")</script> & 'Co' åäö 🚀"

    /// Three months, two currencies, three companies (one with no invoices), two
    /// recipients (one without a name), and rows left out of both lists.
    static let small = ReportModel(
        title: "01-monthly.scenario",
        summary: [
            .init("Companies", "98,003"), .init("Simulated time", "2026-01-01 – 2026-04-01"), .init("Invoices", "6"),
            .init("Emails", "5"), .init("Revenue", "1,312.50 EUR, 2,500.00 SEK"),
        ],
        companies: [
            .init(
                id: "acme", name: hostileName, country: "SE", plan: "Business (monthly)",
                invoices: [
                    invoice("ACME-000001", "2026-02-01", "2026-01-01 – 2026-02-01", "437.50 EUR", "invoices/acme/ACME-000001.pdf"),
                    invoice("ACME-000002", "2026-03-01", "2026-02-01 – 2026-03-01", "437.50 EUR", "invoices/acme/ACME-000002.pdf"),
                ]),
            .init(
                id: "smörgås", name: "Smörgås & Söner AB", country: "SE", plan: "Starter (monthly)",
                invoices: [
                    invoice("SMÖR-000001", "2026-02-01", "2026-01-01 – 2026-02-01", "2,500.00 SEK", "invoices/smörgås/SMÖR 000001#1?.pdf")
                ]),
            .init(id: "quiet", name: "Quiet Ltd", country: "GB", plan: "Free (monthly)", invoices: []),
        ],
        companiesOmitted: 98_000,
        recipients: [
            .init(
                email: "anna@acme.example", name: "Anna \"Åsa\" <Ek>",
                messages: [
                    .init(sentAt: "2026-02-01", invoice: "ACME-000001", company: "acme", emlPath: "emails/000001.eml"),
                    .init(sentAt: "2026-03-01", invoice: "ACME-000002", company: "acme", emlPath: "emails/000003.eml"),
                ]),
            .init(
                email: "billing@smorgas.example", name: "",
                messages: [.init(sentAt: "2026-02-01", invoice: "SMÖR-000001", company: "smörgås", emlPath: "emails/000002 copy.eml")]),
        ],
        recipientsOmitted: 1_234,
        months: [
            .init(month: "2026-01", invoices: 0, emails: 0, revenue: []),
            .init(
                month: "2026-02", invoices: 2, emails: 2,
                revenue: [.init(currency: "EUR", minorUnits: 43_750), .init(currency: "SEK", minorUnits: 250_000)]),
            .init(month: "2026-03", invoices: 1, emails: 1, revenue: [.init(currency: "EUR", minorUnits: 87_500)]),
        ])

    /// An index of three scenarios, one failed, one with a path that needs encoding.
    static let index = RunIndexModel(
        title: "billingsim run",
        summary: [.init("Scenarios", "3"), .init("Passed", "2"), .init("Failed", "1")],
        scenarios: [
            .init(
                path: "Scenarios/01-monthly.scenario", passed: true, outcome: "12 of 12 expectations met",
                reportPath: "01-monthly/report.html"),
            .init(
                path: "Scenarios/02 <yearly> & more.scenario", passed: false,
                outcome: "line 4: expected invoices = 3, got 2", reportPath: "02 yearly & more/report.html"),
            .init(path: "Scenarios/03-ålder.scenario", passed: true, outcome: "1 of 1 expectation met", reportPath: "03-ålder/report.html"),
        ])

    /// A model with `count` months of growing figures in one currency, and no companies.
    static func months(_ count: Int, revenue: (Int) -> Int64 = { Int64($0) * 123_456 }) -> ReportModel {
        ReportModel(
            title: "\(count) months", summary: [], companies: [], companiesOmitted: 0, recipients: [], recipientsOmitted: 0,
            months: (0..<count).map { index in
                .init(
                    month: "\(2026 + index / 12)-" + (index % 12 < 9 ? "0" : "") + "\(index % 12 + 1)", invoices: index * 7,
                    emails: index * 5, revenue: [.init(currency: "EUR", minorUnits: Int128(revenue(index)))])
            })
    }

    private static func invoice(_ number: String, _ created: String, _ period: String, _ total: String, _ path: String)
        -> ReportModel.InvoiceRow
    {
        .init(number: number, created: created, cycle: "monthly", period: period, total: total, amountDue: total, pdfPath: path)
    }
}
