import BillingCore
import Testing

@testable import BillingDocuments

@Suite("Message-IDs and MIME boundaries")
struct MessageIdentityTests {
    @Test("A Message-ID names the position, the invoice number and the send date")
    func messageIDShape() throws {
        let id = MessageID(position: 42, number: "ACME-000003", sentOn: MailFixtures.februaryMonthEnd.date, domain: "billingsim.invalid")
        #expect(id.description == "<000042.ACME-000003.20260201@billingsim.invalid>")
    }

    @Test("The Message-ID header of a message is the same every time and differs between positions")
    func messageIDDeterminismAndUniqueness() {
        let ids = (1...500).map { position in
            Self.header("Message-ID", of: MailFixtures.mail(position: position).message(attaching: []))
        }
        #expect(Set(ids).count == ids.count)
        #expect(ids[41] == "Message-ID: <000042.ACME-000003.20260201@billingsim.invalid>")
        #expect(Self.header("Message-ID", of: MailFixtures.mail(position: 42).message(attaching: [])) == ids[41])
    }

    @Test("Characters outside letters, digits and - are replaced, and long numbers cut, in IDs and boundaries")
    func sanitized() {
        let id = MessageID(position: 7, number: "Ö.B <x>@y-000001", sentOn: MailFixtures.februaryMonthEnd.date, domain: "d.example")
        #expect(id.description == "<000007.__B__x__y-000001.20260201@d.example>")
        let long = MessageID(
            position: 1_234_567, number: String(repeating: "X", count: 100), sentOn: MailFixtures.februaryMonthEnd.date,
            domain: "billingsim.invalid")
        #expect(("Message-ID: " + long.description).utf8.count <= 78)
        #expect(MIMEBoundary(position: 1, number: "A/B=C").description == "=_BillingSim_000001_A_B_C")
    }

    @Test("Boundaries start with =_ , fit in 70 characters and differ between positions")
    func boundaries() {
        let boundaries = (1...500).map { MIMEBoundary(position: $0, number: "ACME-000003").description }
        #expect(Set(boundaries).count == boundaries.count)
        #expect(boundaries.allSatisfy { $0.hasPrefix("=_") && $0.utf8.count <= 70 })
        #expect(MIMEBoundary(position: 42, number: "ACME-000003").description == "=_BillingSim_000042_ACME-000003")
        #expect(MIMEBoundary(position: 42, number: String(repeating: "9", count: 200)).description.utf8.count <= 70)
    }

    @Test("No line of an encoded part can contain the boundary, whatever the PDF bytes")
    func boundaryNeverInParts() {
        var generator = SplitMix64(seed: 7)
        for length in [0, 1, 2, 3, 57, 58, 1_000] {
            let pdf = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let message = MailFixtures.mail().message(attaching: pdf + MailFixtures.allBytes)
            let lines = MailFixtures.crlfLines(message).lines
            let delimiters = lines.filter { $0.contains("=_BillingSim_000042") }
            // Only the Content-Type parameter and the three delimiter lines mention it.
            #expect(delimiters.count == 4)
        }
    }

    /// The unfolded header field `name` of `message`, `Name: value`.
    static func header(_ name: String, of message: [UInt8]) -> String? {
        MailFixtures.crlfLines(message).lines.first { $0.hasPrefix(name + ": ") }
    }
}
