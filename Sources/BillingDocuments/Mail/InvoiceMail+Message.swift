internal import BillingCore
import BillingRuntime

extension InvoiceMail {
    /// The whole RFC 5322 message, CRLF line endings, with `pdf` attached as `<number>.pdf`.
    ///
    /// A `multipart/mixed` MIME message: the plain-text body of ``InvoiceEmail`` in
    /// quoted-printable UTF-8, then the PDF in base64. Every line ends in CRLF and is at
    /// most 78 octets (an address longer than a line is the one exception it cannot fold),
    /// and the same mail and PDF always give the same bytes: the date comes from
    /// ``sentAt``, the Message-ID and boundary from ``position`` and the invoice number.
    ///
    /// Non-ASCII names and subjects are RFC 2047 encoded-words; a non-ASCII address is
    /// written as UTF-8 (RFC 6532), so such a message needs `SMTPUTF8` to be delivered.
    ///
    /// ```swift
    /// let bytes = mail.message(attaching: InvoicePDF.render(mail.document))
    /// try Data(bytes).write(to: folder.appending(path: "000001.eml"))
    /// ```
    public func message(attaching pdf: [UInt8]) -> [UInt8] {
        let email = InvoiceEmail(invoice: document.invoice, company: document.buyer, recipient: recipientEmail, seller: document.seller)
        let number = document.number
        let boundary = MIMEBoundary(position: position, number: number).description
        let sender = MailboxAddress(displayName: document.seller.name, address: InvoiceMail.senderAddress)
        let recipient = MailboxAddress(displayName: recipientName, address: recipientEmail)
        let domain = InvoiceMail.senderAddress.split(separator: "@").last.map(String.init) ?? "billingsim.invalid"
        let messageID = MessageID(position: position, number: number, sentOn: sentAt.date, domain: domain)

        var writer = MIMEWriter()
        writer.header(HeaderField("Date", words: [RFC5322Date(sentAt).description]))
        writer.header(HeaderField("From", words: sender.words(forField: "From")))
        writer.header(HeaderField("To", words: recipient.words(forField: "To")))
        writer.header(.unstructured("Subject", text: email.subject))
        writer.header(HeaderField("Message-ID", words: [messageID.description]))
        writer.header(HeaderField("MIME-Version", words: ["1.0"]))
        writer.header(
            .parameterized("Content-Type", value: "multipart/mixed", parameters: [MIMEParameter("boundary", boundary, alwaysQuoted: true)]))
        writer.line("")
        writer.line("This is a multi-part message in MIME format.")

        writer.line("--" + boundary)
        writer.header(.parameterized("Content-Type", value: "text/plain", parameters: [MIMEParameter("charset", "utf-8")]))
        writer.header(HeaderField("Content-Transfer-Encoding", words: ["quoted-printable"]))
        writer.line("")
        writer.body(QuotedPrintable.lines(for: email.body))

        let fileName = number + ".pdf"
        writer.line("--" + boundary)
        writer.header(
            .parameterized("Content-Type", value: "application/pdf", parameters: [MIMEParameter("name", fileName, alwaysQuoted: true)]))
        writer.header(
            .parameterized(
                "Content-Disposition", value: "attachment", parameters: [MIMEParameter("filename", fileName, alwaysQuoted: true)]))
        writer.header(HeaderField("Content-Transfer-Encoding", words: ["base64"]))
        writer.line("")
        writer.body(Base64Lines.lines(for: pdf))
        writer.line("--" + boundary + "--")
        return writer.bytes
    }
}
