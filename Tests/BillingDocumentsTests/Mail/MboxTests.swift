import BillingCore
import Foundation
import Testing

@testable import BillingDocuments

@Suite("mboxrd entries")
struct MboxTests {
    /// `text` with `\n` as CRLF, as bytes.
    static func crlf(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    /// Messages whose bodies hold lines a reader could take for separators.
    static let tricky: [[UInt8]] = [
        crlf(
            "From: a@example.com\nTo: b@example.com\nSubject: From lines\n\n"
                + "From the start\n>From quoted once\n>>From quoted twice\nFrom\nFromage\n From indented\n"
        ),
        crlf("From: a@example.com\nTo: b@example.com\nSubject: no final newline\n\n>>>From deep\nlast line"),
        crlf("From: a@example.com\nTo: b@example.com\nSubject: blank lines\n\n\n\nFrom \n\n"),
    ]

    @Test("The separator line is From, the sender and the asctime date in UTC")
    func separator() {
        let entry = Mbox.entry(
            for: Array("Subject: x\r\n\r\nhi\r\n".utf8), sender: InvoiceMail.senderAddress, sentAt: MailFixtures.februaryMonthEnd)
        #expect(
            String(decoding: entry, as: UTF8.self) == "From invoices@billingsim.invalid Sun Feb  1 00:00:00 2026\nSubject: x\n\nhi\n\n")
        #expect(Mbox.separator(sender: "", sentAt: Instant(seconds: 0)) == "From MAILER-DAEMON Thu Jan  1 00:00:00 1970")
        #expect(Mbox.separator(sender: "a b", sentAt: Instant(seconds: 0)) == "From a_b Thu Jan  1 00:00:00 1970")
    }

    @Test("Lines matching ^>*From get one more >, nothing else changes but CRLF becoming LF")
    func quoting() {
        let entry = String(decoding: Mbox.entry(for: Self.tricky[0], sender: "s", sentAt: Instant(seconds: 0)), as: UTF8.self)
        let body = entry.components(separatedBy: "\n\n").dropFirst().first ?? ""
        #expect(body == ">From the start\n>>From quoted once\n>>>From quoted twice\nFrom\nFromage\n From indented")
        #expect(entry.hasPrefix("From s Thu Jan  1 00:00:00 1970\nFrom: a@example.com\n"))
        #expect(!entry.contains("\r"))
        #expect(entry.hasSuffix("From indented\n\n"))
    }

    @Test("A message without a final line break still ends its entry with a line break and a blank line")
    func unterminated() {
        let entry = Mbox.entry(for: Array("Subject: x\r\n\r\nlast".utf8), sender: "s", sentAt: Instant(seconds: 0))
        #expect(entry.suffix(6) == Array("last\n\n".utf8))
    }

    @Test("Python's mailbox.mbox reads every entry back as the original message after mboxrd unquoting")
    func pythonReadsEntries() throws {
        let folder = try SupportPython.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let invoices = InvoiceMessageTests.mails.prefix(3).map { $0.message(attaching: MailFixtures.allBytes) }
        let messages = Self.tricky + invoices
        var file: [UInt8] = []
        for (index, message) in messages.enumerated() {
            file += Mbox.entry(
                for: message, sender: InvoiceMail.senderAddress, sentAt: MailFixtures.februaryMonthEnd.adding(seconds: Int64(index)))
        }
        let path = folder.appendingPathComponent("invoices.mbox")
        try Data(file).write(to: path)

        struct Entry: Decodable {
            var from: String
            var path: String
            var defects: [String]
        }
        let entries = try SupportPython.run("check_mbox.py", [path.path, folder.path], as: [Entry].self)
        try #require(entries.count == messages.count)
        for (index, (entry, message)) in zip(entries, messages).enumerated() {
            #expect(entry.from == "invoices@billingsim.invalid Sun Feb  1 00:00:0\(index) 2026")
            #expect(entry.defects == [])
            let expected = Self.lf(message)
            let actual = Array(try Data(contentsOf: URL(fileURLWithPath: entry.path)))
            #expect(actual == expected, "message \(index) differs:\n\(String(decoding: actual, as: UTF8.self))")
        }
    }

    /// `message` with CRLF as LF and a final LF: what an mbox reader hands back.
    static func lf(_ message: [UInt8]) -> [UInt8] {
        var text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        return Array(text.utf8)
    }
}
