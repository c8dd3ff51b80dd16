public import BillingCore

/// An outbox message as a person reads it: recipient, subject and plain-text body.
public struct InvoiceEmail: Sendable, Hashable {
    /// The recipient's address.
    public var to: String
    /// `Invoice ACME-000001 from BillingSim Hosting AB`.
    public var subject: String
    /// Number, amount due, cycle and period.
    public var body: String

    /// Renders the email for `invoice` of `company` to `recipient`.
    public init(invoice: Invoice, company: CompanyDetails, recipient: String, seller: Seller) {
        let number = invoice.number?.description ?? "draft"
        to = recipient
        subject = "Invoice \(number) from \(seller.name)"
        body = """
            Hello,

            \(seller.name) has issued invoice \(number) to \(company.name).

            Invoice number: \(number)
            Amount due: \(invoice.amountDueMoney)
            Billing cycle: \(invoice.cycle.invoiceLabel)
            Service period: \(invoice.periodStart) to \(invoice.periodEnd)

            The invoice is attached as a PDF and is always available in the dashboard
            under Company settings → Invoices.

            """
    }
}

extension Simulation {
    /// Renders one outbox message.
    public func render(_ message: OutboxMessage) async -> InvoiceEmail {
        let recipient = await directory.user(message.recipient).email
        let company = await clock.company(at: message.company)
        let (invoice, details) = await company.read { state in
            let invoice = state.invoice(at: Int(message.invoice))
            return (invoice, state.detailsHistory[Int(invoice.detailsRevision)])
        }
        return InvoiceEmail(invoice: invoice, company: details, recipient: recipient, seller: settings.seller)
    }
}
