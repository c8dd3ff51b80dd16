import Testing

@testable import BillingDocuments

@Suite("Percent-encoding file paths for links")
struct PathEncodingTests {
    @Test(
        "Path segments are percent-encoded as UTF-8 and slashes kept",
        arguments: [
            ("invoices/acme/ACME-000001.pdf", "invoices/acme/ACME-000001.pdf"),
            ("invoices/my co/A 1.pdf", "invoices/my%20co/A%201.pdf"),
            ("a#b?c.pdf", "a%23b%3Fc.pdf"),
            ("invoices/smörgås/Å.pdf", "invoices/sm%C3%B6rg%C3%A5s/%C3%85.pdf"),
            ("rocket/🚀.pdf", "rocket/%F0%9F%9A%80.pdf"),
            ("100%/a&b=c;d.pdf", "100%25/a%26b%3Dc%3Bd.pdf"),
            ("x\"y'<z>.pdf", "x%22y%27%3Cz%3E.pdf"),
            ("_-.~/..", "_-.~/.."),
        ])
    func encodesSegments(path: String, href: String) {
        #expect(PathEncoding.href(path) == href)
    }

    @Test("A colon is encoded so the first segment cannot read as a URL scheme")
    func colonIsEncoded() {
        #expect(PathEncoding.href("javascript:alert(1)") == "javascript%3Aalert%281%29")
        #expect(PathEncoding.href("https://example.com/a") == "https%3A//example.com/a")
    }

    @Test("A path starting with two slashes stays on this host")
    func doubleSlashStaysLocal() {
        #expect(PathEncoding.href("//example.com/a.pdf") == ".//example.com/a.pdf")
    }

    @Test("An encoded path needs no further attribute escaping")
    func encodedPathIsAttributeSafe() {
        let href = PathEncoding.href("a\"b'<c>&d e/\u{0}")
        #expect(HTMLEscaping.attribute(href) == href)
    }
}
