internal import BillingCore

/// The top of an invoice's first page: the seller on the left, "INVOICE" (or "Credit
/// note (Kreditfaktura)") and the invoice's facts on the right, the buyer below, every
/// text wrapped to its column.
struct InvoiceHeader {
    /// One fact on the right: a label and its value, wrapped.
    struct Fact {
        var label: String
        var value: [String]
    }

    /// Seller name lines, bold.
    var sellerName: [String]
    /// Seller address, country and VAT number lines.
    var sellerLines: [String]
    /// Buyer name lines, bold.
    var buyerName: [String]
    /// Buyer address, country and VAT number lines.
    var buyerLines: [String]
    /// The title: `INVOICE`, or `Credit note (Kreditfaktura)`.
    var title: String
    /// Invoice number, the invoices it credits, dates, cycle, period, currency and the
    /// payment method the invoice was issued with.
    var facts: [Fact]

    private static let partyWidth = 250.0
    private static let nameSize = 12.0
    private static let nameLeading = 14.5
    private static let titleSize = 20.0
    private static let factLabelX = 330.0
    private static let factValueX = 425.0

    /// The header of `document`.
    init(_ document: InvoiceDocument) {
        let body = PDFFont.helvetica
        let size = InvoiceStyle.bodySize
        let width = Self.partyWidth
        func party(_ address: String, _ country: Country, _ vatNumber: String) -> [String] {
            var lines = body.wrapped(address, size: size, maxWidth: width, maxLines: 3)
            lines.append(body.truncated("Country: \(country)", size: size, maxWidth: width))
            if !vatNumber.isEmpty {
                lines += body.wrapped("VAT number: \(vatNumber)", size: size, maxWidth: width, maxLines: 2)
            }
            return lines
        }
        let seller = document.seller
        let buyer = document.buyer
        let bold = PDFFont.helveticaBold
        sellerName = bold.wrapped(seller.name, size: Self.nameSize, maxWidth: width, maxLines: 2)
        sellerLines = party(seller.address, seller.country, seller.vatNumber)
        buyerName = bold.wrapped(buyer.name, size: Self.nameSize, maxWidth: width, maxLines: 2)
        buyerLines = party(buyer.address, buyer.country, buyer.vatNumber)

        let invoice = document.invoice
        let valueWidth = InvoiceStyle.right - Self.factValueX
        func fact(_ label: String, _ value: String) -> Fact {
            Fact(label: label, value: body.wrapped(value, size: size, maxWidth: valueWidth, maxLines: 2))
        }
        title = invoice.isCreditNote ? "Credit note (Kreditfaktura)" : "INVOICE"
        let credited = invoice.creditedNumbers.map(\.description).joined(separator: ", ")
        facts = [
            fact(invoice.isCreditNote ? "Credit note number" : "Invoice number", document.number)
        ]
        if !credited.isEmpty { facts.append(fact(credited.contains(",") ? "Credits invoices" : "Credits invoice", credited)) }
        facts += [
            fact("Creation date", invoice.created.description),
            fact("Billing cycle", invoice.cycle.invoiceLabel),
            fact("Service start", invoice.periodStart.description),
            fact("Service end", invoice.periodEnd.lastIncludedDay.description),
            fact("Currency", InvoiceText.currency(invoice.currency)),
            fact("Payment method", buyer.paymentMethod),
        ]
    }

    /// Points from the top margin to just below the header's lowest text.
    var height: Double {
        let left = Self.partyHeight(sellerName, sellerLines) + Self.partyGap + Self.partyHeight(buyerName, buyerLines)
        let factLines = facts.reduce(0) { $0 + $1.value.count }
        let right = Self.factsTop + Double(factLines - 1) * InvoiceStyle.bodyLeading + Self.descent
        return max(left, right)
    }

    /// Draws the header from the top margin down.
    func draw(into page: inout PDFContent) {
        let top = InvoiceStyle.top
        drawParty("From", sellerName, sellerLines, top: top, into: &page)
        let buyerTop = top - Self.partyHeight(sellerName, sellerLines) - Self.partyGap
        drawParty("Bill to", buyerName, buyerLines, top: buyerTop, into: &page)

        // A long title shrinks to fit between the facts' labels and the right margin.
        let room = InvoiceStyle.right - Self.factLabelX
        let size = min(Self.titleSize, Self.titleSize * room / max(1, PDFFont.helveticaBold.width(of: title, size: Self.titleSize)))
        page.text(title, right: InvoiceStyle.right, y: top - 16, font: .helveticaBold, size: size)
        var y = top - Self.factsTop
        for fact in facts {
            page.text(
                fact.label, x: Self.factLabelX, y: y, font: .helvetica, size: InvoiceStyle.bodySize,
                gray: InvoiceStyle.labelGray)
            for line in fact.value {
                page.text(line, x: Self.factValueX, y: y, font: .helvetica, size: InvoiceStyle.bodySize)
                y -= InvoiceStyle.bodyLeading
            }
        }
    }

    private static let partyGap = 16.0
    private static let factsTop = 42.0
    private static let descent = 3.0

    /// The height of a party block: label, name lines, other lines.
    private static func partyHeight(_ name: [String], _ lines: [String]) -> Double {
        InvoiceStyle.labelSize + Double(name.count) * nameLeading + Double(lines.count) * InvoiceStyle.bodyLeading + descent
    }

    /// Draws a labelled party block whose top is at `top`.
    private func drawParty(_ label: String, _ name: [String], _ lines: [String], top: Double, into page: inout PDFContent) {
        var y = top - InvoiceStyle.labelSize
        page.text(
            label, x: InvoiceStyle.left, y: y, font: .helveticaBold, size: InvoiceStyle.labelSize, gray: InvoiceStyle.labelGray)
        for line in name {
            y -= Self.nameLeading
            page.text(line, x: InvoiceStyle.left, y: y, font: .helveticaBold, size: Self.nameSize)
        }
        for line in lines {
            y -= InvoiceStyle.bodyLeading
            page.text(line, x: InvoiceStyle.left, y: y, font: .helvetica, size: InvoiceStyle.bodySize)
        }
    }
}
