import BillingCore
import BillingRuntime
import Foundation
import Testing

@testable import BillingDocuments

@Suite("Invoice email messages: structure and determinism")
struct InvoiceMessageTests {
    /// Mails whose headers test the limits: Swedish names, a long subject, odd addresses.
    ///
    /// Every run of words that needs encoding fits in one encoded-word: Python's address
    /// parser before CPython gh-128110 keeps the space between adjacent encoded-words, which
    /// RFC 2047 §6.2 says to drop, so the round trip through Python would not be exact.
    /// ``longRuns`` has those.
    static let mails: [InvoiceMail] = [
        MailFixtures.mail(),
        MailFixtures.mail(name: ""),
        MailFixtures.mail(to: "åsa.öberg@exämple.se", name: "Åsa Öberg"),
        MailFixtures.mail(name: "Öberg, Åsa \"Boss\""),
        MailFixtures.mail(name: "Acme, Inc."),
        MailFixtures.mail(to: "o'brien+bills@example.com", name: "O'Brien"),
        MailFixtures.mail(to: "a,b..c@example.com", name: "Odd Local Part"),
        MailFixtures.mail(
            name: Array(repeating: "Långt Namn", count: 12).joined(separator: " "),
            document: MailFixtures.document(
                seller: MailFixtures.seller(named: Array(repeating: "Fakturaföretaget i Göteborg", count: 7).joined(separator: " ")))),
        MailFixtures.mail(document: MailFixtures.document(prefix: "ÅÄÖ-Företag", sequence: 1_234_567)),
        MailFixtures.mail(position: 1_000_000, document: MailFixtures.document(prefix: String(repeating: "LONG", count: 30))),
    ]

    @Test("A credit note's email says so in its subject and body, and names the invoice it credits")
    func creditNoteEmail() {
        let document = PDFFixtures.creditNote
        let email = InvoiceEmail(invoice: document.invoice, company: document.buyer, recipient: "aino@kahvila.fi", seller: .standard)
        #expect(email.subject == "Credit note (Kreditfaktura) HELSINKI-000002 from BillingSim Hosting AB")
        #expect(email.body.contains("BillingSim Hosting AB has issued credit note HELSINKI-000002 to Helsingin Kahvila Oy."))
        #expect(email.body.contains("Credit note number: HELSINKI-000002\nCredits invoice: HELSINKI-000001\nAmount due: 0.00 EUR\n"))
        #expect(email.body.contains("The credit note is attached as a PDF"))
        let invoice = InvoiceEmail(
            invoice: PDFFixtures.domesticSEK.invoice, company: PDFFixtures.domesticSEK.buyer, recipient: "a@b.se", seller: .standard)
        #expect(invoice.subject == "Invoice ACME-000042 from BillingSim Hosting AB")
        #expect(!invoice.body.contains("Credit"))
    }

    /// Mails with names that need several adjacent encoded-words.
    static let longRuns: [InvoiceMail] = [
        MailFixtures.mail(name: String(repeating: "Långt Namn ", count: 12)),
        MailFixtures.mail(
            name: String(repeating: "東京都千代田区", count: 8),
            document: MailFixtures.document(seller: MailFixtures.seller(named: String(repeating: "株式会社", count: 12)))),
    ]

    @Test("Every line ends in CRLF, is at most 78 octets, and the message ends with CRLF", arguments: mails + longRuns)
    func lineDiscipline(mail: InvoiceMail) {
        let bytes = mail.message(attaching: MailFixtures.allBytes)
        let (lines, allCRLF) = MailFixtures.crlfLines(bytes)
        #expect(allCRLF)
        #expect(!bytes.contains(0x0D) || zip(bytes, bytes.dropFirst()).allSatisfy { $0 != 0x0D || $1 == 0x0A })
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for line in lines { #expect(line.utf8.count <= 78, "\(line.utf8.count) octets: \(line)") }
    }

    @Test("The same mail and PDF give the same bytes")
    func deterministic() {
        for mail in Self.mails {
            #expect(mail.message(attaching: MailFixtures.realLookingPDF) == mail.message(attaching: MailFixtures.realLookingPDF))
        }
        #expect(MailFixtures.mail(position: 1).message(attaching: []) != MailFixtures.mail(position: 2).message(attaching: []))
    }

    @Test("The headers of a plain ASCII mail read as expected")
    func headers() {
        let text = String(decoding: MailFixtures.mail().message(attaching: [1, 2, 3]), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        #expect(
            head == """
                Date: Sun, 01 Feb 2026 00:00:00 +0000\r
                From: BillingSim Hosting AB <invoices@billingsim.invalid>\r
                To: Anna Andersson <anna@acme.example>\r
                Subject: Invoice ACME-000003 from BillingSim Hosting AB\r
                Message-ID: <000042.ACME-000003.20260201@billingsim.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="=_BillingSim_000042_ACME-000003"
                """)
    }

    @Test("The parts are the quoted-printable text of InvoiceEmail and the base64 PDF, in that order")
    func parts() {
        let mail = MailFixtures.mail()
        let text = String(decoding: mail.message(attaching: [1, 2, 3]), as: UTF8.self)
        let email = InvoiceEmail(
            invoice: mail.document.invoice, company: mail.document.buyer, recipient: mail.recipientEmail, seller: .standard)
        let body = QuotedPrintable.lines(for: email.body).joined(separator: "\r\n")
        #expect(
            text.hasSuffix(
                """
                --=_BillingSim_000042_ACME-000003\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                \(body)\r
                --=_BillingSim_000042_ACME-000003\r
                Content-Type: application/pdf; name="ACME-000003.pdf"\r
                Content-Disposition: attachment; filename="ACME-000003.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                AQID\r
                --=_BillingSim_000042_ACME-000003--\r

                """))
        #expect(body.contains("under Company settings =E2=86=92 Invoices."))
    }

    @Test("A non-ASCII address is written in UTF-8 and a non-ASCII name as encoded-words")
    func internationalRecipient() {
        let text = String(decoding: MailFixtures.mail(to: "åsa@exämple.se", name: "Åsa").message(attaching: []), as: UTF8.self)
        #expect(text.contains("\r\nTo: =?utf-8?q?=C3=85sa?= <åsa@exämple.se>\r\n"))
    }
}
