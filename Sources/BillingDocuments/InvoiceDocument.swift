public import BillingCore

/// Everything one invoice prints: the invoice, the buyer's details as they were at issue,
/// the seller, and each line's text from the catalog.
///
/// ```swift
/// let document = InvoiceDocument(company: "acme", invoice: invoice, buyer: details, seller: .standard, catalog: .standard)
/// let pdf = InvoicePDF.render(document)
/// ```
public struct InvoiceDocument: Sendable, Hashable {
    /// The company's identifier: the folder its PDFs are exported to.
    public var company: String
    /// The invoice (finalized: it has a number).
    public var invoice: Invoice
    /// The buyer's name, address, country and VAT number at issue.
    public var buyer: CompanyDetails
    /// The seller.
    public var seller: Seller
    /// One text per line of ``invoice``, in order; a credit's names the invoice it
    /// credits on a line of its own (`Credits ACME-000001`).
    public var lineDescriptions: [String]
    /// Swedish VAT on an invoice in another currency, stated in SEK (Swedish VAT act,
    /// ch. 17 § 29): `nil` when the invoice charges no Swedish VAT or is in SEK.
    public var swedishVATInSEK: SwedishVAT?

    /// A document; line texts come from `catalog`, the SEK rate from `exchangeRates`.
    public init(
        company: String, invoice: Invoice, buyer: CompanyDetails, seller: Seller, catalog: Catalog,
        exchangeRates: ExchangeRates = ExchangeRates()
    ) {
        self.company = company
        self.invoice = invoice
        self.buyer = buyer
        self.seller = seller
        self.swedishVATInSEK = invoice.swedishVAT(seller: seller, rates: exchangeRates)
        self.lineDescriptions = invoice.lines.map { line in
            let text = line.description(in: catalog)
            return line.credits?.number.map { "\(text)\nCredits \($0)" } ?? text
        }
    }

    /// The invoice number as printed (`ACME-000001`), or `draft` for a seller-wide draft.
    public var number: String { invoice.number?.description ?? "draft" }

    /// What the document is called: `Invoice`, or `Credit note (Kreditfaktura)` when its
    /// lines sum below zero.
    public var kindName: String { invoice.isCreditNote ? "Credit note (Kreditfaktura)" : "Invoice" }

    /// The document's name and number: `Invoice ACME-000001`, `Credit note ACME-000004`.
    public var shortTitle: String { "\(invoice.isCreditNote ? "Credit note" : "Invoice") \(number)" }
}
