/// Which table rows go on which page, with the totals after the last row.
///
/// Rows fill the first page below the header, then later pages below their short
/// heading; a row never splits. When the totals do not fit under the last row, they get
/// a page of their own.
struct InvoicePagination {
    /// Top of the table on the first page.
    var firstTop: Double
    /// Top of the table on later pages.
    var otherTop: Double
    /// Row indices per page; the last page holds the totals (and may hold no rows).
    var pages: [[Int]]

    /// Splits rows of `rowHeights` over pages.
    init(rowHeights: [Double], firstTop: Double, otherTop: Double, totalsHeight: Double) {
        self.firstTop = firstTop
        self.otherTop = otherTop
        let header = InvoiceTable.headerHeight
        var pages: [[Int]] = [[]]
        var y = firstTop - header
        for (index, height) in rowHeights.enumerated() {
            let pageIsEmpty = pages[pages.count - 1].isEmpty
            if y - height < InvoiceStyle.bottom, !pageIsEmpty {
                pages.append([])
                y = otherTop - header
            }
            pages[pages.count - 1].append(index)
            y -= height
        }
        if y - totalsHeight < InvoiceStyle.bottom {
            pages.append([])
        }
        self.pages = pages
    }
}
