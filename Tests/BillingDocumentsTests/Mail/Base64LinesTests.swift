import Foundation
import Testing

@testable import BillingDocuments

@Suite("Base64 in lines of 76 characters")
struct Base64LinesTests {
    @Test("RFC 4648 test vectors encode with padding")
    func vectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (input, output) in vectors {
            #expect(String(decoding: Base64Lines.encode(Array(input.utf8)), as: UTF8.self) == output)
        }
    }

    @Test("Lines are 76 characters long and match Foundation's CRLF 76 output", arguments: [0, 1, 56, 57, 58, 114, 1_000, 4_099])
    func matchesFoundation(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let lines = Base64Lines.lines(for: bytes)
        #expect(lines.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(lines.allSatisfy { !$0.isEmpty && $0.utf8.count <= 76 })
        let foundation = Data(bytes).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        #expect(lines.joined(separator: "\r\n") == foundation)
        #expect(Data(base64Encoded: lines.joined()) == Data(bytes))
    }
}
