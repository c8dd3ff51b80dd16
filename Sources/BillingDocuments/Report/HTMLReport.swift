/// The HTML report: one self-contained, script-free page per world, and an index page
/// for a `run --out` with several scenarios.
///
/// The pages are UTF-8 HTML5 written as well-formed XML (every element closed, every
/// attribute quoted), with inline CSS and inline SVG charts only: no scripts and no
/// external URLs, so they open offline from the output folder. The same model always
/// renders to the same string.
///
/// ```swift
/// let html = HTMLReport.render(model)
/// try Data(html.utf8).write(to: folder.appendingPathComponent("report.html"))
/// ```
public enum HTMLReport {
    /// One world's page: summary, companies with invoice lists (View and Download links to the PDFs), outbox per recipient, per-month charts.
    public static func render(_ model: ReportModel) -> String {
        ReportPage(model: model).render()
    }

    /// The index of a `run --out` with several scenarios, linking each scenario's page.
    public static func render(_ index: RunIndexModel) -> String {
        RunIndexPage(index: index).render()
    }
}
