import Foundation
import Testing

@testable import BillingDocuments

@Suite("RFC 2047 encoded-words and folded header fields")
struct EncodedWordTests {
    /// Decodes Q- or B-encoded `words` (as `EncodedWord` writes them) back to bytes.
    static func decode(_ words: [String]) -> [UInt8] {
        words.flatMap { word -> [UInt8] in
            let text = word.dropFirst(EncodedWord.qOpening.count).dropLast(EncodedWord.closing.count)
            if word.hasPrefix(EncodedWord.bOpening) { return Array(Data(base64Encoded: String(text)) ?? Data()) }
            return MailFixtures.decodeQuotedPrintable([text.replacingUnderscores() + "="])
        }
    }

    @Test("Swedish letters in a name are Q-encoded in UTF-8")
    func swedishName() {
        #expect(EncodedWord.words(for: "Åsa Öberg") == ["=?utf-8?q?=C3=85sa_=C3=96berg?="])
        #expect(EncodedWord.words(for: "Åke Ärlig-Östlund") == ["=?utf-8?q?=C3=85ke_=C3=84rlig-=C3=96stlund?="])
    }

    @Test("Only letters, digits and ! * + - / stand for themselves")
    func literals() {
        #expect(EncodedWord.words(for: "a1!*+-/") == ["=?utf-8?q?a1!*+-/?="])
        #expect(EncodedWord.words(for: "_=?,\"()") == ["=?utf-8?q?=5F=3D=3F=2C=22=28=29?="])
    }

