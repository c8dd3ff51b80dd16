import Foundation
import TestProcesses
import Testing

/// Runs the Python checkers in Tests/BillingDocumentsTests/Support (emails, mbox, the
/// report page).
///
/// Python 3 is a test dependency (CI installs it): without it these tests fail, loudly,
/// rather than skip, because they are the only independent reader of our outputs.
enum SupportPython {
    /// What went wrong running a checker.
    struct Failure: Error, CustomStringConvertible {
        /// What happened and what to do.
        var description: String
    }

    /// The folder holding the checker scripts.
    static let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")

    /// `python3` in the folders of `path` (by default `PATH`).
    static func interpreter(searching path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") throws -> URL {
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(
            description: "python3 was not found on PATH (\(path)). The document tests read our emails, mbox and report "
                + "pages with Python's standard library; install Python 3 (apt-get install python3) and run them again.")
    }

    /// Runs `script` with `arguments` and decodes its standard output as JSON.
    static func run<Report: Decodable>(_ script: String, _ arguments: [String], as: Report.Type) throws -> Report {
        let python = try interpreter()
        let result = try ChildProcess.run([python.path, supportFolder.appendingPathComponent(script).path] + arguments)
        let output = result.stdout
        guard result.status == 0 else {
            let message = String(decoding: result.stderr, as: UTF8.self)
            throw Failure(description: "\(script) ended with \(result.exit):\n\(message)")
        }
        do {
            return try JSONDecoder().decode(Report.self, from: output)
        } catch {
            throw Failure(
                description: "\(script) printed what is not its JSON report (\(error)):\n\(String(decoding: output, as: UTF8.self))")
        }
    }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
