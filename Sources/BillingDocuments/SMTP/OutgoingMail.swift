/// One message to deliver: its envelope and its bytes.
///
/// The envelope (`from`, `to`) is what SMTP routes on; the headers inside `data` are what
/// the reader sees. They usually agree, but only the envelope is used for delivery.
public struct OutgoingMail: Sendable, Hashable {
    /// The caller's number for this message, echoed in the report's bounces and failures.
    public var id: Int
    /// The envelope sender (`MAIL FROM`), a bare address without angle brackets.
    public var from: String
    /// The envelope recipient (`RCPT TO`), a bare address without angle brackets.
    public var to: String
    /// The whole RFC 5322 message, headers and body, with CRLF line ends and no dot-stuffing.
    ///
    /// It should carry a `Message-ID:` header: that is what lets a receiver drop the
    /// duplicate that a lost reply can cause (see ``SMTPDelivery/send(_:)``).
    public var data: [UInt8]

    /// A message to deliver.
    public init(id: Int, from: String, to: String, data: [UInt8]) {
        self.id = id
        self.from = from
        self.to = to
        self.data = data
    }
}
