internal import BillingCore

/// The lines table: column positions measured from the widest value, and each line's
/// texts wrapped to its column.
///
/// Number columns are as wide as their widest entry and right-aligned; the description
/// takes what is left, so long amounts squeeze the description, never the page edge.
struct InvoiceTable {
    /// One invoice line, laid out.
    struct Row {
        /// Description lines (at most three; the last ends in `…` when cut).
        var description: [String]
        /// Period lines: start, then `to` and the end when it does not fit on one.
        var period: [String]
        /// The quantity.
        var quantity: String
        /// The unit price, as ``Money/decimalString``.
        var unitPrice: String
        /// The amount, as ``Money/decimalString``.
        var amount: String

        /// The row's height in points.
        var height: Double { Double(max(description.count, period.count)) * InvoiceStyle.bodyLeading + 5 }
    }

    /// Left edge of the description.
    var descriptionX: Double
    /// Left edge of the period.
    var periodX: Double
    /// Right edge of the quantities.
    var quantityRight: Double
    /// Right edge of the unit prices.
    var unitPriceRight: Double
    /// Right edge of the amounts, the totals' amounts too.
    var amountRight: Double
    /// The lines.
    var rows: [Row]

    /// Height of the header band.
    static let headerHeight = 18.0
    private static let headers = (description: "Description", period: "Period", quantity: "Qty", unitPrice: "Unit price", amount: "Amount")
    private static let periodWidth = 112.0

    /// The table of `document`'s lines; `totals` are the amounts the totals block prints
    /// in the amount column, so that column fits them too.
    init(_ document: InvoiceDocument, totals: [String]) {
        let invoice = document.invoice
        let body = PDFFont.helvetica
        let size = InvoiceStyle.bodySize
        let texts = invoice.lines.map { line in
            (
                quantity: String(line.quantity), unitPrice: InvoiceText.amount(line.unitPrice, invoice.currency),
                amount: InvoiceText.amount(line.amount, invoice.currency)
            )
        }
        func widest(_ header: String, _ values: [String], _ font: PDFFont = body) -> Double {
            values.reduce(PDFFont.helveticaBold.width(of: header, size: InvoiceStyle.labelSize)) {
                max($0, font.width(of: $1, size: size))
            }
        }
        let gap = InvoiceStyle.columnGap
        amountRight = InvoiceStyle.right - InvoiceStyle.cellPadding
        let amountWidth = max(
            widest(Self.headers.amount, texts.map(\.amount)), widest(Self.headers.amount, totals, .helveticaBold))
        unitPriceRight = amountRight - amountWidth - gap
        quantityRight = unitPriceRight - widest(Self.headers.unitPrice, texts.map(\.unitPrice)) - gap
        periodX = quantityRight - widest(Self.headers.quantity, texts.map(\.quantity)) - gap - Self.periodWidth
        descriptionX = InvoiceStyle.left + InvoiceStyle.cellPadding
        let descriptionWidth = max(40, periodX - gap - descriptionX)

        rows = zip(invoice.lines, texts).enumerated().map { index, pair in
            let (line, text) = pair
            let description = index < document.lineDescriptions.count ? document.lineDescriptions[index] : ""
            return Row(
                description: body.wrapped(description, size: size, maxWidth: descriptionWidth, maxLines: 3),
                period: body.wrapped(
                    InvoiceText.period(line.periodStart, line.periodEnd), size: size, maxWidth: Self.periodWidth, maxLines: 2),
                quantity: text.quantity, unitPrice: text.unitPrice, amount: text.amount)
        }
    }

    /// Draws the header band with its top at `top`; returns the band's bottom.
    func drawHeader(top: Double, into page: inout PDFContent) -> Double {
        let bottom = top - Self.headerHeight
        page.fill(
            x: InvoiceStyle.left, y: bottom, width: InvoiceStyle.right - InvoiceStyle.left, height: Self.headerHeight,
            gray: InvoiceStyle.bandGray)
        let y = bottom + 6
        let font = PDFFont.helveticaBold
        let size = InvoiceStyle.labelSize
        page.text(Self.headers.description, x: descriptionX, y: y, font: font, size: size)
        page.text(Self.headers.period, x: periodX, y: y, font: font, size: size)
        page.text(Self.headers.quantity, right: quantityRight, y: y, font: font, size: size)
        page.text(Self.headers.unitPrice, right: unitPriceRight, y: y, font: font, size: size)
        page.text(Self.headers.amount, right: amountRight, y: y, font: font, size: size)
        return bottom
    }

    /// Draws `row` with its top at `top`, a thin rule under it; returns its bottom.
    func draw(_ row: Row, top: Double, into page: inout PDFContent) -> Double {
        let size = InvoiceStyle.bodySize
        let first = top - InvoiceStyle.bodyLeading + 0.5
        for (index, line) in row.description.enumerated() {
            page.text(line, x: descriptionX, y: first - Double(index) * InvoiceStyle.bodyLeading, font: .helvetica, size: size)
        }
        for (index, line) in row.period.enumerated() {
            page.text(line, x: periodX, y: first - Double(index) * InvoiceStyle.bodyLeading, font: .helvetica, size: size)
        }
        page.text(row.quantity, right: quantityRight, y: first, font: .helvetica, size: size)
        page.text(row.unitPrice, right: unitPriceRight, y: first, font: .helvetica, size: size)
        page.text(row.amount, right: amountRight, y: first, font: .helvetica, size: size)
        let bottom = top - row.height
        page.line(
            from: (InvoiceStyle.left, bottom), to: (InvoiceStyle.right, bottom), width: 0.5, gray: InvoiceStyle.ruleGray)
        return bottom
    }
}
