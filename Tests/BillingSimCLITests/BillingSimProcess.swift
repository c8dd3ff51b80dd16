import Foundation
import TestProcesses

/// Runs the built `billingsim` (or `billingsim-bench`) binary and captures what it
/// printed.
struct BillingSimProcess {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `billingsim` executable beside the test bundle.
    static var executable: URL {
        get throws { try executable(named: "billingsim") }
    }

    /// The executable `name` beside the test bundle.
    static func executable(named name: String) throws -> URL {
        let candidates =
            [
                Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for directory in candidates {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) next to \(candidates)"])
    }

    /// Runs `billingsim arguments…` (optionally through `prefix`, such as `taskset -c 0`),
    /// or another of the package's executables.
    static func run(_ arguments: [String], prefix: [String] = [], program: String = "billingsim") throws -> Result {
        let binary = try executable(named: program).path
        // A prefix is what `env` takes before a command: `-C folder`, `NAME=value`, `timeout 60`.
        let result = try ChildProcess.run((prefix.isEmpty ? [] : ["env"] + prefix) + [binary] + arguments)
        return Result(
            status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
            stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    /// Runs a shell command line on a pseudo-terminal (util-linux `script`) and returns
    /// what the terminal showed.
    static func runScript(_ commandLine: String) throws -> String {
        String(decoding: try ChildProcess.run(["script", "-qec", commandLine, "/dev/null"]).stdout, as: UTF8.self)
    }

    /// Runs `simulate … --json` and decodes its object.
    static func simulateJSON(_ arguments: [String], prefix: [String] = []) throws -> [String: Any] {
        let result = try run(["simulate"] + arguments + ["--json"], prefix: prefix)
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else {
            throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "status \(result.status): \(result.stderr)"])
        }
        return object
    }
}
