/// The boundary between the parts of an invoice email: `=_BillingSim_000042_ACME-000003`.
///
/// It starts with `=_`, which neither quoted-printable (where `=` is always followed by
/// two hex digits or a line break) nor base64 (which has no `_`) can produce, so no line
/// of an encoded part can ever be taken for a delimiter. The position makes it differ
/// between messages; the number keeps it readable.
struct MIMEBoundary: Sendable, Hashable, CustomStringConvertible {
    /// The message's position in the outbox, from 1.
    var position: Int
    /// The invoice number as printed.
    var number: String

    /// The boundary of the message at `position` carrying invoice `number`.
    init(position: Int, number: String) {
        self.position = position
        self.number = number
    }

    /// `=_BillingSim_000042_ACME-000003`: at most 70 characters of `bchars` (RFC 2046 §5.1.1).
    var description: String {
        "=_BillingSim_\(MailCalendar.padded(position, width: 6))_\(MailToken.sanitized(number, maxLength: 24))"
    }
}
