import BillingDocuments
import Foundation
import Glibc
import TestProcesses

/// One run of `Support/smtp_server.py` (aiosmtpd) on a free port, for one test.
///
/// Each test starts its own, so tests can run in parallel; the server stops when `stop()`
/// is called, or when this process ends and its stdin closes.
final class SMTPTestServer {
    /// What a failed start looked like, and the fix.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// One message the server accepted: its bytes and envelope.
    struct StoredMessage: Hashable {
        var data: [UInt8]
        var mailFrom: String
        var recipients: [String]
        var mailOptions: [String]
    }

    private struct Envelope: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var mail_options: [String]
    }

    /// Where clients connect.
    let endpoint: SMTPEndpoint
    private let process: ChildProcess
    private let folder: URL

    private static let support = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support")

    /// Starts the server with `options` (see `smtp_server.py --help`, or the `--help` of
    /// `script`, another server in `Support/` that prints its port and stores alike) and
    /// waits for its port.
    ///
    /// The wait blocks, so it happens on a thread of its own, not one of the few that run
    /// every test's async code.
    static func start(_ options: [String] = [], script: String = "smtp_server.py") async throws -> SMTPTestServer {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    continuation.resume(returning: try SMTPTestServer(options, script: script))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            .start()
        }
    }

    private init(_ options: [String], script: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("store")
        let errors = folder.appendingPathComponent("stderr.txt")
        process = try ChildProcess(
            ["python3", Self.support.appendingPathComponent(script).path, "--store", store.path] + options,
            stdin: .pipe, stdout: .pipe, stderr: .file(errors.path))
        guard let output = process.output else { throw StartError(description: "the server's stdout is not a pipe") }
        let firstLine = Self.readLine(from: output.fileDescriptor)
        let text = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = UInt16(text) else {
            let exit = try? process.wait(timeout: .seconds(30))
            let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: folder)
            throw StartError(
                description: """
                    The SMTP test server did not start (\(exit.map(String.init(describing:)) ?? "killed")). These tests \
                    need python3 and aiosmtpd: pip install aiosmtpd
                    \(log)
                    """)
        }
        endpoint = SMTPEndpoint(host: "127.0.0.1", port: port)
    }

    /// Reads up to the first LF with plain `read`, retrying EINTR (which
    /// `FileHandle.availableData` turns into a crash); empty when the writer is gone.
    private static func readLine(from descriptor: Int32) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 {
                line.append(byte)
                if byte == 0x0A { return line }
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return line
            }
        }
    }

    deinit {
        stop()
    }

    /// Stops the server and removes its files.
    func stop() {
        if process.isRunning {
            try? process.input?.close()
            process.kill(SIGTERM)
            _ = try? process.wait(timeout: .seconds(30))
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The messages accepted so far, in the order the server stored them.
    func storedMessages() throws -> [StoredMessage] {
        let store = folder.appendingPathComponent("store")
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: store.appendingPathComponent(name))
            let json = store.appendingPathComponent(name.replacingOccurrences(of: ".eml", with: ".json"))
            let envelope = try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: json))
            return StoredMessage(
                data: [UInt8](data), mailFrom: envelope.mail_from, recipients: envelope.rcpt_tos,
                mailOptions: envelope.mail_options)
        }
    }

    /// The server's connections and injected faults so far, one line each ("connect", "drop").
    func events() -> [String] {
        let log = folder.appendingPathComponent("store/events.log")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}
