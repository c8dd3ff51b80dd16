internal import BillingCore

/// Renders an invoice as an A4 PDF: the seller and buyer as at issue, the invoice's
/// number, dates, cycle and period, the lines, tax, totals and account balance.
///
/// Lines that do not fit on the first page continue on further pages under a repeated
/// table header; every page says "Page n of m"; the totals follow the last line. The
/// output depends on the document only, byte for byte.
///
/// ```swift
/// let bytes = InvoicePDF.render(document)
/// try Data(bytes).write(to: url)
/// ```
public enum InvoicePDF {
    /// The PDF file of `document`, A4, byte-identical for the same document.
    public static func render(_ document: InvoiceDocument) -> [UInt8] {
        let header = InvoiceHeader(document)
        let totals = InvoiceTotals(document)
        let table = InvoiceTable(document, totals: totals.amounts)
        let plan = InvoicePagination(
            rowHeights: table.rows.map(\.height), firstTop: InvoiceStyle.top - header.height - 22,
            otherTop: InvoiceStyle.top - continuationHeight, totalsHeight: totals.height)

        var pages: [PDFContent] = []
        for (index, rows) in plan.pages.enumerated() {
            var page = PDFContent()
            var y: Double
            if index == 0 {
                header.draw(into: &page)
                y = plan.firstTop
            } else {
                drawContinuation(document, into: &page)
                y = plan.otherTop
            }
            if !rows.isEmpty || index == 0 {
                y = table.drawHeader(top: y, into: &page)
            }
            for row in rows { y = table.draw(table.rows[row], top: y, into: &page) }
            if index == plan.pages.count - 1 { totals.draw(top: y, table: table, into: &page) }
            drawFooter(document, page: index + 1, of: plan.pages.count, into: &page)
            pages.append(page)
        }
        return PDFDocument(title: document.shortTitle, pages: pages).render()
    }

    /// Height of the heading of pages after the first.
    private static let continuationHeight = 36.0

    /// The heading of pages after the first: seller name and invoice number.
    private static func drawContinuation(_ document: InvoiceDocument, into page: inout PDFContent) {
        let y = InvoiceStyle.top - 11
        let half = (InvoiceStyle.right - InvoiceStyle.left) / 2 - 10
        let bold = PDFFont.helveticaBold
        page.text(bold.truncated(document.seller.name, size: 11, maxWidth: half), x: InvoiceStyle.left, y: y, font: bold, size: 11)
        let title = PDFFont.helvetica.truncated("\(document.shortTitle) (continued)", size: 9, maxWidth: half)
        page.text(title, right: InvoiceStyle.right, y: y, font: .helvetica, size: 9)
    }

    /// The footer: seller name and VAT number on the left, "Page n of m" on the right.
    private static func drawFooter(_ document: InvoiceDocument, page number: Int, of count: Int, into page: inout PDFContent) {
        let y = InvoiceStyle.footerBaseline
        let size = InvoiceStyle.labelSize
        let gray = InvoiceStyle.labelGray
        page.line(
            from: (InvoiceStyle.left, y + 12), to: (InvoiceStyle.right, y + 12), width: 0.5, gray: InvoiceStyle.ruleGray)
        let pageText = "Page \(number) of \(count)"
        page.text(pageText, right: InvoiceStyle.right, y: y, font: .helvetica, size: size, gray: gray)
        let seller = document.seller
        let room = InvoiceStyle.right - InvoiceStyle.left - PDFFont.helvetica.width(of: pageText, size: size) - 20
        let left = PDFFont.helvetica.truncated(
            "\(seller.name) \u{00B7} VAT number \(seller.vatNumber) \u{00B7} \(document.shortTitle)", size: size, maxWidth: room)
        page.text(left, x: InvoiceStyle.left, y: y, font: .helvetica, size: size, gray: gray)
    }
}
