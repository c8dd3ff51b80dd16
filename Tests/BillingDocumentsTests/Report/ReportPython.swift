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
    struct Failure: Error, CustomStringConvertible {
        /// What happened and what to do.
        var description: String
    }

    /// Parses `page` strictly as XML (after its doctype) and reports what it holds.
    static func parse(_ page: String) throws -> ParsedPage {
        let python = try interpreter()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        try Data(page.utf8).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, input.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let message = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
            throw Failure(description: "check_html.py exited with status \(process.terminationStatus):\n\(printed)\(message)")
        }
        do {
            return try JSONDecoder().decode(ParsedPage.self, from: Data(printed.utf8))
        } catch {
            throw Failure(description: "check_html.py printed what is not its JSON report (\(error)):\n\(printed)")
        }
    }

    /// The checker script.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/check_html.py")

    /// `python3` on `PATH`.
    static func interpreter() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(
            description: "python3 was not found on PATH (\(path)). The HTML report tests parse every page strictly as XML "
                + "with Python's xml.etree.ElementTree; install Python 3 (apt-get install python3) and run them again.")
    }
}
