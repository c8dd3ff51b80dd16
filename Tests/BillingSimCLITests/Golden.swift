import Foundation
import Testing

/// Golden files for output people read: compared byte for byte, re-recorded by running
/// the tests with `BILLINGSIM_RECORD=1` and reviewed in the diff.
enum Golden {
    static func directory(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Expects `actual` to equal the recorded file `name` (or records it).
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BILLINGSIM_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let recorded = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == recorded, "output differs from Golden/\(name); re-record with BILLINGSIM_RECORD=1", sourceLocation: sourceLocation)
    }
}
