public import BillingCore

/// One invoice email: to one recipient, for one invoice, sent at one month end.
public struct OutboxMessage: Sendable, Hashable {
    /// The month-end instant it was sent at.
    public var sentAt: Instant
    /// The recipient.
    public var recipient: UserID
    /// The company's index.
    public var company: Int32
    /// The invoice's position in its company.
    public var invoice: Int32
    /// The invoice number (named in the subject).
    public var number: InvoiceNumber

    /// A message.
    public init(sentAt: Instant, recipient: UserID, company: Int32, invoice: Int32, number: InvoiceNumber) {
        self.sentAt = sentAt
        self.recipient = recipient
        self.company = company
        self.invoice = invoice
        self.number = number
    }
}

/// Receives the invoice emails of each month end; the clock is its only writer.
/// Messages are kept compact and rendered to text on demand.
public actor Outbox {
    private var messages: [OutboxMessage] = []

    /// An empty outbox.
    public init() {}

    /// An outbox holding `messages` (a restored snapshot).
    init(messages: [OutboxMessage]) { self.messages = messages }

    /// Appends one month end's messages, already in their fixed order, company by
    /// company.
    func append(_ batches: [[OutboxMessage]]) {
        // No reserveCapacity: reserving the exact size each month end would copy the
        // whole outbox every time instead of growing it geometrically.
        for batch in batches { messages += batch }
    }

    /// Every message so far, in sending order.
    public var all: [OutboxMessage] { messages }

    /// The number of messages.
    public var count: Int { messages.count }

    /// The messages to one recipient.
    public func messages(to recipient: UserID) -> [OutboxMessage] { messages.filter { $0.recipient == recipient } }
}

extension CompanyState {
    /// The month-end emails of the invoices finalized since the last send: one per
    /// invoice and member who may receive invoices and, per `optedIn` (indexed by user
    /// id, as the directory holds it at `sentAt`), turned the emails on. Each invoice is
    /// handed out exactly once. `company` is this company's world index. The messages
    /// are appended to `messages`.
    public mutating func takeEmails(company: Int32, sentAt: Instant, optedIn: [Bool], into messages: inout [OutboxMessage]) {
        let range = takeUnemailedInvoices()
        for position in range {
            guard let number = invoiceNumber(at: position) else { continue }
            // Members in user order, without building the list of candidates first.
            for member in members where Permissions.receivesInvoices(member.role) && optedIn[Int(member.user.rawValue)] {
                messages.append(
                    OutboxMessage(sentAt: sentAt, recipient: member.user, company: company, invoice: Int32(position), number: number))
            }
        }
    }
}
