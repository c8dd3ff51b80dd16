public import BillingCore

/// One outbox message as an email: which invoice, to whom, and when it was sent.
///
/// The message itself (RFC 5322 with the PDF attached) is built from this on demand, so
/// the outbox stays small.
public struct InvoiceMail: Sendable, Hashable {
    /// The message's position in the outbox, from 1: its file name and part of its Message-ID.
    public var position: Int
    /// The month-end instant it was sent at: its `Date:` header.
    public var sentAt: Instant
    /// The recipient's address.
    public var recipientEmail: String
    /// The recipient's display name; empty when the user has none.
    public var recipientName: String
    /// The invoice it carries.
    public var document: InvoiceDocument

    /// A message.
    public init(position: Int, sentAt: Instant, recipientEmail: String, recipientName: String, document: InvoiceDocument) {
        self.position = position
        self.sentAt = sentAt
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.document = document
    }

    /// The address invoice emails come from: the envelope sender and the `From:` header.
    public static let senderAddress = "invoices@billingsim.invalid"
}
