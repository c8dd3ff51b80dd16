import Testing

@testable import BillingDocuments

@Suite("Quoted-printable encoding of the text body")
struct QuotedPrintableTests {
    @Test("Printable ASCII stays as it is and line breaks become separate lines")
    func plainText() {
        #expect(QuotedPrintable.lines(for: "Hello,\n\nInvoice number: ACME-000003\n") == ["Hello,", "", "Invoice number: ACME-000003", ""])
        #expect(QuotedPrintable.lines(for: "one\r\ntwo") == ["one", "two"])
    }

    @Test("An equals sign is always escaped")
    func equalsSign() {
        #expect(QuotedPrintable.lines(for: "a=b") == ["a=3Db"])
        #expect(QuotedPrintable.lines(for: "=") == ["=3D"])
    }

    @Test("A space or tab at the end of a line is escaped, inside a line it is not")
    func trailingWhitespace() {
        #expect(QuotedPrintable.lines(for: "end \nmid dle\t\n") == ["end=20", "mid dle=09", ""])
        #expect(QuotedPrintable.lines(for: " ") == ["=20"])
    }

    @Test("Non-ASCII letters and control characters are escaped byte by byte in upper-case hex")
    func nonASCII() {
        #expect(QuotedPrintable.lines(for: "Företag → 5 €") == ["F=C3=B6retag =E2=86=92 5 =E2=82=AC"])
        #expect(QuotedPrintable.lines(for: "a\u{7}b\rc\u{7F}") == ["a=07b=0Dc=7F"])
    }

    @Test("A long line gets soft breaks so no encoded line passes 76 characters", arguments: [75, 76, 77, 152, 400])
    func softBreaks(length: Int) {
        let text = String(repeating: "x", count: length)
        let lines = QuotedPrintable.lines(for: text)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.last?.hasSuffix("=") == false)
        #expect(MailFixtures.decodeQuotedPrintable(lines) == Array(text.utf8))
        #expect(lines.count == (length <= 76 ? 1 : (length - 1) / 75 + 1))
    }

    @Test("A line of exactly 76 characters needs no soft break, one of 77 does")
    func boundaryLengths() {
        #expect(QuotedPrintable.lines(for: String(repeating: "a", count: 76)).count == 1)
        #expect(QuotedPrintable.lines(for: String(repeating: "a", count: 77)) == [String(repeating: "a", count: 75) + "=", "aa"])
    }

    @Test("A multibyte character at the end of a line is never split across a soft break", arguments: 70...78)
    func multibyteAtLineEnd(prefix: Int) {
        let text = String(repeating: "a", count: prefix) + "ö€😀" + String(repeating: "b", count: 10)
        let lines = QuotedPrintable.lines(for: text)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(MailFixtures.decodeQuotedPrintable(lines) == Array(text.utf8))
        for line in lines {
            // Each line decodes to whole UTF-8 characters: the escapes of one scalar stay together.
            let bytes = MailFixtures.decodeQuotedPrintable([line.hasSuffix("=") ? line : line + "="])
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(line) splits a character")
        }
    }

    @Test("A space right before a soft break is not trailing white space")
    func spaceBeforeSoftBreak() {
        let text = String(repeating: "a", count: 74) + " bcd"
        let lines = QuotedPrintable.lines(for: text)
        #expect(lines == [String(repeating: "a", count: 74) + " =", "bcd"])
        #expect(MailFixtures.decodeQuotedPrintable(lines) == Array(text.utf8))
    }

    @Test("Trailing white space that lands at a soft break's line end is escaped on the last line")
    func trailingSpaceAfterSoftBreak() {
        let text = String(repeating: "a", count: 75) + " "
        let lines = QuotedPrintable.lines(for: text)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        #expect(MailFixtures.decodeQuotedPrintable(lines) == Array(text.utf8))
    }
}
