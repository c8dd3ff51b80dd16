import Foundation
import Testing

/// Parses report pages with Tests/BillingDocumentsTests/Support/check_html.py, an
/// independent and strict reader (Python's `xml.etree.ElementTree`).
///
/// Python 3 is a test dependency: without it these tests fail with a message saying so,
/// rather than pass without having looked at the page.
enum ReportPython {
    /// What the checker saw in a page.
    struct ParsedPage: Decodable {
        /// One `<a>` element.
        struct Link: Decodable, Equatable {
            var href: String
            var text: String
            var target: String?
            var download: String?
        }

        /// The root element's name, `html`.
        var root: String
        /// The `<title>` text.
        var title: String
        /// How many elements of each name.
        var counts: [String: Int]
        /// Event handlers, off-page links, a missing charset.
        var problems: [String]
        /// Every link, in document order.
        var links: [Link]
        /// The text of each `<p class="note">`.
        var notes: [String]
        /// The text of each `<summary>`.
        var summaries: [String]
        /// The chart captions.
        var figcaptions: [String]
    }

    /// What went wrong running the checker.
    typealias Failure = SupportPython.Failure

    /// Parses `page` strictly as XML (after its doctype) and reports what it holds.
    static func parse(_ page: String) throws -> ParsedPage {
        let folder = try SupportPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        try Data(page.utf8).write(to: input)
        return try SupportPython.run("check_html.py", [input.path], as: ParsedPage.self)
    }
}
