public import BillingCore

/// mboxrd: invoice emails as one mailbox file that mail programs open.
///
/// The mbox variant in which quoting is reversible: every line that matches `^>*From `
/// gets one more `>` when written, and a reader removes one. mboxo quotes only `^From `,
/// so its reader cannot tell a quoted `From ` from a body line that was `>From ` already.
///
/// Lines in the file end in LF, not CRLF: mbox is a Unix format, and Python's
/// `mailbox.mbox` (our reference reader) looks for `os.linesep` (LF on Linux) between
/// entries. Given CRLF entries it keeps the `\r` at the end of `get_from()` and does not
/// recognise `\r\n` as the blank line before the next `From `, so every message comes back
/// with an extra CRLF at its end. Messages are converted from CRLF to LF on the way in;
/// a reader converts them back to send them.
///
/// ```swift
/// var file: [UInt8] = []
/// for mail in mails {
///     file += Mbox.entry(for: mail.message(attaching: pdf), sender: InvoiceMail.senderAddress, sentAt: mail.sentAt)
/// }
/// ```
public enum Mbox {
    /// One mbox entry: the `From ` separator line, the message with `>`-quoting of `From ` lines, a blank line.
    ///
    /// The separator is `From <sender> <asctime date in UTC>`, such as
    /// `From invoices@billingsim.invalid Sun Feb  1 00:00:00 2026`. Entries concatenate
    /// into an mbox file.
    public static func entry(for message: [UInt8], sender: String, sentAt: Instant) -> [UInt8] {
        var output = Array(separator(sender: sender, sentAt: sentAt).utf8)
        output.append(lf)
        output.reserveCapacity(message.count + output.count + 64)
        for line in lines(of: message) {
            if isFromLine(line) { output.append(UInt8(ascii: ">")) }
            output += line
            output.append(lf)
        }
        output.append(lf)
        return output
    }

    /// The `From ` line without its line break.
    ///
    /// An empty sender becomes `MAILER-DAEMON`, and white space in it `_`, so the line
    /// always has its three fields.
    static func separator(sender: String, sentAt: Instant) -> String {
        let cleaned = String(sender.map { $0.isWhitespace ? "_" : $0 })
        return "From \(cleaned.isEmpty ? "MAILER-DAEMON" : cleaned) \(AsctimeDate(sentAt))"
    }

    /// The lines of `message` without their CRLF or LF terminators; a last line without
    /// a terminator counts, a final terminator does not start another line.
    static func lines(of message: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = message.startIndex
        for index in message.indices where message[index] == lf {
            let end = index > start && message[index - 1] == cr ? index - 1 : index
            lines.append(message[start..<end])
            start = index + 1
        }
        if start < message.endIndex { lines.append(message[start...]) }
        return lines
    }

    /// True for a line that a reader would take for a separator after removing `>`s:
    /// `^>*From `.
    static func isFromLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: fromPrefix)
    }

    /// `From `.
    private static let fromPrefix = Array("From ".utf8)
    /// Line feed.
    private static let lf: UInt8 = 0x0A
    /// Carriage return.
    private static let cr: UInt8 = 0x0D
}
