import BillingDocuments
import Foundation
import Testing

@Suite("Report pages against their recorded copies")
struct ReportGoldenTests {
    @Test("The small world's page matches Support/Golden/report-small.html")
    func smallWorld() throws {
        try ReportGolden.expect(HTMLReport.render(ReportFixtures.small), matches: "report-small.html")
    }

    @Test("The run index matches Support/Golden/report-index.html")
    func runIndex() throws {
        try ReportGolden.expect(HTMLReport.render(ReportFixtures.index), matches: "report-index.html")
    }

    /// Writes sample pages to the folder named by `BILLINGSIM_REPORT_PREVIEW`, to open in a
    /// browser: `BILLINGSIM_REPORT_PREVIEW=/tmp/report swift test --filter ReportGoldenTests`.
    @Test(
        "Sample pages are written for a browser when BILLINGSIM_REPORT_PREVIEW names a folder",
        .enabled(if: ProcessInfo.processInfo.environment["BILLINGSIM_REPORT_PREVIEW"] != nil))
    func writePreview() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BILLINGSIM_REPORT_PREVIEW"] ?? "")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pages = [
            "small.html": HTMLReport.render(ReportFixtures.small),
            "index.html": HTMLReport.render(ReportFixtures.index),
            "one-month.html": HTMLReport.render(ReportFixtures.months(2).droppingFirstMonth()),
            "36-months.html": HTMLReport.render(ReportFixtures.months(36)),
            "120-months.html": HTMLReport.render(ReportFixtures.months(120)),
            "huge.html": HTMLReport.render(ReportFixtures.months(12) { Int64.max / 12 * Int64($0 + 1) }),
        ]
        for (name, page) in pages {
            try Data(page.utf8).write(to: folder.appendingPathComponent(name))
        }
    }
}

extension ReportModel {
    /// The model without its first month, which is all zeros in ``ReportFixtures/months(_:revenue:)``.
    fileprivate func droppingFirstMonth() -> ReportModel {
        var model = self
        model.months.removeFirst()
        return model
    }
}
