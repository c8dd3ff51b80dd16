/// The page of one world: a header with a table of contents, then the summary, the
/// per-month charts, the companies with their invoices and the outbox per recipient.
struct ReportPage {
    /// What the page shows.
    var model: ReportModel

    /// The whole page.
    func render() -> String {
        PageShell.render(title: model.title + " · BillingSim report") { html in
            html.open("header")
            html.element("h1", text: model.title)
            html.element("p", ["class": "subtitle"], text: "BillingSim report")
            html.line(
                HTMLBuilder.tag(
                    "nav",
                    markup: [("#summary", "Summary"), ("#months", "Per month"), ("#companies", "Companies"), ("#outbox", "Outbox")]
                        .map { HTMLBuilder.tag("a", ["href": $0.0], text: $0.1) }.joined(separator: " ")))
            html.close("header")
            html.open("section", ["id": "summary"])
            html.element("h2", text: "Summary")
            PageShell.facts(model.summary, into: &html)
            html.close("section")
            renderMonths(into: &html)
            renderCompanies(into: &html)
            renderOutbox(into: &html)
        }
    }

    /// `and 98,000 more companies: see report.json and invoices/`: where the rows left
    /// out of the page are.
    static func omittedNote(_ count: Int, _ singular: String, _ plural: String, folder: String, into html: inout HTMLBuilder) {
        let lead = HTMLEscaping.text("and " + NumberText.counted(count, singular, plural) + ": see ")
        let places = HTMLBuilder.tag("code", text: "report.json") + " and " + HTMLBuilder.tag("code", text: folder)
        html.line(HTMLBuilder.tag("p", ["class": "note"], markup: lead + places))
    }

    /// The last segment of a relative path: the file name a download gets.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
