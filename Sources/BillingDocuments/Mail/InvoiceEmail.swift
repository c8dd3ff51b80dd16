public import BillingCore

/// An outbox message as a person reads it: recipient, subject and plain-text body.
public struct InvoiceEmail: Sendable, Hashable {
    /// The recipient's address.
    public var to: String
    /// `Invoice ACME-000001 from BillingSim Hosting AB`, or for a credit note `Credit note
    /// (Kreditfaktura) ACME-000004 from BillingSim Hosting AB`.
    public var subject: String
    /// Number, amount due, cycle and period.
    public var body: String

    /// Renders the email for `invoice` of `company` to `recipient`.
    public init(invoice: Invoice, company: CompanyDetails, recipient: String, seller: Seller) {
        let number = invoice.number?.description ?? "draft"
        let credited = invoice.creditedNumbers.map(\.description).joined(separator: ", ")
        let credits = credited.isEmpty ? "" : "Credits invoice: \(credited)\n"
        let (title, kind) = invoice.isCreditNote ? ("Credit note", "credit note") : ("Invoice", "invoice")
        to = recipient
        subject = "\(invoice.isCreditNote ? "Credit note (Kreditfaktura)" : "Invoice") \(number) from \(seller.name)"
        body = """
            Hello,

            \(seller.name) has issued \(kind) \(number) to \(company.name).

            \(title) number: \(number)
            \(credits)Amount due: \(invoice.amountDueMoney)
            Billing cycle: \(invoice.cycle.invoiceLabel)
            Service period: \(invoice.printedPeriod)

            The \(kind) is attached as a PDF and is always available in the dashboard
            under Company settings → Invoices.

            """
    }
}
