import Foundation
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
        let errorFile = temporaryFile("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        // Read before waiting: a full pipe would block the tool forever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        return Output(
            stdout: String(decoding: data, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// A unique path in the temporary directory ending in `suffix`.
    static func temporaryFile(_ suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-pdf-\(UUID().uuidString)-\(suffix)")
    }
}
