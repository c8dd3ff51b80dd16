import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingDocuments

@Suite("Invoice emails read back by Python's email package")
struct InvoiceMessagePythonTests {
    /// What check_eml.py reports about one message.
    struct Report: Decodable {
        /// A decoded mailbox.
        struct Mailbox: Decodable, Equatable {
            var name: String
            var address: String
        }
        /// The decoded attachment.
        struct Attachment: Decodable {
            var filename: String?
            var content_type: String
            var path: String
        }
        var defects: [String]
        var header_defects: [String: [String]]
        var subject: String
        var date: String?
        var message_id: String
        var from: Mailbox?
        var to: Mailbox?
        var content_type: String
        var parts: [String]
        var body: String?
        var attachment: Attachment?
        var rfc2047: [String: String?]
    }

    /// Stand-in PDFs: every byte value, a real-looking PDF, and nothing.
    static let pdfs: [[UInt8]] = [MailFixtures.allBytes, MailFixtures.realLookingPDF, []]

    /// The defects Python's parser, which predates RFC 6532, reports for a UTF-8 address.
    static let utf8AddressDefects: Set<String> = ["NonASCIILocalPartDefect", "UndecodableBytesDefect"]

    @Test(
        "Python parses each message without defects and decodes headers, body and attachment exactly", arguments: InvoiceMessageTests.mails)
    func roundTrip(mail: InvoiceMail) throws {
        for report in try Self.check(mail) {
            #expect(report.from == Report.Mailbox(name: mail.document.seller.name, address: InvoiceMail.senderAddress))
            #expect(report.to == Report.Mailbox(name: mail.recipientName, address: mail.recipientEmail))
        }
    }

    @Test("A credit note's message parses without defects, its subject and body as written")
    func creditNote() throws {
        let mail = MailFixtures.mail(document: PDFFixtures.creditNote)
        let email = InvoiceEmail(
            invoice: mail.document.invoice, company: mail.document.buyer, recipient: mail.recipientEmail, seller: mail.document.seller)
        for report in try Self.check(mail) {
            #expect(report.defects == [])
            #expect(report.subject == "Credit note (Kreditfaktura) HELSINKI-000002 from BillingSim Hosting AB")
            #expect(report.body == email.body)
            #expect(report.body?.contains("Credits invoice: HELSINKI-000001") == true)
        }
    }

    @Test("Names needing several adjacent encoded-words decode exactly under RFC 2047's rules", arguments: InvoiceMessageTests.longRuns)
    func adjacentEncodedWords(mail: InvoiceMail) throws {
        for report in try Self.check(mail) {
            // policy.default's address parser keeps the space between adjacent encoded-words
            // before CPython gh-128110; decode_header drops it, as RFC 2047 §6.2 says.
            #expect(report.rfc2047["From"] == "\(mail.document.seller.name) <\(InvoiceMail.senderAddress)>")
            #expect(report.rfc2047["To"] == "\(mail.recipientName) <\(mail.recipientEmail)>")
            #expect(report.rfc2047["Subject"] == "Invoice \(mail.document.number) from \(mail.document.seller.name)")
            #expect(report.from?.address == InvoiceMail.senderAddress)
            #expect(report.to?.address == mail.recipientEmail)
        }
    }

    /// Writes `mail` with each of ``pdfs`` attached, has check_eml.py read them, checks
    /// everything but the display names, and returns the reports.
    static func check(_ mail: InvoiceMail) throws -> [Report] {
        let folder = try SupportPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, pdf) in pdfs.enumerated() {
            let url = folder.appendingPathComponent("\(index).eml")
            try Data(mail.message(attaching: pdf)).write(to: url)
            paths.append(url.path)
        }
        let reports = try SupportPython.run("check_eml.py", paths, as: [Report].self)
        try #require(reports.count == pdfs.count)

        let document = mail.document
        let email = InvoiceEmail(
            invoice: document.invoice, company: document.buyer, recipient: mail.recipientEmail, seller: document.seller)
        for (report, pdf) in zip(reports, pdfs) {
            #expect(report.defects == [])
            if mail.recipientEmail.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(report.header_defects == [:])
            } else {
                #expect(Set(report.header_defects.keys).isSubset(of: ["To"]))
                #expect(Set(report.header_defects["To"] ?? []).isSubset(of: utf8AddressDefects))
            }
            #expect(report.subject == email.subject)
            #expect(report.date == "2026-02-01T00:00:00+00:00")
            #expect(
                report.message_id
                    == MessageID(position: mail.position, number: document.number, sentOn: mail.sentAt.date, domain: "billingsim.invalid")
                    .description)
            #expect(report.content_type == "multipart/mixed")
            #expect(report.parts == ["text/plain", "application/pdf"])

            let body = try #require(report.body)
            #expect(body == email.body)
            if !document.invoice.isCreditNote {
                // The fixtures' invoice (the credit note's own test checks its text).
                #expect(body.contains("Invoice number: \(document.number)"))
                #expect(body.contains("Amount due: 87.50 EUR"))
                #expect(body.contains("Billing cycle: monthly"))
                #expect(body.contains("Service period: 2026-01-01 – 2026-01-31"))
            }

            let attachment = try #require(report.attachment)
            #expect(attachment.filename == document.number + ".pdf")
            #expect(attachment.content_type == "application/pdf")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: attachment.path))) == pdf)
        }
        return reports
    }
}
