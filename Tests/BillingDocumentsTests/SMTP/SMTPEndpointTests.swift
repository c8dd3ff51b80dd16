import BillingDocuments
import Testing

@Suite("SMTP endpoints")
struct SMTPEndpointTests {
    @Test(
        "A host and port parse into an endpoint",
        arguments: [
            ("localhost:25", "localhost", 25),
            ("mail.example.com:2525", "mail.example.com", 2525),
            ("127.0.0.1:65535", "127.0.0.1", 65535),
            ("[::1]:587", "::1", 587),
            ("[2001:db8::25]:1", "2001:db8::25", 1),
        ] as [(String, String, UInt16)])
    func parsesHostAndPort(text: String, host: String, port: UInt16) throws {
        let endpoint = try #require(SMTPEndpoint(text))
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
        #expect(endpoint.description == text)
    }

    @Test(
        "Text without a valid port or host is not an endpoint",
        arguments: [
            "localhost", "localhost:", ":25", "localhost:0", "localhost:65536", "localhost:-1", "localhost:2x5",
            "localhost: 25", "local host:25", "::1:25", "[::1]", "[::1]25", "[localhost]:25", "", "localhost:+25",
            "localhost:٢٥",
        ])
    func rejectsBadText(text: String) {
        #expect(SMTPEndpoint(text) == nil)
    }
}
