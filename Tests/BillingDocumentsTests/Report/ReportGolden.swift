import Foundation
import Testing

/// Golden files for the report pages, in Tests/BillingDocumentsTests/Support/Golden:
/// compared byte for byte, re-recorded by running the tests with `BILLINGSIM_RECORD=1`,
/// and reviewed in the diff (open them in a browser too).
enum ReportGolden {
    /// The folder holding the recorded pages.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/Golden")

    /// Expects `actual` to equal the recorded file `name`, or records it.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BILLINGSIM_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let recorded = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == recorded, "page differs from Support/Golden/\(name); re-record with BILLINGSIM_RECORD=1 and review the diff",
            sourceLocation: sourceLocation)
    }
}
