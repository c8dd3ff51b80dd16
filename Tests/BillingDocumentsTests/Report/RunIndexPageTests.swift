import BillingDocuments
import Testing

@Suite("The index page of a run with several scenarios")
struct RunIndexPageTests {
    private let page = HTMLReport.render(ReportFixtures.index)

    @Test("The index is well-formed XML with no scripts and no web addresses")
    func indexParsesStrictly() throws {
        let parsed = try ReportPython.parse(page)
        #expect(parsed.root == "html")
        #expect(parsed.problems == [])
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
    }

    @Test("Every scenario links its own report, with the path encoded and the name escaped")
    func everyScenarioIsLinked() throws {
        let links = try ReportPython.parse(page).links
        #expect(
            links == [
                .init(href: "01-monthly/report.html", text: "Scenarios/01-monthly.scenario"),
                .init(href: "02%20yearly%20%26%20more/report.html", text: "Scenarios/02 <yearly> & more.scenario"),
                .init(href: "03-%C3%A5lder/report.html", text: "Scenarios/03-ålder.scenario"),
            ])
    }

    @Test("Each scenario says whether it passed, and the header counts both")
    func outcomesAreShown() {
        #expect(page.contains("<td class=\"failed\">failed</td><td>line 4: expected invoices = 3, got 2</td>"))
        #expect(page.contains("3 scenarios: 2 passed, 1 failed"))
    }

    @Test("The same index renders to the same page")
    func deterministic() {
        #expect(HTMLReport.render(ReportFixtures.index) == page)
    }
}

extension ReportPython.ParsedPage.Link {
    /// A plain link: no target, no download.
    fileprivate init(href: String, text: String) {
        self.init(href: href, text: text, target: nil, download: nil)
    }
}

@Suite("A scenario without a world in the run index")
struct RunIndexWithoutWorldTests {
    @Test("A scenario that made no world is listed without a link")
    func scenarioWithoutWorldHasNoLink() throws {
        var index = ReportFixtures.index
        index.scenarios[1].reportPath = ""
        let page = HTMLReport.render(index)
        let links = try ReportPython.parse(page).links
        #expect(links.map(\.href) == ["01-monthly/report.html", "03-%C3%A5lder/report.html"])
        #expect(page.contains("<td>Scenarios/02 &lt;yearly&gt; &amp; more.scenario</td>"))
    }
}
