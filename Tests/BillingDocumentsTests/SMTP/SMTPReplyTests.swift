import Glibc
import Testing

@testable import BillingDocuments

@Suite("SMTP replies")
struct SMTPReplyTests {
    /// A socket whose other end has already written `text` and closed.
    private func socket(receiving text: String) throws -> SMTPSocket {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        let bytes = Array(text.utf8)
        #expect(write(pair[1], bytes, bytes.count) == bytes.count)
        close(pair[1])
        return SMTPSocket(descriptor: pair[0], endpoint: SMTPEndpoint(host: "test", port: 25), timeout: .seconds(1))
    }

    @Test("A multi-line reply is read to its last line")
    func readsMultiLineReplies() throws {
        let socket = try socket(receiving: "250-mail.test hello\r\n250-SMTPUTF8\r\n250 HELP\r\n354 go\n")
        #expect(try SMTPReply.read(from: socket) == SMTPReply(code: 250, lines: ["mail.test hello", "SMTPUTF8", "HELP"]))
        #expect(try SMTPReply.read(from: socket) == SMTPReply(code: 354, lines: ["go"]))
    }

    @Test("A reply of only a code has no text")
    func readsBareCodes() throws {
        let reply = try SMTPReply.read(from: try socket(receiving: "250\r\n"))
        #expect(reply == SMTPReply(code: 250, lines: [""]))
        #expect(reply.description == "250")
    }

    @Test("A reply text keeps its words on one line for reports")
    func describesOnOneLine() {
        let reply = SMTPReply(code: 550, lines: ["5.1.1 No such user", "try another"])
        #expect(reply.description == "550 5.1.1 No such user try another")
        #expect(reply.isPermanent)
    }

    @Test(
        "Lines that are not SMTP replies end the connection",
        arguments: ["hello\r\n", "25\r\n", "2500 x\r\n", "250_x\r\n", "999 x\r\n", "250-x\r\n"])
    func rejectsGarbage(text: String) throws {
        let socket = try socket(receiving: text)
        #expect(throws: SMTPTransportError.self) { try SMTPReply.read(from: socket) }
        #expect(!socket.isOpen)
    }
}
