import BillingDocuments
import Foundation
import Synchronization
import Testing

/// The SMTP campaign of issue 12: servers that stall, trickle, flood, babble or hang up
/// (`Support/hostile_smtp_server.py`, on 127.0.0.1). Under a deadline the test enforces,
/// every message ends exactly once as delivered, bounced or failed, none is stored twice,
/// and the whole outbox is done in bounded time with bounded memory.
@Suite("SMTP delivery against hostile servers")
struct SMTPHostileServerTests {
    /// Short deadlines, so the suite takes seconds: 300 ms per reply, 1.5 s per session.
    static let deadlines = SMTPDeadlines(reply: .milliseconds(300), session: .milliseconds(1500))
    /// A loose reply deadline under a short session one, to see the session deadline act.
    /// For servers that drop the connection: a dropped connection ends a wait at once, so
    /// the deadlines only have to outlast a busy machine. With 300 ms, a full parallel
    /// `swift test` sometimes waited longer for the "250 stored" after the final dot, and
    /// the message retried after the server had stored it was stored twice (the test
    /// then failed on a timeout it does not test).
    static let dropDeadlines = SMTPDeadlines(reply: .seconds(10), session: .seconds(30))
    static let shortSession = SMTPDeadlines(reply: .seconds(1), session: .milliseconds(500))
    /// Three attempts; the waits go to an ``ImmediateClock`` and cost nothing.
    static let retry = RetryPolicy(attempts: 3, firstDelay: .milliseconds(200), maxDelay: .seconds(5))

