internal import BillingCore

/// The rows `report.json` is made of, one JSON object per line inside its arrays.
enum ReportRows {
    struct InvoiceRow: Encodable {
        var number: String
        /// `invoice` or `credit note`.
        var document: String
        /// The numbers of the invoices its credit lines reverse.
        var credits: [String]
        var created: String
        var cycle: String
        var periodStart: String
        /// Exclusive, as stored.
        var periodEnd: String
        /// The last day the period includes, as printed.
        var periodLastDay: String
        var currency: String
        var subtotal: String
        var tax: String
        var taxTreatment: String
        var total: String
        var balanceApplied: String
        var amountDue: String
        var balanceRemaining: String
        var pdf: String
    }

    struct CompanyRow: Encodable {
        var id: String
        var name: String
        var country: String
        var plan: String
        var invoices: [InvoiceRow]
    }

    struct EmailRow: Encodable {
        var position: Int
        var sentAt: String
        var to: String
        var company: String
        var invoice: String
        var eml: String
    }

    static func invoice(_ document: InvoiceDocument, pdf: String) -> InvoiceRow {
        let invoice = document.invoice
        func money(_ amount: Int64) -> String { Money(minorUnits: amount, invoice.currency).decimalString }
        let treatment =
            switch invoice.tax {
            case .domestic(let rate): "domestic \(rate)"
            case .destination(let rate): "destination \(rate)"
            case .reverseCharge: "reverse charge"
            case .outsideScope: "outside scope"
            }
        return InvoiceRow(
            number: document.number, document: invoice.isCreditNote ? "credit note" : "invoice",
            credits: invoice.creditedNumbers.map(\.description), created: invoice.created.description, cycle: invoice.cycle.invoiceLabel,
            periodStart: invoice.periodStart.description, periodEnd: invoice.periodEnd.description,
            periodLastDay: invoice.periodEnd.lastIncludedDay.description,
            currency: invoice.currency.code, subtotal: money(invoice.subtotal), tax: money(invoice.taxAmount),
            taxTreatment: treatment, total: money(invoice.total), balanceApplied: money(invoice.balanceApplied),
            amountDue: money(invoice.amountDue), balanceRemaining: money(invoice.balanceRemaining), pdf: pdf)
    }

    /// The row shown in `report.html` for the same invoice.
    static func page(_ row: InvoiceRow) -> ReportModel.InvoiceRow {
        ReportModel.InvoiceRow(
            number: row.number, created: row.created, cycle: row.cycle, period: "\(row.periodStart) – \(row.periodLastDay)",
            total: "\(row.total) \(row.currency)", amountDue: "\(row.amountDue) \(row.currency)", pdfPath: row.pdf)
    }
}
