/// One server reply: a three-digit code and its text lines (`250-first`, `250 last`).
struct SMTPReply: Hashable, CustomStringConvertible {
    /// The longest reply line accepted, line end excluded. RFC 5321 §4.5.3.1.5 allows 512
    /// octets; real servers stay well inside, so 1,000 leaves a margin for sloppy ones.
    static let maximumLineLength = 1000
    /// The most lines one reply may have; a long EHLO list has about 20.
    static let maximumLines = 100
    /// The most bytes one reply may have, line ends included.
    static let maximumBytes = 64 * 1024

    /// The reply code, 200 to 599.
    var code: Int
    /// The text after the code on each line, in order, as the server sent it.
    var lines: [String]

    /// 2xx: done.
    var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: go on (354 after DATA).
    var isIntermediate: Bool { (300..<400).contains(code) }
    /// 5xx: refused for good.
    var isPermanent: Bool { (500..<600).contains(code) }
    /// 421: the server is closing the connection.
    var closesConnection: Bool { code == 421 }

    /// The reply on one line for reports, safe to print: `550 5.1.1 No such user`, with
    /// control characters escaped and at most ``SMTPText/maximumLength`` characters.
    var description: String {
        SMTPText.printable(([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " "))
    }

    /// Reads one whole reply, however many lines it has, by `deadline`.
    ///
    /// Lines are `NNN-text` while more follow and `NNN text` (or just `NNN`) on the last;
    /// anything else is not SMTP and ends the connection (RFC 5321 §4.2), and so does a
    /// reply over ``maximumLineLength``, ``maximumLines`` or ``maximumBytes``: memory for
    /// one reply is bounded whatever the server sends.
    static func read(from socket: SMTPSocket, by deadline: SMTPDeadline) throws(SMTPTransportError) -> SMTPReply {
        var lines: [String] = []
        var bytes = 0
        while true {
            let line = try socket.readLine(limit: maximumLineLength, by: deadline)
            bytes += line.count + 2
            guard line.count >= 3, line.prefix(3).allSatisfy({ (0x30...0x39).contains($0) }),
                line.count == 3 || line[3] == 0x20 || line[3] == 0x2D,
                let code = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200..<600).contains(code)
            else {
                socket.close()
                let text = SMTPText.printable(String(decoding: line.prefix(80), as: UTF8.self), limit: 80)
                throw SMTPTransportError("the server sent something that is not an SMTP reply: \"\(text)\"")
            }
            lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
            if line.count == 3 || line[3] == 0x20 {
                return SMTPReply(code: code, lines: lines)
            }
            guard lines.count < maximumLines, bytes < maximumBytes else {
                socket.close()
                let limit = lines.count < maximumLines ? "\(maximumBytes) bytes" : "\(maximumLines) lines"
                throw SMTPTransportError("the server sent a reply of more than \(limit)")
            }
        }
    }
}
