extension ReportPage {
    /// Writes the companies section: one collapsible block per company with its invoice
    /// list, each invoice linking to its PDF to view (new tab) and to download.
    func renderCompanies(into html: inout HTMLBuilder) {
        html.open("section", ["id": "companies"])
        html.element("h2", text: "Companies")
        if model.companies.isEmpty && model.companiesOmitted == 0 {
            html.element("p", ["class": "note"], text: "No companies.")
        }
        for company in model.companies {
            html.open("details", ["class": "company"])
            html.line(
                HTMLBuilder.tag(
                    "summary",
                    markup: HTMLBuilder.tag("span", ["class": "name"], text: company.name) + " "
                        + HTMLBuilder.tag(
                            "span", ["class": "meta"],
                            text: [
                                company.id, company.country, company.plan,
                                NumberText.counted(company.invoices.count, "invoice", "invoices"),
                            ].joined(separator: " · "))))
            renderInvoices(company.invoices, into: &html)
            html.close("details")
        }
        if model.companiesOmitted > 0 {
            Self.omittedNote(model.companiesOmitted, "more company", "more companies", folder: "invoices/", into: &html)
        }
        html.close("section")
    }

    private func renderInvoices(_ invoices: [ReportModel.InvoiceRow], into html: inout HTMLBuilder) {
        guard !invoices.isEmpty else {
            html.element("p", ["class": "empty"], text: "No invoices yet.")
            return
        }
        html.open("div", ["class": "table-wrap"])
        html.open("table")
        PageShell.headerRow(
            [
                ("Invoice", false), ("Created", false), ("Cycle", false), ("Period", false), ("Total", true), ("Amount due", true),
                ("PDF", false),
            ], into: &html)
        html.open("tbody")
        for invoice in invoices {
            let href = PathEncoding.href(invoice.pdfPath)
            let links =
                HTMLBuilder.tag("a", ["href": href, "target": "_blank", "rel": "noopener"], text: "View") + " "
                + HTMLBuilder.tag("a", ["href": href, "download": Self.fileName(invoice.pdfPath)], text: "Download")
            let cells = [
                HTMLBuilder.tag("td", ["class": "nowrap"], text: invoice.number),
                HTMLBuilder.tag("td", ["class": "nowrap"], text: invoice.created),
                HTMLBuilder.tag("td", text: invoice.cycle),
                HTMLBuilder.tag("td", ["class": "nowrap"], text: invoice.period),
                HTMLBuilder.tag("td", ["class": "num"], text: invoice.total),
                HTMLBuilder.tag("td", ["class": "num"], text: invoice.amountDue),
                HTMLBuilder.tag("td", ["class": "links"], markup: links),
            ]
            html.line(HTMLBuilder.tag("tr", markup: cells.joined()))
        }
        html.close("tbody")
        html.close("table")
        html.close("div")
    }
}
