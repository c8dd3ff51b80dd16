import Testing

@testable import BillingDocuments

@Suite("SMTP message data")
struct SMTPMessageDataTests {
    @Test(
        "Message data is sent with leading dots doubled, CRLF line ends and the terminator",
        arguments: [
            ("a\r\nb\r\n", "a\r\nb\r\n.\r\n"),
            ("a\r\nb", "a\r\nb\r\n.\r\n"),
            ("", ".\r\n"),
            (".\r\n", "..\r\n.\r\n"),
            (".", "..\r\n.\r\n"),
            ("a\r\n.\r\nb\r\n", "a\r\n..\r\nb\r\n.\r\n"),
            ("..x\r\n.y", "...x\r\n..y\r\n.\r\n"),
            ("x.y\r\n. z\r\n", "x.y\r\n.. z\r\n.\r\n"),
            ("a\r\n\r\n.\r\n\r\n", "a\r\n\r\n..\r\n\r\n.\r\n"),
        ])
    func encodes(data: String, sent: String) {
        #expect(SMTPMessageData.encode(Array(data.utf8)) == Array(sent.utf8))
    }

    @Test(
        "Bare CR and LF become CRLF so no server can see the data end early",
        arguments: [
            ("a\nb\n", "a\r\nb\r\n.\r\n"),
            ("a\n.\nb", "a\r\n..\r\nb\r\n.\r\n"),
            ("a\r.b", "a\r\n..b\r\n.\r\n"),
            ("a\n\r\n.\r", "a\r\n\r\n..\r\n.\r\n"),
        ])
    func normalisesLineEnds(data: String, sent: String) {
        #expect(SMTPMessageData.encode(Array(data.utf8)) == Array(sent.utf8))
    }

    @Test("Bytes that are not ASCII pass through unchanged")
    func keepsEightBitBytes() {
        let data: [UInt8] = [0xC3, 0xA9, 0x0D, 0x0A, 0xFF, 0x2E, 0x0D, 0x0A]
        #expect(SMTPMessageData.encode(data) == data + [0x2E, 0x0D, 0x0A])
    }
}
