/// The invoice page's measurements, in points: margins, type sizes and spacing.
enum InvoiceStyle {
    /// Left edge of everything printed.
    static let left = 50.0
    /// Right edge of everything printed.
    static let right = PDFDocument.pageWidth - 50
    /// Baseline area starts below this: the top margin.
    static let top = PDFDocument.pageHeight - 50
    /// Nothing but the footer goes below this.
    static let bottom = 64.0
    /// Baseline of the footer.
    static let footerBaseline = 32.0

    /// Body text size.
    static let bodySize = 9.0
    /// Body line distance.
    static let bodyLeading = 11.5
    /// Small labels ("From", "Bill to", column headers).
    static let labelSize = 8.0
    /// Gray of labels and rules.
    static let labelGray = 0.4
    /// Gray of the table header band.
    static let bandGray = 0.92
    /// Gray of the thin rules between rows.
    static let ruleGray = 0.8

    /// Space between table columns.
    static let columnGap = 14.0
    /// Padding inside the table's left and right edges.
    static let cellPadding = 4.0
}
