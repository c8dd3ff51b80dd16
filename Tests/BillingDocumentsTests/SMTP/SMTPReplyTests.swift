import Glibc
import Testing

@testable import BillingDocuments

@Suite("SMTP replies")
struct SMTPReplyTests {
    private let deadline = SMTPDeadline.after(.seconds(1), "test")

    /// A socket whose other end has already written `text` and closed.
    private func socket(receiving text: String) throws -> SMTPSocket {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        let bytes = Array(text.utf8)
        #expect(write(pair[1], bytes, bytes.count) == bytes.count)
        close(pair[1])
        return SMTPSocket(descriptor: pair[0], endpoint: SMTPEndpoint(host: "test", port: 25))
    }

    @Test("A multi-line reply is read to its last line")
    func readsMultiLineReplies() throws {
        let socket = try socket(receiving: "250-mail.test hello\r\n250-SMTPUTF8\r\n250 HELP\r\n354 go\n")
        #expect(try SMTPReply.read(from: socket, by: deadline) == SMTPReply(code: 250, lines: ["mail.test hello", "SMTPUTF8", "HELP"]))
        #expect(try SMTPReply.read(from: socket, by: deadline) == SMTPReply(code: 354, lines: ["go"]))
    }

    @Test("A reply of only a code has no text")
    func readsBareCodes() throws {
        let reply = try SMTPReply.read(from: try socket(receiving: "250\r\n"), by: deadline)
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
        #expect(throws: SMTPTransportError.self) { try SMTPReply.read(from: socket, by: deadline) }
        #expect(!socket.isOpen)
    }

    @Test("A reply of more than 100 lines ends the connection instead of growing without bound")
    func capsLinesPerReply() throws {
        let text = String(repeating: "250-X-EXTENSION\r\n", count: 150) + "250 done\r\n"
        let socket = try socket(receiving: text)
        #expect(throws: SMTPTransportError("the server sent a reply of more than 100 lines")) {
            try SMTPReply.read(from: socket, by: deadline)
        }
        #expect(!socket.isOpen)
    }

    @Test("A reply of more than 64 KiB ends the connection even when its lines are short enough")
    func capsBytesPerReply() throws {
        let text = String(repeating: "250-" + String(repeating: "x", count: 990) + "\r\n", count: 80) + "250 done\r\n"
        let socket = try socket(receiving: text)
        #expect(throws: SMTPTransportError("the server sent a reply of more than 65536 bytes")) {
            try SMTPReply.read(from: socket, by: deadline)
        }
    }

    @Test("A reply line over 1,000 bytes ends the connection", arguments: [1001, 5000])
    func capsLineLength(length: Int) throws {
        let socket = try socket(receiving: "250 " + String(repeating: "y", count: length) + "\r\n")
        #expect(throws: SMTPTransportError("test:25 sent a reply line longer than 1000 bytes")) {
            try SMTPReply.read(from: socket, by: deadline)
        }
        #expect(!socket.isOpen)
    }

    @Test("A line of exactly 1,000 bytes is still a reply")
    func acceptsTheLongestLine() throws {
        let text = "250 " + String(repeating: "z", count: 996)
        let reply = try SMTPReply.read(from: try socket(receiving: text + "\r\n"), by: deadline)
        #expect(reply.lines == [String(repeating: "z", count: 996)])
    }

    @Test("A reply's control characters are escaped and its length capped for reports")
    func describesSafely() {
        let reply = SMTPReply(code: 550, lines: ["5.1.1 \u{1B}[2Jgone\rFAKE OK\u{7}\u{202E}"])
        #expect(reply.description == #"550 5.1.1 \u{1B}[2Jgone\rFAKE OK\u{7}\u{202E}"#)
        let long = SMTPReply(code: 550, lines: [String(repeating: "a", count: 900)])
        #expect(long.description.count == SMTPText.maximumLength + 1)
        #expect(long.description.hasSuffix("…"))
    }

    @Test("A reply that is not SMTP is quoted with its control characters escaped")
    func quotesGarbageSafely() throws {
        let socket = try socket(receiving: "\u{1B}]0;owned\u{7}\r\n")
        #expect(throws: SMTPTransportError(#"the server sent something that is not an SMTP reply: "\u{1B}]0;owned\u{7}""#)) {
            try SMTPReply.read(from: socket, by: deadline)
        }
    }
}