    /// One hostile server and what delivery to it must come to.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var options: [String]
        /// How many of the 20 messages must be delivered (the rest fail).
        var delivered: Int
        /// Words every failure's reason contains.
        var reason: String
        var deadlines = SMTPHostileServerTests.deadlines
        /// The test fails if delivering the outbox takes longer. Alone each case takes 0.4 to
        /// 2 s; under a full parallel `swift test` on two cores about 10 s, because every hop
        /// back from the I/O queue waits for a busy pool thread.
        var bound: Duration = .seconds(60)
        var testDescription: String { name }
    }

    static let cases: [Case] =
        [
            Case(name: "silence after accept", options: ["--mode", "silent"], delivered: 0, reason: "greeting: timed out"),
            Case(
                name: "tarpit, a byte every 50 ms", options: ["--mode", "tarpit", "--interval-ms", "50"], delivered: 0,
                reason: "greeting: timed out"),
            Case(name: "endless 250- lines", options: ["--mode", "endless"], delivered: 0, reason: "more than 100 lines"),
            Case(name: "garbage greeting", options: ["--mode", "garbage"], delivered: 0, reason: #"not an SMTP reply: "HTTP/1.1 400"#),
            Case(name: "a 10 MB line", options: ["--mode", "long-line"], delivered: 0, reason: "longer than 1000 bytes"),
            Case(
                name: "every reply well inside the reply deadline but the session too slow",
                options: ["--mode", "slow-reply", "--interval-ms", "150"], delivered: 0, reason: "session deadline of 0.5 seconds",
                deadlines: shortSession),
            Case(
                name: "slow but steady replies", options: ["--mode", "slow-reply", "--interval-ms", "10"], delivered: 20, reason: ""),
            Case(
                name: "451 to every MAIL", options: ["--mode", "transient"], delivered: 0, reason: "451 4.3.0 Not now",
                deadlines: SMTPDeadlines(reply: .seconds(2), session: .seconds(30))),
        ]
        + ["accept", "EHLO", "MAIL", "RCPT", "DATA", "end"].flatMap { step in
            [
                Case(
                    name: "drop at every \(step)", options: ["--mode", "drop", "--at", step], delivered: 0, reason: "",
                    deadlines: dropDeadlines),
                Case(
                    name: "drop at the first two \(step)", options: ["--mode", "drop", "--at", step, "--times", "2"], delivered: 20,
                    reason: "", deadlines: dropDeadlines),
            ]
        }

    @Test("Every message ends delivered or failed exactly once, in bounded time", arguments: cases)
    func endsEveryMessageOnce(_ hostile: Case) async throws {
        let server = try await SMTPTestServer.start(hostile.options, script: "hostile_smtp_server.py")
        defer { server.stop() }
        let mails = (1...20).map { TestMail.make(id: $0, to: "user\($0)@example.test", body: ["message \($0)"]) }
        let clock = ImmediateClock()

        let endpoint = server.endpoint
        let began = ContinuousClock.now
        let outcome = await finishing(within: hostile.bound) {
            await deliver(mails, to: endpoint, retry: Self.retry, deadlines: hostile.deadlines, clock: clock)
        }
        let elapsed = ContinuousClock.now - began
        let report = try #require(outcome, "delivery to \(hostile.name) did not end within \(hostile.bound)")

        try Self.expectEachMessageOnce(report, mails, server)
        #expect(report.delivered == hostile.delivered, "\(report.failed.first?.reason ?? "")")
        #expect(report.bounced.isEmpty)
        for failure in report.failed {
            #expect(hostile.reason.isEmpty || failure.reason.contains(hostile.reason), "message \(failure.id): \(failure.reason)")
            #expect(!failure.reason.contains(where: { $0.isNewline || $0 == "\u{1B}" }))
        }
        if hostile.delivered == 0 {
            #expect(report.failed.last?.reason.hasPrefix("not tried: ") == true, "the circuit breaker opened")
        }
        print("hostile SMTP: \(hostile.name): \(report.summary) in \(elapsed)")
    }

    @Test("The breaker fails a server that refuses every MAIL after ten messages, without sleeping the backoff")
    func messageBreakerCutsTheBackoff() async throws {
        let server = try await SMTPTestServer.start(["--mode", "transient"], script: "hostile_smtp_server.py")
        defer { server.stop() }
        let mails = (1...30).map { TestMail.make(id: $0, body: ["x"]) }
        let clock = ImmediateClock()

        let deadlines = SMTPDeadlines(reply: .seconds(5), session: .seconds(60))
        let report = await deliver(mails, to: server.endpoint, retry: .standard, deadlines: deadlines, clock: clock)

        #expect(report.failed.count == 30)
        #expect(report.failed.prefix(10).allSatisfy { $0.reason == "MAIL FROM: 451 4.3.0 Not now (after 5 attempts)" })
        #expect(
            report.failed.dropFirst(10).allSatisfy {
                $0.reason == "not tried: 10 messages in a row failed, the last with: MAIL FROM: 451 4.3.0 Not now"
            })
        let backoff: [Duration] = [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600)]
        #expect(clock.sleeps == Array(repeating: backoff, count: 10).flatMap { $0 }, "the waits went to the injected clock")
        #expect(server.events().filter { $0 == "451 MAIL" }.count == 50)
        #expect(server.events().filter { $0 == "connect" }.count == 1, "a 4xx does not cost the session")
    }

    @Test("A server that recovers closes the breaker: deliveries after a failed session get their full retries")
    func progressResetsTheBreaker() async throws {
        let server = try await SMTPTestServer.start(
            ["--mode", "drop", "--at", "accept", "--times", "2"], script: "hostile_smtp_server.py")
        defer { server.stop() }
        let mails = (1...5).map { TestMail.make(id: $0, body: ["x"]) }

        let report = await deliver(
            mails, to: server.endpoint, retry: Self.retry, deadlines: Self.deadlines, clock: ImmediateClock())

        #expect(report == DeliveryReport(delivered: 5))
        #expect(try server.storedMessages().map(\.data) == mails.map(\.data))
    }

    @Test("Deliveries waiting on a silent server leave Swift's cooperative pool free")
    func leavesThePoolFree() async throws {
        let server = try await SMTPTestServer.start(["--mode", "silent"], script: "hostile_smtp_server.py")
        let endpoint = server.endpoint
        // Long enough that pool threads blocked in the wait could not be mistaken for a busy
        // machine; the deliveries end early when the server goes away.
        let deadlines = SMTPDeadlines(reply: .seconds(40), session: .seconds(60))
        let once = RetryPolicy(attempts: 1, firstDelay: .zero, maxDelay: .zero)
        let width = ProcessInfo.processInfo.activeProcessorCount + 2
        let deliveries = (0..<width).map { id in
            Task {
                await deliver(
                    [TestMail.make(id: id, body: ["x"])], to: endpoint, retry: once, deadlines: deadlines, clock: ImmediateClock())
            }
        }
        let began = ContinuousClock.now

        try await Task.sleep(for: .milliseconds(300))  // every delivery now waits for a greeting
        let latency = await Task.detached { ContinuousClock.now - began }.value
        server.stop()

        // Blocked pool threads would hold both the sleep and the task for the 40 s deadline.
        #expect(latency < .seconds(15), "a pool thread was free while \(width) deliveries waited")
        for delivery in deliveries {
            let reason = await delivery.value.failed.first?.reason ?? "not failed"
            #expect(!reason.contains("deadline") && reason.hasPrefix("greeting: "), "\(reason)")
        }
    }

    /// Checks the report covers every message once and the server stored each delivered
    /// one once: delivered, bounced and failed are disjoint and together make up `mails`.
    static func expectEachMessageOnce(_ report: DeliveryReport, _ mails: [OutgoingMail], _ server: SMTPTestServer) throws {
        #expect(report.total == mails.count)
        let stored = try server.storedMessages().compactMap { TestMail.messageID($0.data) }
        #expect(Set(stored).count == stored.count, "no message stored twice")
        #expect(stored.count == report.delivered)
        let ids = Dictionary(uniqueKeysWithValues: mails.map { ($0.id, TestMail.messageID($0.data) ?? "") })
        let unsent = (report.bounced.map(\.id) + report.failed.map(\.id)).compactMap { ids[$0] }
        #expect(Set(unsent).count == unsent.count, "no message reported twice")
        #expect(Set(unsent).isDisjoint(with: stored), "no message both stored and reported undelivered")
        #expect(Set(unsent).union(stored) == Set(ids.values), "no message lost")
    }
}

/// Runs `body` and returns its result, or `nil` if it takes longer than `bound`: the test
/// goes on (and fails) even when the body never returns.
func finishing<T: Sendable>(within bound: Duration, _ body: @escaping @Sendable () async -> T) async -> T? {
    let once = Once()
    return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
        Task {
            let value = await body()
            if once.claim() { continuation.resume(returning: value) }
        }
        Task {
            try? await Task.sleep(for: bound)
            if once.claim() { continuation.resume(returning: nil) }
        }
    }
}

/// True for the first caller only.
final class Once: Sendable {
    private let claimed = Mutex(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
