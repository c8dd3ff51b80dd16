import Foundation
import Glibc
import TestProcesses
import Testing

/// The tests' own child processes (Tests/TestProcesses): what every process-running test
/// relies on to capture output and to end.
@Suite("Child processes of the tests")
struct ChildProcessTests {
    @Test("A run captures standard output and error apart, and the exit code")
    func capturesOutputAndCode() throws {
        let result = try ChildProcess.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(result.exit == ChildProcess.Exit(code: 3))
        #expect(result.status == 3)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "out\n")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "err\n")
    }

    @Test("A child ended by a signal reports the signal, and 128 plus it as its status")
    func reportsSignal() throws {
        let result = try ChildProcess.run(["sh", "-c", "kill -TERM $$"])
        #expect(result.exit.signal == SIGTERM)
        #expect(result.exit.code == nil)
        #expect(result.status == 128 + SIGTERM)
    }

    @Test("A child that outlives its timeout is killed and the wait throws, naming it")
    func timeoutKills() throws {
        let child = try ChildProcess(["sleep", "60"])
        #expect(throws: ChildProcess.Failure.self) { try child.wait(timeout: .milliseconds(100)) }
        #expect(child.exit?.signal == SIGKILL)
        let message = try #require(throws: ChildProcess.Failure.self) {
            try ChildProcess.run(["sleep", "60"], timeout: .milliseconds(100))
        }
        #expect(message.description.contains("sleep 60"))
    }

    @Test("Closing a child's input pipe is its end of input, even with another child started meanwhile")
    func inputPipeIsNotInherited() async throws {
        let folder = try SupportPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let cat = try ChildProcess(["cat"], stdin: .pipe, stdout: .file(out))
        // Started while cat's pipe is open: were the pipe inherited, cat would wait for it.
        // It sleeps far longer than the test takes on a loaded machine (60 s once did not).
        let bystander = try ChildProcess(["sleep", "3600"])
        defer {
            bystander.kill()
            _ = try? bystander.wait()
        }
        try cat.input?.write(contentsOf: Data("abc".utf8))
        try cat.input?.close()
        #expect(try await cat.waitWithoutBlocking(timeout: .seconds(30)) == ChildProcess.Exit(code: 0))
        #expect(FileManager.default.contents(atPath: out) == Data("abc".utf8))
        #expect(bystander.isRunning)
    }

    @Test("A child starts with no signal blocked, whatever the starting thread blocks")
    func signalsAreUnblocked() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        let child = Result { try ChildProcess(["sleep", "60"]) }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        let sleeper = try child.get()
        sleeper.kill(SIGTERM)
        #expect(try sleeper.wait(timeout: .seconds(30)).signal == SIGTERM)
    }

    @Test("Hundreds of children run at once all end and are all reaped")
    func manyAtOnce() async throws {
        let codes = try await withThrowingTaskGroup(of: Int32?.self) { group in
            for index in 0..<300 {
                group.addTask {
                    index.isMultiple(of: 2)
                        ? try ChildProcess.run(["sh", "-c", "exit \(index % 7)"]).exit.code
                        : try await ChildProcess.runWithoutBlocking(["sh", "-c", "exit \(index % 7)"]).exit.code
                }
            }
            return try await group.reduce(into: [Int32?]()) { $0.append($1) }
        }
        #expect(codes.count == 300)
        let expected: [Int32] = (0..<300).map { Int32($0 % 7) }
        #expect(codes.compactMap { $0 }.sorted() == expected.sorted())
    }

    @Test("A program that does not exist fails to start with a message, not a trap")
    func missingProgram() {
        let failure = #expect(throws: ChildProcess.Failure.self) { try ChildProcess(["billingsim-no-such-program"]) }
        #expect(failure?.description.contains("billingsim-no-such-program did not start") == true)
    }
}
