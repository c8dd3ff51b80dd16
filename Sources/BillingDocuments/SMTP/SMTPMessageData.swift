/// Turns a message into the bytes sent after `DATA`: line ends made CRLF, leading dots
/// doubled, and the `.` CRLF terminator added (RFC 5321 §4.5.2, §2.3.8).
enum SMTPMessageData {
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A
    private static let dot: UInt8 = 0x2E

    /// The bytes to send after the server's 354, terminator included.
    ///
    /// - Every line end becomes CRLF: a bare CR or LF is not allowed in SMTP (§2.3.8), and
    ///   servers that disagree on where a line ends can be fooled into ending the data
    ///   early ("SMTP smuggling"). Data that is already CRLF passes through unchanged.
    /// - A line that starts with `.` gets another `.` in front; the server removes it.
    /// - Data that does not end with CRLF gets one, so the terminator starts a line of its
    ///   own; the server then stores that CRLF as part of the message. Empty data stays empty.
    ///
    /// - Complexity: O(*n*) in the size of `data`.
    static func encode(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count + data.count / 64 + 5)
        var atLineStart = true
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            index += 1
            switch byte {
            case cr:
                output += [cr, lf]
                if index < data.endIndex, data[index] == lf { index += 1 }
                atLineStart = true
            case lf:
                output += [cr, lf]
                atLineStart = true
            default:
                if atLineStart, byte == dot { output.append(dot) }
                output.append(byte)
                atLineStart = false
            }
        }
        if !atLineStart { output += [cr, lf] }
        output += [dot, cr, lf]
        return output
    }
}
