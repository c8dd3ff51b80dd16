/// The index of a `run --out` with several scenarios: the run's summary and one row per
/// scenario, linking to that scenario's own report.
struct RunIndexPage {
    /// What the page shows.
    var index: RunIndexModel

    /// The whole page.
    func render() -> String {
        PageShell.render(title: index.title + " · BillingSim report") { html in
            html.open("header")
            html.element("h1", text: index.title)
            let failed = index.scenarios.filter { !$0.passed }.count
            html.element(
                "p", ["class": "subtitle"],
                text: NumberText.counted(index.scenarios.count, "scenario", "scenarios") + ": "
                    + NumberText.grouped(index.scenarios.count - failed) + " passed, " + NumberText.grouped(failed) + " failed")
            html.close("header")
            html.open("section", ["id": "summary"])
            html.element("h2", text: "Summary")
            PageShell.facts(index.summary, into: &html)
            html.close("section")
            renderScenarios(into: &html)
        }
    }

    private func renderScenarios(into html: inout HTMLBuilder) {
        html.open("section", ["id": "scenarios"])
        html.element("h2", text: "Scenarios")
        guard !index.scenarios.isEmpty else {
            html.element("p", ["class": "note"], text: "No scenarios were run.")
            html.close("section")
            return
        }
        html.open("div", ["class": "panel"])
        html.open("div", ["class": "table-wrap"])
        html.open("table")
        PageShell.headerRow([("#", true), ("Scenario", false), ("Result", false), ("Outcome", false)], into: &html)
        html.open("tbody")
        for (number, scenario) in index.scenarios.enumerated() {
            let result = scenario.passed ? "passed" : "failed"
            let cells = [
                HTMLBuilder.tag("td", ["class": "num"], text: NumberText.grouped(number + 1)),
                scenario.reportPath.isEmpty
                    ? HTMLBuilder.tag("td", text: scenario.path)
                    : HTMLBuilder.tag(
                        "td", markup: HTMLBuilder.tag("a", ["href": PathEncoding.href(scenario.reportPath)], text: scenario.path)),
                HTMLBuilder.tag("td", ["class": result], text: result),
                HTMLBuilder.tag("td", text: scenario.outcome),
            ]
            html.line(HTMLBuilder.tag("tr", markup: cells.joined()))
        }
        html.close("tbody")
        html.close("table")
        html.close("div")
        html.close("div")
        html.close("section")
    }
}
