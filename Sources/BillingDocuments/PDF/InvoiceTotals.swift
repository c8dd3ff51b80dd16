internal import BillingCore

/// The block under the last line: subtotal, tax, total, balance applied, amount due and
/// balance remaining (on a final invoice, the balance owed back), amounts right-aligned
/// in the table's amount column.
struct InvoiceTotals {
    /// One row: a label, the amount it applies to (a tax row's base, in the unit price
    /// column) and its amount.
    struct Row {
        var label: String
        var base: String? = nil
        var amount: String
        var isBold: Bool
    }

    /// The rows, in print order.
    var rows: [Row]

    /// Left edge of the labels, measured from the right margin.
    private static let labelOffset = 275.0
    /// Room the labels always get, however wide the amounts.
    private static let minimumLabelWidth = 200.0
    private static let leading = 15.0

    /// The totals of `document`.
    init(_ document: InvoiceDocument) {
        let invoice = document.invoice
        let currency = invoice.currency
        func row(_ label: String, _ minorUnits: Int64, bold: Bool = false) -> Row {
            Row(label: label, amount: InvoiceText.amount(minorUnits, currency), isBold: bold)
        }
        let groups = invoice.taxGroups
        // One tax row, as before, unless credits reverse VAT charged another way: then a
        // row per treatment, naming the amount it applies to, and their sum.
        let taxRows =
            groups.count > 1
            ? groups.map {
                Row(
                    label: "\(InvoiceText.shortTaxLabel($0.treatment)) on", base: InvoiceText.amount($0.base, currency),
                    amount: InvoiceText.amount($0.tax, currency), isBold: false)
            } + [row("VAT total", invoice.taxAmount)]
            : [row(InvoiceText.taxLabel(invoice.tax, buyer: document.buyer.country), invoice.taxAmount)]
        rows =
            [row("Subtotal", invoice.subtotal)] + taxRows + [
                row("Total \(currency.code)", invoice.total, bold: true),
                row("Account balance applied", invoice.balanceApplied),
                row("Amount due \(InvoiceText.currency(currency))", invoice.amountDue, bold: true),
                row(Self.remainingLabel(invoice.kind), invoice.balanceRemaining),
            ]
        if let swedish = document.swedishVATInSEK {
            // Swedish VAT act, ch. 17 § 29: the VAT in kronor too, at the invoice date's rate.
            let code = currency.code
            if let rate = swedish.rate, let sek = swedish.sek {
                let label = "VAT in SEK (\(code) \(InvoiceText.rate(rate.value)), \(rate.effective))"
                rows.append(Row(label: label, amount: "\(Money(minorUnits: sek, .sek).decimalString) SEK", isBold: false))
            } else {
                rows.append(Row(label: "VAT in SEK: no \(code) rate on \(invoice.created.date)", amount: "-", isBold: false))
            }
        }
    }

    /// The last row's label. After a closed account's final invoice nothing more is
    /// billed, so the balance left is the customer's money, to be paid back.
    static func remainingLabel(_ kind: Invoice.Kind) -> String {
        kind == .final ? "Balance owed to you (to be refunded)" : "Account balance remaining"
    }

    /// The amounts, for sizing the amount column.
    var amounts: [String] { rows.map(\.amount) }

    /// The block's height in points.
    var height: Double { Double(rows.count) * Self.leading + 10 }

    /// Draws the block with its top at `top`, amounts in `table`'s amount column and
    /// labels ending where that column's space begins.
    func draw(top: Double, table: InvoiceTable, into page: inout PDFContent) {
        let labelX = max(
            InvoiceStyle.left, min(InvoiceStyle.right - Self.labelOffset, table.unitPriceRight - Self.minimumLabelWidth))
        let labelWidth = table.unitPriceRight - labelX
        var y = top - 6
        for (index, row) in rows.enumerated() {
            y -= Self.leading
            let font: PDFFont = row.isBold ? .helveticaBold : .helvetica
            let size = InvoiceStyle.bodySize
            if row.isBold, index > 0 {
                page.line(from: (labelX, y + 11), to: (InvoiceStyle.right, y + 11), width: 0.5, gray: InvoiceStyle.ruleGray)
            }
            var room = labelWidth
            if let base = row.base {
                page.text(base, right: table.unitPriceRight, y: y, font: font, size: size)
                room -= font.width(of: base, size: size) + 6
            }
            page.text(font.truncated(row.label, size: size, maxWidth: max(0, room)), x: labelX, y: y, font: font, size: size)
            page.text(row.amount, right: table.amountRight, y: y, font: font, size: size)
        }
    }
}
