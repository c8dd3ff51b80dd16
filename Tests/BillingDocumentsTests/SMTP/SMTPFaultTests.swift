import BillingDocuments
import Foundation
import Glibc
import Testing

/// Delivery when the server or the network misbehaves: nothing lost, nothing sent twice.
@Suite("SMTP delivery under faults")
struct SMTPFaultTests {
    /// The server counts MAIL, RCPT and DATA together, and each message takes three of
    /// them, so which command every Nth one lands on depends on N modulo 3.
    @Test(
        "With 451 replies, refused greetings and dropped connections injected, every message is stored exactly once",
        arguments: [(7, "MAIL"), (8, "RCPT"), (9, "DATA")])
    func survivesTransientFaults(every: Int, command: String) async throws {
        let server = try await SMTPTestServer.start([
            "--transient-every", String(every), "--drop-every", "5", "--greeting-421-first", "2",
            "--transient-data-end-every", "11",
        ])
        defer { server.stop() }
        let mails = TestMail.forty()

        let report = await deliver(mails, to: server.endpoint)

        #expect(report == DeliveryReport(delivered: 40))
        let stored = try server.storedMessages()
        let storedIDs = stored.compactMap { TestMail.messageID($0.data) }
        #expect(storedIDs.count == 40, "no message lost or stored twice")
        #expect(Set(storedIDs) == Set(mails.compactMap { TestMail.messageID($0.data) }))
        let expected = Dictionary(uniqueKeysWithValues: mails.map { (TestMail.messageID($0.data) ?? "", $0) })
        for message in stored {
            let mail = try #require(expected[TestMail.messageID(message.data) ?? ""])
            #expect(message.data == TestMail.expectedStored(mail), "message \(mail.id)")
            #expect(message.recipients == [mail.to])
        }
        let events = server.events()
        for fault in ["greeting 421", "451 \(command)", "451 end of data", "drop"] {
            #expect(events.contains(fault), "the server injected \(fault)")
        }
    }

    @Test("A connection lost after the final dot is retried on a new connection and the message stored once")
    func retriesAfterALostFinalReply() async throws {
        let server = try await SMTPTestServer.start(["--drop-every", "2"])
        defer { server.stop() }
        let mails = (1...3).map { TestMail.make(id: $0, body: ["message \($0)"]) }

        let report = await deliver(mails, to: server.endpoint)

        #expect(report == DeliveryReport(delivered: 3))
        #expect(try server.storedMessages().map(\.data) == mails.map(\.data))
        #expect(server.events() == ["connect", "drop", "connect", "drop", "connect"])
    }

    @Test("A message that keeps getting 451 fails with the last reply, and RSET keeps the connection in use")
    func failsWithTheLastTransientReply() async throws {
        let server = try await SMTPTestServer.start(["--transient-every", "1"])
        defer { server.stop() }
        let retry = RetryPolicy(attempts: 3, firstDelay: .milliseconds(1), maxDelay: .milliseconds(1))

        let report = await deliver([TestMail.make(id: 1, body: ["x"])], to: server.endpoint, retry: retry)

        #expect(
            report.failed == [
                .init(id: 1, to: "user@example.test", reason: "MAIL FROM: 451 4.3.0 Injected transient failure at MAIL (after 3 attempts)")
            ])
        #expect(server.events() == ["connect", "451 MAIL", "451 MAIL", "451 MAIL"])
        #expect(try server.storedMessages().isEmpty)
    }

    @Test("A server that refuses with 421 fails the message after the last attempt, and the next one still goes")
    func failsAfterTheLastAttempt() async throws {
        let server = try await SMTPTestServer.start(["--greeting-421-first", "3"])
        defer { server.stop() }
        let mails = (1...2).map { TestMail.make(id: $0, body: ["message \($0)"]) }
        let retry = RetryPolicy(attempts: 2, firstDelay: .milliseconds(1), maxDelay: .milliseconds(1))

        let report = await deliver(mails, to: server.endpoint, retry: retry, breaker: SMTPCircuitBreaker(sessions: 4, messages: 10))

        #expect(report.delivered == 1)
        #expect(report.failed.map(\.id) == [1])
        #expect(report.failed.first?.reason.hasPrefix("greeting: 421 4.3.2") == true)
        #expect(report.failed.first?.reason.hasSuffix("(after 2 attempts)") == true)
        #expect(try server.storedMessages().map(\.data) == [mails[1].data])
    }

    @Test("With no server listening, the circuit breaker opens after three refused sessions and the rest fail untried")
    func failsWhenNothingListens() async throws {
        let endpoint = try #require(SMTPEndpoint("127.0.0.1:\(try Self.closedPort())"))
        let mails = (1...4).map { TestMail.make(id: $0, body: ["x"]) }
        let retry = RetryPolicy(attempts: 2, firstDelay: .milliseconds(1), maxDelay: .milliseconds(2))

        let report = await deliver(mails, to: endpoint, retry: retry)

        #expect(report.delivered == 0)
        #expect(report.bounced.isEmpty)
        #expect(report.failed.map(\.id) == [1, 2, 3, 4])
        let refused = "connecting to \(endpoint): Connection refused"
        #expect(
            report.failed.map(\.reason) == [
                "\(refused) (after 2 attempts)",
                "given up after 1 attempt: 3 sessions in a row failed, the last with: \(refused)",
                "not tried: 3 sessions in a row failed, the last with: \(refused)",
                "not tried: 3 sessions in a row failed, the last with: \(refused)",
            ])
        #expect(report.summary == "0 delivered, 0 bounced, 4 failed")
    }

    @Test("A server that never answers fails the message after the reply deadline")
    func timesOut() async throws {
        let server = try await SMTPTestServer.start(["--silent"])
        defer { server.stop() }
        let retry = RetryPolicy(attempts: 2, firstDelay: .milliseconds(1), maxDelay: .milliseconds(1))
        let deadlines = SMTPDeadlines(reply: .milliseconds(200), session: .seconds(5))

        let report = await deliver([TestMail.make(id: 1, body: ["x"])], to: server.endpoint, retry: retry, deadlines: deadlines)

        #expect(report.failed.map(\.id) == [1])
        let reason = try #require(report.failed.first?.reason)
        #expect(reason == "greeting: timed out waiting for \(server.endpoint) (reply deadline of 0.2 seconds) (after 2 attempts)")
        #expect(server.events() == ["connect", "connect"])
    }

    /// A port on 127.0.0.1 that was free a moment ago: bound, read, and closed again.
    private static func closedPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        try #require(bound)
        return UInt16(bigEndian: address.sin_port)
    }
}
