import Foundation

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
        let process = Process()
        let binary = try executable(named: program)
        if prefix.isEmpty {
            process.executableURL = binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = prefix + [binary.path] + arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell command line on a pseudo-terminal (util-linux `script`) and returns
    /// what the terminal showed.
    static func runScript(_ commandLine: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["script", "-qec", commandLine, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
