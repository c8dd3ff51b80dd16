import BillingDocuments
import Foundation
import Testing

@Suite("The report page of one world")
struct HTMLReportPageTests {
    private let page = HTMLReport.render(ReportFixtures.small)

    @Test("The page is well-formed XML after its doctype, with a UTF-8 charset and nothing that leaves the page")
    func pageParsesStrictly() throws {
        let parsed = try ReportPython.parse(page)
        #expect(parsed.root == "html")
        #expect(parsed.problems == [])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta charset=\"utf-8\"/>"))
    }

    @Test("The checker itself rejects unclosed elements, named entities and off-page links")
    func checkerIsStrict() throws {
        let head = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/></head><body>"
        #expect(throws: ReportPython.Failure.self) { try ReportPython.parse(head + "<p>open</body></html>") }
        #expect(throws: ReportPython.Failure.self) { try ReportPython.parse(head + "a&nbsp;b</body></html>") }
        let offPage = try ReportPython.parse(head + "<a href=\"https://example.com\">x</a><a href=\"//cdn\">y</a></body></html>")
        #expect(offPage.problems.count == 2)
    }

    @Test("The page has no scripts and no web addresses at all")
    func noScriptsOrURLs() throws {
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(try ReportPython.parse(page).counts["script"] == nil)
    }

    @Test("Every invoice has a View link to its PDF in a new tab and a Download link to the same file")
    func invoicesLinkTheirPDFs() throws {
        let links = try ReportPython.parse(page).links
        for company in ReportFixtures.small.companies {
            for invoice in company.invoices {
                let href = expectedHref(invoice.pdfPath)
                let file = String(invoice.pdfPath.split(separator: "/").last ?? "")
                #expect(links.contains(.init(href: href, text: "View", target: "_blank", download: nil)), "View \(invoice.number)")
                #expect(links.contains(.init(href: href, text: "Download", target: nil, download: file)), "Download \(invoice.number)")
            }
        }
        #expect(links.filter { $0.text == "View" }.count == 3)
        #expect(links.contains { $0.href == "invoices/sm%C3%B6rg%C3%A5s/SM%C3%96R%20000001%231%3F.pdf" })
    }

    @Test("Every message links its .eml file")
    func messagesLinkTheirFiles() throws {
        let links = try ReportPython.parse(page).links
        #expect(links.contains(.init(href: "emails/000001.eml", text: "000001.eml", target: nil, download: nil)))
        #expect(links.contains(.init(href: "emails/000002%20copy.eml", text: "000002 copy.eml", target: nil, download: nil)))
    }

    @Test("Omitted companies and recipients are counted and pointed to report.json")
    func omittedRowsAreShown() throws {
        let notes = try ReportPython.parse(page).notes
        #expect(notes.contains("and 98,000 more companies: see report.json and invoices/"))
        #expect(notes.contains("and 1,234 more recipients: see report.json and emails/"))
    }

    @Test("Names survive escaping: the parsed page shows them exactly as in the model")
    func namesRoundTrip() throws {
        let parsed = try ReportPython.parse(page)
        #expect(parsed.summaries.contains { $0.hasPrefix(ReportFixtures.hostileName) })
        #expect(parsed.summaries.contains("Anna \"Åsa\" <Ek> anna@acme.example · 2 messages"))
        #expect(parsed.summaries.contains("billing@smorgas.example 1 message"))
        #expect(parsed.title == "01-monthly.scenario · BillingSim report")
        #expect(page.contains("Acme &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'Co' åäö 🚀"))
    }

    @Test("There is a chart for invoices, for emails, and for revenue in each currency")
    func chartsPerCurrency() throws {
        let parsed = try ReportPython.parse(page)
        #expect(parsed.figcaptions == ["Invoices per month", "Emails per month", "Revenue per month, EUR", "Revenue per month, SEK"])
        #expect(parsed.counts["svg"] == 4)
    }

    @Test("The same model renders to the same page")
    func deterministic() {
        #expect(HTMLReport.render(ReportFixtures.small) == page)
        #expect(HTMLReport.render(ReportFixtures.months(36)) == HTMLReport.render(ReportFixtures.months(36)))
    }

    @Test("An empty world renders a valid page that says there is nothing to show")
    func emptyWorld() throws {
        let empty = ReportModel(
            title: "simulate", summary: [], companies: [], companiesOmitted: 0, recipients: [], recipientsOmitted: 0, months: [])
        let parsed = try ReportPython.parse(HTMLReport.render(empty))
        #expect(parsed.notes == ["Nothing to summarize.", "No months to show.", "No companies.", "No emails were sent."])
        #expect(parsed.counts["svg"] == nil)
    }

    @Test("One month, thirty-six months and revenue near the Int64 limit all render valid pages", arguments: [1, 36])
    func manyMonthsAndHugeValues(count: Int) throws {
        for model in [ReportFixtures.months(count), ReportFixtures.months(count) { _ in .max }] {
            let page = HTMLReport.render(model)
            let parsed = try ReportPython.parse(page)
            #expect(parsed.problems == [])
            #expect(parsed.counts["svg"] == 3)
            #expect(!page.contains("nan") && !page.contains("inf"))
        }
    }

    @Test("Revenue past Int64.max is charted and tabulated exactly, bars in proportion")
    func revenuePastInt64() throws {
        // One month of two entries of Int64.max in EUR, the next of one: 2:1.
        let max = ReportModel.CurrencyAmount(currency: "EUR", minorUnits: .init(Int64.max))
        let model = ReportModel(
            title: "huge", summary: [], companies: [], companiesOmitted: 0, recipients: [], recipientsOmitted: 0,
            months: [
                .init(month: "2026-01", invoices: 2, emails: 0, revenue: [max, max]),
                .init(month: "2026-02", invoices: 1, emails: 0, revenue: [max]),
            ])
        let page = HTMLReport.render(model)
        #expect(try ReportPython.parse(page).problems == [])
        #expect(page.contains("<title>2026-01: 184,467,440,737,095,516.14 EUR</title>"))
        #expect(page.contains("<title>2026-02: 92,233,720,368,547,758.07 EUR</title>"))
        #expect(page.contains("<td class=\"num\">184,467,440,737,095,516.14</td>"))
        #expect(page.contains("height=\"180\" fill=\"#b26a1f\""))
        #expect(page.contains("height=\"90\" fill=\"#b26a1f\""))
    }
}

/// The links' encoding, spelled out independently with Foundation.
private func expectedHref(_ path: String) -> String {
    let kept = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
    return path.addingPercentEncoding(withAllowedCharacters: kept) ?? ""
}
