import BillingDocuments
import Testing

@Suite("WinAnsi encoding")
struct WinAnsiTests {
    @Test("ASCII and Latin-1 letters map to their own code")
    func latin1MapsToItself() {
        #expect(WinAnsi.encode("Az09 ~") == [0x41, 0x7A, 0x30, 0x39, 0x20, 0x7E])
        #expect(WinAnsi.encode("åäöÅÄÖé") == [0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9])
        #expect(WinAnsi.encode("ÿ£©") == [0xFF, 0xA3, 0xA9])
    }

    @Test(
        "The typographic extras map into 0x80 to 0x9F",
        arguments: [
            ("€", 0x80), ("‚", 0x82), ("…", 0x85), ("‰", 0x89), ("Š", 0x8A), ("Œ", 0x8C), ("Ž", 0x8E), ("‘", 0x91),
            ("’", 0x92), ("“", 0x93), ("”", 0x94), ("•", 0x95), ("–", 0x96), ("—", 0x97), ("™", 0x99), ("Ÿ", 0x9F),
        ] as [(String, UInt8)])
    func extrasMapToWindowsCodes(text: String, code: UInt8) {
        #expect(WinAnsi.encode(text) == [code])
    }

    @Test("Characters with no code print as one question mark each")
    func unmappableBecomeQuestionMarks() {
        #expect(WinAnsi.encode("a🚀b") == [0x61, 0x3F, 0x62])
        #expect(WinAnsi.encode("東京") == [0x3F, 0x3F])
        #expect(WinAnsi.encode("\u{0081}\u{0007}") == [0x3F, 0x3F])
        #expect(WinAnsi.encode("👩‍👩‍👧") == [0x3F])
    }

    @Test("A letter with a combining accent prints as the composed letter")
    func combiningAccentsCompose() {
        #expect(WinAnsi.encode("Cafe\u{0301}") == [0x43, 0x61, 0x66, 0xE9])
    }

    @Test("Tabs and line breaks print as spaces")
    func whitespaceBecomesSpace() {
        #expect(WinAnsi.encode("a\tb\nc\r\nd") == [0x61, 0x20, 0x62, 0x20, 0x63, 0x20, 0x64])
    }

    @Test("Literal strings escape parentheses and backslashes")
    func literalsEscapeDelimiters() {
        #expect(WinAnsi.literal("a(b)c\\d") == Array("(a\\(b\\)c\\\\d)".utf8))
        #expect(WinAnsi.literal("€ 5") == [0x28, 0x80, 0x20, 0x35, 0x29])
        #expect(WinAnsi.literal("") == Array("()".utf8))
    }
}