    @Test("A 200-character subject becomes words of at most 75 characters that decode to the subject")
    func longSubject() {
        let subject = String(String(repeating: "Fakturan för ÅÄÖ åäö 😀 ", count: 10).prefix(200))
        #expect(subject.count == 200)
        let words = EncodedWord.words(for: subject)
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.utf8.count <= 75 && $0.hasPrefix("=?utf-8?q?") && $0.hasSuffix("?=") })
        #expect(Self.decode(words) == Array(subject.utf8))
    }

    @Test("No Q- or B-encoded word ends inside a UTF-8 character", arguments: [24, 30, 41, 66, 75])
    func noSplitCharacters(limit: Int) {
        let text = String(repeating: "åäö€😀x", count: 20)
        let budget = limit - 12
        for words in [
            EncodedWord.qWords(for: text, budget: budget), EncodedWord.bWords(for: text, budget: budget),
            EncodedWord.words(for: text, maxLength: limit),
        ] {
            #expect(words.allSatisfy { $0.utf8.count <= limit })
            for word in words {
                #expect(String(validating: Self.decode([word]), as: UTF8.self) != nil, "\(word) is not whole UTF-8")
            }
            #expect(Self.decode(words) == Array(text.utf8))
        }
    }

    @Test("Text that is mostly not ASCII uses the shorter B encoding, other text Q")
    func bForNonLatin() {
        #expect(EncodedWord.words(for: "株式会社") == ["=?utf-8?b?5qCq5byP5Lya56S+?="])
        #expect(EncodedWord.words(for: "Ωμέγα") == ["=?utf-8?b?zqnOvM6tzrPOsQ==?="])
        #expect(EncodedWord.words(for: "Företag").first?.hasPrefix("=?utf-8?q?") == true)
        #expect(EncodedWord.words(for: "å ä ö") == ["=?utf-8?b?w6Ugw6Qgw7Y=?="])
        #expect(EncodedWord.words(for: "åäxx").first?.hasPrefix("=?utf-8?q?") == true)
    }

    @Test("A non-ASCII subject is folded into lines of at most 78 characters")
    func foldedSubject() {
        let subject = "Invoice ACME-000003 from " + String(repeating: "Företaget Ångström & Söner ", count: 7)
        let field = HeaderField.unstructured("Subject", text: subject)
        let lines = field.folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.first?.hasPrefix("Subject: =?utf-8?q?") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?utf-8?q?") })
    }

    @Test("A plain ASCII subject is written as is and folded at spaces")
    func plainSubject() {
        #expect(
            HeaderField.unstructured("Subject", text: "Invoice ACME-000003 from BillingSim Hosting AB").folded
                == "Subject: Invoice ACME-000003 from BillingSim Hosting AB")
        let long = String(repeating: "invoice ", count: 20).trimmingCharacters(in: .whitespaces)
        let lines = HeaderField.unstructured("Subject", text: long).folded.components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.joined() == "Subject: " + long)
    }

    @Test("Only runs of words that need it are encoded; plain words stay readable between them")
    func mixedSubject() {
        #expect(
            HeaderField.unstructured("Subject", text: "Invoice ÅÄÖ-000001 from Företag i Göteborg AB").words == [
                "Invoice", "=?utf-8?q?=C3=85=C3=84=C3=96-000001?=", "from", "=?utf-8?q?F=C3=B6retag?=", "i",
                "=?utf-8?q?G=C3=B6teborg?=", "AB",
            ])
        #expect(HeaderField.unstructured("Subject", text: "Åsa Öberg, Ärende").words == ["=?utf-8?q?=C3=85sa_=C3=96berg=2C_=C3=84rende?="])
    }

    @Test("ASCII a decoder could misread is encoded: encoded-word lookalikes, odd spacing, control characters")
    func riskyASCII() {
        #expect(
            HeaderField.unstructured("Subject", text: "a =?utf-8?q?x?= b").words == ["a", "=?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?=", "b"])
        for text in ["two  spaces", " leading", "trailing ", "tab\there", "line\nbreak"] {
            #expect(HeaderField.unstructured("Subject", text: text).words == EncodedWord.words(for: text, maxLength: 69))
        }
    }

    @Test("Display names: atoms as they are, specials quoted, non-ASCII encoded")
    func displayNames() {
        func words(_ name: String) -> [String] { MailboxAddress(displayName: name, address: "a@b.example").words(forField: "To") }
        #expect(words("Anna Andersson") == ["Anna", "Andersson", "<a@b.example>"])
        #expect(words("Acme, Inc.") == ["\"Acme, Inc.\"", "<a@b.example>"])
        #expect(words("Say \"hi\" \\o/") == ["\"Say \\\"hi\\\" \\\\o/\"", "<a@b.example>"])
        #expect(words("Åsa Öberg") == ["=?utf-8?q?=C3=85sa_=C3=96berg?=", "<a@b.example>"])
        #expect(words("Åsa Öberg i Göteborg") == ["=?utf-8?q?=C3=85sa_=C3=96berg?=", "i", "=?utf-8?q?G=C3=B6teborg?=", "<a@b.example>"])
        #expect(words("Öberg, Åsa") == ["=?utf-8?q?=C3=96berg=2C_=C3=85sa?=", "<a@b.example>"])
        #expect(words("=?utf-8?q?x?=") == ["=?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?=", "<a@b.example>"])
        #expect(words("") == ["a@b.example"])
    }

    @Test("Addresses: UTF-8 is kept as it is, a local part that is not a dot-atom is quoted")
    func addresses() {
        #expect(MailboxAddress(displayName: "", address: "åsa@exämple.se").addrSpec == "åsa@exämple.se")
        #expect(MailboxAddress(displayName: "", address: "a,b@example.com").addrSpec == "\"a,b\"@example.com")
        #expect(MailboxAddress(displayName: "", address: "a..b@example.com").addrSpec == "\"a..b\"@example.com")
        #expect(MailboxAddress(displayName: "", address: "first.last+tag@example.com").addrSpec == "first.last+tag@example.com")
    }

    @Test("A long mixed display name folds before the address and keeps every line within 78")
    func longToHeader() {
        let name = String(repeating: "Åke Björklund ", count: 8)
        let field = HeaderField("To", words: MailboxAddress(displayName: name, address: "ake.bjorklund@example.com").words(forField: "To"))
        let lines = field.folded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.last?.hasSuffix("<ake.bjorklund@example.com>") == true)
    }

    @Test("MIME parameters: quoted when short ASCII, RFC 2231 continuations otherwise")
    func parameters() {
        #expect(
            MIMEParameter("filename", "ACME-000003.pdf", alwaysQuoted: true).words(maxWordLength: 76) == ["filename=\"ACME-000003.pdf\""])
        #expect(MIMEParameter("charset", "utf-8").words(maxWordLength: 76) == ["charset=utf-8"])
        #expect(MIMEParameter("name", "a b").words(maxWordLength: 76) == ["name=\"a b\""])
        #expect(MIMEParameter("filename", "Å-1.pdf").words(maxWordLength: 76) == ["filename*=utf-8''%C3%85-1.pdf"])
        let long = MIMEParameter("filename", String(repeating: "ö", count: 40) + ".pdf").words(maxWordLength: 76)
        #expect(long.count > 1)
        #expect(long.allSatisfy { $0.utf8.count <= 76 })
        #expect(long.first?.hasPrefix("filename*0*=utf-8''") == true)
        #expect(long.dropFirst().first?.hasPrefix("filename*1*=") == true)
    }
}

extension Substring {
    /// Q encoding's `_` back to a space, as a decoder reads it.
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
