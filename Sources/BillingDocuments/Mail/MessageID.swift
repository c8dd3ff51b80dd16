internal import BillingCore

/// The `Message-ID:` of an invoice email: `<000042.ACME-000003.20260201@billingsim.invalid>`.
///
/// The outbox position makes it unique (positions are never reused); the invoice number
/// and send date make it readable. The same message always gets the same ID, so a
/// re-run produces the same bytes.
struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The longest invoice number kept, so the header fits on one line.
    static let numberLength = 24

    /// The message's position in the outbox, from 1.
    var position: Int
    /// The invoice number as printed.
    var number: String
    /// The day it was sent.
    var sentOn: CivilDate
    /// The right-hand side: the sender's domain.
    var domain: String

    /// The ID of the message at `position` carrying invoice `number`, sent on `sentOn`.
    init(position: Int, number: String, sentOn: CivilDate, domain: String) {
        self.position = position
        self.number = number
        self.sentOn = sentOn
        self.domain = domain
    }

    /// `<000042.ACME-000003.20260201@billingsim.invalid>`.
    var description: String {
        let date =
            MailCalendar.padded(sentOn.year, width: 4) + MailCalendar.padded(sentOn.month, width: 2)
            + MailCalendar.padded(sentOn.day, width: 2)
        let number = MailToken.sanitized(number, maxLength: MessageID.numberLength)
        return "<\(MailCalendar.padded(position, width: 6)).\(number).\(date)@\(domain)>"
    }
}
