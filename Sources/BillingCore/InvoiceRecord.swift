/// An invoice as a company stores it: amounts and dates inline, the number as a series
/// code and a sequence, and its lines as the end of a range in the company's line
/// store. ``Invoice`` is the readable form, built on demand by
/// ``CompanyState/invoice(at:)``.
struct InvoiceRecord: Sendable, Hashable {
    /// The position in the series (meaningless for a draft).
    var sequence: Int64
    /// The creation date.
    var created: Instant
    /// Start of the service billed.
    var periodStart: Instant
    /// End (exclusive) of the service billed.
    var periodEnd: Instant
    /// Sum of the lines.
    var subtotal: Int64
    /// VAT amount.
    var taxAmount: Int64
    /// Subtotal plus VAT.
    var total: Int64
    /// Account balance used to pay this invoice.
    var balanceApplied: Int64
    /// What the customer pays.
    var amountDue: Int64
    /// The account balance left after this invoice.
    var balanceRemaining: Int64
    /// VAT treatment.
    var tax: TaxTreatment
    /// Why it was issued.
    var kind: Invoice.Kind
    /// The billing cycle it belongs to.
    var cycle: BillingCycle
    /// The currency of every amount.
    var currency: Currency
    /// The series of the number: 0 for a draft, 1 for the company's ``numberPrefix``,
    /// `2 + k` for ``CompanyState/otherPrefixes``[k].
    var series: Int32
    /// Index into the company's details history.
    var detailsRevision: Int32
    /// End (exclusive) of the invoice's lines in the line store; they start where the
    /// previous invoice's end.
    var lineEnd: Int32
}
