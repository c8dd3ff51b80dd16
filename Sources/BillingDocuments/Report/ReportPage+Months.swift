extension ReportPage {
    /// The bar colours: invoices, emails, revenue.
    private static let colors = (invoices: "#3b6ea5", emails: "#3c8d5a", revenue: "#b26a1f")

    /// The currencies any month has revenue in, sorted by code.
    var currencies: [String] {
        Array(Set(model.months.flatMap { $0.revenue.map(\.currency) })).sorted()
    }

    /// The charts: invoices and emails per month, and revenue per month in each currency.
    var charts: [SVGBarChart] {
        let labels = model.months.map(\.month)
        var charts = [
            SVGBarChart(
                title: "Invoices per month", labels: labels, values: model.months.map { Int128($0.invoices) },
                measure: .count(singular: "invoice", plural: "invoices"), color: Self.colors.invoices),
            SVGBarChart(
                title: "Emails per month", labels: labels, values: model.months.map { Int128($0.emails) },
                measure: .count(singular: "email", plural: "emails"), color: Self.colors.emails),
        ]
        for currency in currencies {
            charts.append(
                SVGBarChart(
                    title: "Revenue per month, " + currency, labels: labels,
                    values: model.months.map { Self.revenue(of: $0, in: currency) }, measure: .money(currency: currency),
                    color: Self.colors.revenue))
        }
        return charts
    }

    /// Writes the per-month section: the charts, then the same figures as a table.
    func renderMonths(into html: inout HTMLBuilder) {
        html.open("section", ["id": "months"])
        html.element("h2", text: "Per month")
        guard !model.months.isEmpty else {
            html.element("p", ["class": "note"], text: "No months to show.")
            html.close("section")
            return
        }
        html.open("div", ["class": "charts"])
        for chart in charts {
            html.open("figure")
            html.element("figcaption", text: chart.title)
            chart.render(into: &html)
            html.close("figure")
        }
        html.close("div")
        renderMonthTable(into: &html)
        html.close("section")
    }

    private func renderMonthTable(into html: inout HTMLBuilder) {
        let currencies = self.currencies
        html.open("details", ["class": "panel"])
        html.element("summary", text: "Figures per month")
        html.open("div", ["class": "table-wrap"])
        html.open("table")
        PageShell.headerRow(
            [("Month", false), ("Invoices", true), ("Emails", true)] + currencies.map { ("Revenue " + $0, true) }, into: &html)
        html.open("tbody")
        for month in model.months {
            let cells =
                [HTMLBuilder.tag("td", ["class": "nowrap"], text: month.month)]
                + [month.invoices, month.emails].map { HTMLBuilder.tag("td", ["class": "num"], text: NumberText.grouped($0)) }
                + currencies.map {
                    HTMLBuilder.tag("td", ["class": "num"], text: NumberText.decimal(Self.revenue(of: month, in: $0), decimals: 2))
                }
            html.line(HTMLBuilder.tag("tr", markup: cells.joined()))
        }
        html.close("tbody")
        html.close("table")
        html.close("div")
        html.close("details")
    }

    /// The month's revenue in `currency`, zero when it has none; several entries for one
    /// currency are added exactly (a world's sums stay far inside `Int128`: passing it
    /// would take 2^64 invoices).
    static func revenue(of month: ReportModel.MonthRow, in currency: String) -> Int128 {
        month.revenue.filter { $0.currency == currency }.reduce(0) { $0 + $1.minorUnits }
    }
}
