import Foundation
import Glibc
import Synchronization

/// A child process for the tests: started with `posix_spawnp`, waited for with `waitpid`,
/// and never waited for without a bound.
///
/// Foundation's `Process` is not used in the tests: on Linux its `waitUntilExit` runs a
/// run loop that waits for Foundation to deliver the child's end, and called from the
/// few threads that run the tests' async code it can park there for good after many
/// children (a CI run hung for 90 minutes in the sanitizer tests). `waitpid` does not
/// depend on anything else running. Every pipe is close-on-exec, so a child started
/// meanwhile by another test does not hold it open (which would keep an SMTP server
/// from seeing its stdin close); every child starts with no blocked signals and the
/// default action for the signals tests send.
public final class ChildProcess: Sendable {
    /// Where a child's standard input comes from, or its output goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A pipe this side holds the other end of (`input` or `output`).
        case pipe
        /// A file, created or truncated (output), or read (input).
        case file(String)
    }

    /// How a child ended.
    public struct Exit: Equatable, Sendable, CustomStringConvertible {
        /// The exit code, when it exited.
        public var code: Int32?
        /// The signal that ended it, when one did.
        public var signal: Int32?

        /// The shell's number: the exit code, or 128 plus the signal.
        public var status: Int32 { code ?? 128 + (signal ?? 0) }

        public var description: String { code.map { "exit \($0)" } ?? "signal \(signal ?? 0)" }

        public init(code: Int32? = nil, signal: Int32? = nil) {
            self.code = code
            self.signal = signal
        }

        init(waitStatus: Int32) {
            if waitStatus & 0x7f == 0 {
                code = (waitStatus >> 8) & 0xff
            } else {
                signal = waitStatus & 0x7f
            }
        }
    }

    /// A child that did not start, or did not end in time (it has been killed).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What `run` captured.
    public struct Result: Sendable {
        public var exit: Exit
        public var stdout: Data
        public var stderr: Data

        /// The exit code, or 128 plus the signal.
        public var status: Int32 { exit.status }
    }

    /// The child's process id.
    public let pid: pid_t
    /// The command line, for messages.
    public let commandLine: String
    /// The write end of the child's standard input, with `.pipe`; closing it is EOF.
    public let input: FileHandle?
    /// The read end of the child's standard output, with `.pipe`.
    public let output: FileHandle?
    private let ended = Mutex<Exit?>(nil)
    private static let spawning = NSLock()

    /// Starts `arguments[0]` (looked up on `PATH` when it has no slash) with the rest as
    /// its arguments.
    public init(
        _ arguments: [String], stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        precondition(!arguments.isEmpty, "a command line has a program")
        commandLine = arguments.joined(separator: " ")
        // One spawn at a time, from making its pipes to closing the child's ends: Glibc
        // here has no pipe2, so a pipe is close-on-exec only once fcntl has marked it.
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        defer { childEnds.forEach { _ = close($0) } }
        var ends: [Int32?] = [nil, nil, nil]
        for (descriptor, stream) in [stdin, stdout, stderr].enumerated() {
            let target = Int32(descriptor)
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                let flags = descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o644)
            case .pipe:
                var pair: [Int32] = [-1, -1]
                guard pipe(&pair) == 0 else {
                    parentEnds.forEach { _ = close($0) }
                    throw Failure(description: "\(commandLine): no pipe (errno \(errno))")
                }
                pair.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
                let (mine, theirs) = descriptor == 0 ? (pair[1], pair[0]) : (pair[0], pair[1])
                parentEnds.append(mine)
                childEnds.append(theirs)
                ends[descriptor] = mine
                posix_spawn_file_actions_adddup2(&actions, theirs, target)
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            parentEnds.forEach { _ = close($0) }
            throw Failure(description: "\(commandLine) did not start: \(String(cString: strerror(result)))")
        }
        pid = child
        input = ends[0].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        output = ends[1].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
    }

    /// How it ended, if it has, without waiting.
    public var exit: Exit? {
        ended.withLock { ended in
            if ended == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { ended = Exit(waitStatus: status) }
            }
            return ended
        }
    }

    /// Whether it is still running.
    public var isRunning: Bool { exit == nil }

    /// Sends `signal` if it has not been reaped (a reaped id may belong to another process).
    public func kill(_ signal: Int32 = SIGKILL) {
        ended.withLock { ended in
            if ended == nil { _ = Glibc.kill(pid, signal) }
        }
    }

    /// Waits, blocking this thread, for it to end; after `timeout` kills it and throws.
    @discardableResult
    public func wait(timeout: Duration = ChildProcess.timeout) throws -> Exit {
        let deadline = ContinuousClock.now + timeout
        var pause: useconds_t = 500
        while true {
            if let exit { return exit }
            if ContinuousClock.now >= deadline { return try killAfterTimeout(timeout) }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Waits, without blocking a thread, for it to end; after `timeout` kills it and throws.
    @discardableResult
    public func waitWithoutBlocking(timeout: Duration = ChildProcess.timeout) async throws -> Exit {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let exit { return exit }
            if ContinuousClock.now >= deadline { return try killAfterTimeout(timeout) }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    private func killAfterTimeout(_ timeout: Duration) throws -> Exit {
        kill(SIGKILL)
        while exit == nil { usleep(1_000) }
        throw Failure(description: "\(commandLine) did not end within \(timeout) and was killed")
    }

    /// How long a test waits for a child by default: far longer than any of ours runs,
    /// far shorter than a CI run's limit.
    public static let timeout: Duration = .seconds(600)

    /// Runs `arguments` to its end, blocking this thread, capturing its standard output
    /// and error (through files, so neither can fill up and stall it).
    public static func run(
        _ arguments: [String], stdin: Stream = .null, timeout: Duration = ChildProcess.timeout,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Result {
        let capture = try Capture()
        defer { capture.remove() }
        let child = try ChildProcess(
            arguments, stdin: stdin, stdout: .file(capture.out), stderr: .file(capture.err), environment: environment)
        return capture.result(try child.wait(timeout: timeout))
    }

    /// `run`, waiting without blocking a thread.
    public static func runWithoutBlocking(
        _ arguments: [String], stdin: Stream = .null, timeout: Duration = ChildProcess.timeout
    ) async throws -> Result {
        let capture = try Capture()
        defer { capture.remove() }
        let child = try ChildProcess(arguments, stdin: stdin, stdout: .file(capture.out), stderr: .file(capture.err))
        return capture.result(try await child.waitWithoutBlocking(timeout: timeout))
    }

    /// The files a run's output goes to.
    private struct Capture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billingsim-child-\(UUID().uuidString)")
        var out: String { folder.appendingPathComponent("stdout").path }
        var err: String { folder.appendingPathComponent("stderr").path }

        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

        func result(_ exit: Exit) -> Result {
            Result(
                exit: exit, stdout: FileManager.default.contents(atPath: out) ?? Data(),
                stderr: FileManager.default.contents(atPath: err) ?? Data())
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The id of a process that has ended (for tests of leftovers named by a process id).
    public static func deadPID() throws -> pid_t {
        let child = try ChildProcess(["true"])
        try child.wait()
        return child.pid
    }
}
