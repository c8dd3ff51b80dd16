import Foundation
import TestProcesses
import Testing

/// Runs the command-line PDF tools the tests check output with (qpdf, poppler-utils).
///
/// A missing tool fails the test with a message saying what to install: CI installs
/// them, and a test that cannot check must not pass.
enum PDFTools {
    /// What a finished tool printed and how it exited.
    struct Output {
        /// Standard output, as UTF-8.
        var stdout: String
        /// Standard error, as UTF-8.
        var stderr: String
        /// The exit status.
        var status: Int32
    }

    /// A tool that is not on `PATH`.
    struct MissingTool: Error, CustomStringConvertible {
        var name: String
        var description: String {
            "\(name) is not installed: install qpdf and poppler-utils (apt-get install qpdf poppler-utils) to run the PDF tests"
        }
    }

    /// Runs `tool` (found on `PATH`) with `arguments` and waits for it.
    static func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let executable = path.map({ "\($0)/\(tool)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw MissingTool(name: tool) }
        let result = try ChildProcess.run([executable] + arguments)
        return Output(
            stdout: String(decoding: result.stdout, as: UTF8.self), stderr: String(decoding: result.stderr, as: UTF8.self),
            status: result.status)
    }

    /// A unique path in the temporary directory ending in `suffix`.
    static func temporaryFile(_ suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-pdf-\(UUID().uuidString)-\(suffix)")
    }
}
