import BillingDocuments
import Testing

@Suite("SMTP text made printable")
struct SMTPTextTests {
    @Test(
        "Control, format and separator characters become visible escapes",
        arguments: [
            ("plain 250 OK", "plain 250 OK"), ("a\r\nb", #"a\r\nb"#), ("\t", #"\t"#), (#"back\slash"#, #"back\slash"#),
            ("\u{1B}[31mred", #"\u{1B}[31mred"#), ("\u{0}\u{7F}\u{85}", #"\u{0}\u{7F}\u{85}"#),
            ("\u{202E}evil", #"\u{202E}evil"#), ("\u{2028}", #"\u{2028}"#), ("Grüße €", "Grüße €"),
        ])
    func escapes(text: String, printed: String) {
        #expect(SMTPText.printable(text) == printed)
    }

    @Test("Escaping twice is escaping once", arguments: ["a\r\n\u{1B}[2J", String(repeating: "\u{7}", count: 400), "ok"])
    func isIdempotent(text: String) {
        #expect(SMTPText.printable(SMTPText.printable(text)) == SMTPText.printable(text))
    }

    @Test("Long text is cut with an ellipsis")
    func caps() {
        #expect(SMTPText.printable(String(repeating: "x", count: 10), limit: 4) == "xxxx…")
        #expect(SMTPText.printable("xxxx", limit: 4) == "xxxx")
    }
}
