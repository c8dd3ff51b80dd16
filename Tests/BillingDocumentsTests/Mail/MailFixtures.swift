import BillingCore
import Foundation

@testable import BillingDocuments

/// Invoices, mails and stand-in PDFs for the mail tests.
enum MailFixtures {
    /// 2026-02-01T00:00:00Z, a Sunday: the February month end.
    static let februaryMonthEnd = Instant(seconds: 1_769_904_000)
    /// 2026-01-01T00:00:00Z.
    static let januaryFirst = Instant(seconds: 1_767_225_600)

    /// A finalized monthly invoice of the Pro plan for January 2026 with Swedish VAT:
    /// 70.00 + 25% = 87.50 EUR due.
    static func invoice(prefix: String = "ACME", sequence: Int64 = 3) -> Invoice {
        let line = InvoiceLine(
            kind: .plan("pro", .monthly), quantity: 1, unitPrice: 7_000, amount: 7_000, periodStart: januaryFirst,
            periodEnd: februaryMonthEnd)
        return Invoice(
            number: InvoiceNumber(prefix: prefix, sequence: sequence), kind: .plan, cycle: .monthly, created: januaryFirst,
            periodStart: januaryFirst, periodEnd: februaryMonthEnd, currency: .eur, lines: [line], subtotal: 7_000,
            tax: .domestic(TaxRate(basisPoints: 2_500)), taxAmount: 1_750, total: 8_750, balanceApplied: 0, amountDue: 8_750,
            balanceRemaining: 0, detailsRevision: 0)
    }

    /// The invoice of `invoice(prefix:sequence:)` to `buyer`, sold by `seller`.
    static func document(
        prefix: String = "ACME", sequence: Int64 = 3, buyer: String = "Acme AB", seller: Seller = .standard
    ) -> InvoiceDocument {
        InvoiceDocument(
            company: prefix.lowercased(), invoice: invoice(prefix: prefix, sequence: sequence),
            buyer: CompanyDetails(name: buyer, address: "Storgatan 1, 111 22 Stockholm", country: .sweden), seller: seller,
            catalog: .standard)
    }

    /// A mail of `document` sent at the February month end.
    static func mail(
        position: Int = 42, to email: String = "anna@acme.example", name: String = "Anna Andersson",
        document: InvoiceDocument = document()
    ) -> InvoiceMail {
        InvoiceMail(position: position, sentAt: februaryMonthEnd, recipientEmail: email, recipientName: name, document: document)
    }

    /// A seller named `name`, otherwise the standard one.
    static func seller(named name: String) -> Seller {
        var seller = Seller.standard
        seller.name = name
        return seller
    }

    /// Every byte value, twice over in different orders, as a stand-in PDF.
    static let allBytes: [UInt8] = Array(0...255) + Array((0...255).reversed()) + [0x0D, 0x0A, 0x0A, 0x0D, 0x3D, 0x2D]

    /// A small document that looks like a PDF: header, binary comment, objects, trailer.
    static let realLookingPDF: [UInt8] = {
        var bytes = Array("%PDF-1.7\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        bytes += Array("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".utf8)
        bytes += Array("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".utf8)
        bytes += Array("trailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n".utf8)
        return bytes
    }()

    /// The lines of `bytes` split at CRLF, and whether every line break was a CRLF.
    static func crlfLines(_ bytes: [UInt8]) -> (lines: [String], allCRLF: Bool) {
        var lines: [String] = []
        var allCRLF = true
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            if index == 0 || bytes[index - 1] != 0x0D { allCRLF = false }
            lines.append(String(decoding: bytes[start..<max(start, index - 1)], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return (lines, allCRLF)
    }

    /// Decodes quoted-printable `lines` (joined by CRLF) back to bytes.
    static func decodeQuotedPrintable(_ lines: [String]) -> [UInt8] {
        var output: [UInt8] = []
        for (number, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            let soft = bytes.last == UInt8(ascii: "=")
            if soft { bytes.removeLast() }
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                    let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
                {
                    output.append(value)
                    index += 3
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            if !soft, number < lines.count - 1 { output += [0x0A] }
        }
        return output
    }
}
