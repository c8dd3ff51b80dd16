import Testing

@testable import BillingDocuments

@Suite("Escaping model text for HTML")
struct HTMLEscapingTests {
    @Test("Text escapes ampersands and angle brackets and leaves quotes alone")
    func textEscapesMarkup() {
        #expect(HTMLEscaping.text("<script>alert(\"x\")</script> & 'Co'") == "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'Co'")
    }

    @Test("Attributes also escape both kinds of quote")
    func attributesEscapeQuotes() {
        #expect(HTMLEscaping.attribute("a\"b'c<d>&e") == "a&quot;b&#39;c&lt;d&gt;&amp;e")
    }

    @Test("Non-ASCII letters and emoji pass through unchanged")
    func unicodePassesThrough() {
        #expect(HTMLEscaping.text("åäö Ünïcødé 🚀👩‍👩‍👧") == "åäö Ünïcødé 🚀👩‍👩‍👧")
        #expect(HTMLEscaping.attribute("åäö 🚀") == "åäö 🚀")
    }

    @Test("Control characters that XML forbids become replacement characters")
    func controlCharactersAreReplaced() {
        #expect(HTMLEscaping.text("a\u{0}b\u{1B}c\u{7}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test("Line breaks stay in text and become references in attributes")
    func lineBreaks() {
        #expect(HTMLEscaping.text("a\nb\tc\rd") == "a\nb\tc&#13;d")
        #expect(HTMLEscaping.attribute("a\nb\tc\rd") == "a&#10;b&#9;c&#13;d")
    }

    @Test("Already escaped text is escaped again, so it shows as written")
    func escapingIsNotIdempotent() {
        #expect(HTMLEscaping.text("&amp;") == "&amp;amp;")
    }
}
