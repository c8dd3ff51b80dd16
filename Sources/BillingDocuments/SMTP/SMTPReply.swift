/// One server reply: a three-digit code and its text lines (`250-first`, `250 last`).
struct SMTPReply: Hashable, CustomStringConvertible {
    /// The reply code, 200 to 599.
    var code: Int
    /// The text after the code on each line, in order.
    var lines: [String]

    /// 2xx: done.
    var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: go on (354 after DATA).
    var isIntermediate: Bool { (300..<400).contains(code) }
    /// 5xx: refused for good.
    var isPermanent: Bool { (500..<600).contains(code) }
    /// 421: the server is closing the connection.
    var closesConnection: Bool { code == 421 }

    /// The reply on one line for reports: `550 5.1.1 No such user`.
    var description: String {
        ([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " ")
    }

    /// Reads one whole reply, however many lines it has.
    ///
    /// Lines are `NNN-text` while more follow and `NNN text` (or just `NNN`) on the last;
    /// anything else is not SMTP and ends the connection (RFC 5321 §4.2).
    static func read(from socket: SMTPSocket) throws(SMTPTransportError) -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try socket.readLine()
            guard line.count >= 3, line.prefix(3).allSatisfy({ (0x30...0x39).contains($0) }),
                line.count == 3 || line[3] == 0x20 || line[3] == 0x2D,
                let code = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200..<600).contains(code)
            else {
                socket.close()
                let text = String(decoding: line.prefix(80), as: UTF8.self)
                throw SMTPTransportError("the server sent something that is not an SMTP reply: \"\(text)\"")
            }
            lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
            if line.count == 3 || line[3] == 0x20 {
                return SMTPReply(code: code, lines: lines)
            }
        }
    }
}
