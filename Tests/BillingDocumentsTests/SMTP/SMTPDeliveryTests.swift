import BillingDocuments
import Testing

/// Delivery against a real SMTP server (aiosmtpd, started per test): what arrives, and how.
@Suite("SMTP delivery")
struct SMTPDeliveryTests {
    @Test("Forty messages arrive byte for byte over one connection, with a CRLF added where the data lacked one")
    func deliversFortyMessagesExactly() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let mails = TestMail.forty()
        #expect(mails.contains { $0.data.count > 1_000_000 })
        #expect(mails.contains { $0.data.suffix(2) != [0x0D, 0x0A] })

        let report = await deliver(mails, to: server.endpoint)

        #expect(report == DeliveryReport(delivered: 40))
        #expect(report.summary == "40 delivered, 0 bounced, 0 failed")
        let stored = try server.storedMessages()
        try #require(stored.count == mails.count)
        for (mail, message) in zip(mails, stored) {
            #expect(message.data == TestMail.expectedStored(mail), "message \(mail.id)")
            #expect(message.mailFrom == mail.from)
            #expect(message.recipients == [mail.to])
        }
        #expect(server.events() == ["connect"])
    }

    @Test("A recipient refused with 550 bounces with the server's reply and the others are delivered")
    func bouncesRefusedRecipients() async throws {
        let server = try await SMTPTestServer.start(["--reject-recipient", "nobody"])
        defer { server.stop() }
        let mails = (1...10).map { id in
            TestMail.make(id: id, to: id == 4 || id == 7 ? "nobody\(id)@example.test" : "user\(id)@example.test", body: ["Hi"])
        }

        let report = await deliver(mails, to: server.endpoint)

        #expect(report.delivered == 8)
        #expect(report.failed.isEmpty)
        #expect(report.bounced.map(\.id) == [4, 7])
        #expect(report.bounced.map(\.to) == ["nobody4@example.test", "nobody7@example.test"])
        #expect(report.bounced.first?.reply == "550 5.1.1 <nobody4@example.test>: Recipient address rejected")
        let stored = try server.storedMessages()
        #expect(stored.map(\.recipients) == mails.filter { $0.id != 4 && $0.id != 7 }.map { [$0.to] })
        #expect(server.events() == ["connect"], "a refused recipient does not cost the connection")
    }

    @Test("A non-ASCII recipient is sent with SMTPUTF8 when the server offers it")
    func sendsInternationalAddressesWithSMTPUTF8() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let mail = TestMail.make(id: 1, to: "zoë@bücher.example", body: ["Grüße"])

        let report = await deliver([mail], to: server.endpoint)

        #expect(report == DeliveryReport(delivered: 1))
        let stored = try server.storedMessages()
        #expect(stored.map(\.recipients) == [["zoë@bücher.example"]])
        #expect(stored.first?.mailOptions == ["BODY=8BITMIME", "SMTPUTF8"])
        #expect(stored.first?.data == mail.data)
    }

    @Test("A non-ASCII recipient bounces unsent when the server does not offer SMTPUTF8")
    func bouncesInternationalAddressesWithoutSMTPUTF8() async throws {
        let server = try await SMTPTestServer.start(["--no-smtputf8"])
        defer { server.stop() }
        let mails = [
            TestMail.make(id: 1, to: "ascii@example.test", body: ["a"]),
            TestMail.make(id: 2, to: "用户@例子.example", body: ["b"]),
            TestMail.make(id: 3, to: "ascii@example.test", body: ["c"]),
        ]

        let report = await deliver(mails, to: server.endpoint)

        #expect(report.delivered == 2)
        #expect(report.bounced.map(\.id) == [2])
        #expect(report.bounced.first?.reply.contains("does not offer SMTPUTF8") == true)
        #expect(try server.storedMessages().map(\.recipients) == [["ascii@example.test"], ["ascii@example.test"]])
    }

    @Test("A server that refuses EHLO is greeted with HELO, and without extensions cannot take non-ASCII addresses")
    func fallsBackToHELO() async throws {
        let server = try await SMTPTestServer.start(["--no-ehlo"])
        defer { server.stop() }
        let mails = [
            TestMail.make(id: 1, to: "one@example.test", body: ["a"]),
            TestMail.make(id: 2, to: "zoë@example.test", body: ["b"]),
        ]

        // By name, so the client resolves it and tries each address it gets (::1 may refuse).
        let byName = SMTPEndpoint(host: "localhost", port: server.endpoint.port)

        let report = await deliver(mails, to: byName)

        #expect(report.delivered == 1)
        #expect(report.bounced.map(\.id) == [2])
        #expect(try server.storedMessages().map(\.data) == [mails[0].data])
    }

    @Test("A test server that cannot start fails the test with the reason and the pip command")
    func serverFailuresAreLoud() async throws {
        let error = await #expect(throws: SMTPTestServer.StartError.self) {
            try await SMTPTestServer.start(["--no-such-option"])
        }
        #expect(error?.description.contains("pip install aiosmtpd") == true)
        #expect(error?.description.contains("--no-such-option") == true)
    }

    @Test("An address that would break the command line bounces without being sent")
    func refusesAddressInjection() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let mails = [
            TestMail.make(id: 1, to: "a@example.test>\r\nRCPT TO:<b@example.test", body: ["x"]),
            OutgoingMail(id: 2, from: "x@example.test\r\nRSET", to: "c@example.test", data: Array("x\r\n".utf8)),
            TestMail.make(id: 3, to: "", body: ["x"]),
        ]

        let report = await deliver(mails, to: server.endpoint)

        #expect(report.bounced.map(\.id) == [1, 2, 3])
        #expect(report.bounced.allSatisfy { $0.reply.hasPrefix("not sent:") })
        #expect(try server.storedMessages().isEmpty)
        #expect(server.events().isEmpty, "nothing was even connected")
    }
}
