import BillingDocuments
import Foundation
import Testing

@Suite("PDF writer")
struct PDFWriterTests {
    @Test("Each xref entry points at its object's first byte")
    func xrefOffsetsAreExact() throws {
        var page = PDFContent()
        page.text("Hello (world) \\ €", x: 50, y: 700, font: .helvetica, size: 12)
        let bytes = PDFDocument(title: "Test", pages: [page, PDFContent()]).render()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: Array("%PDF-1.4\n".utf8)))
        #expect(text.hasSuffix("%%EOF\n"))

        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        #expect(Array(bytes[xrefOffset..<xrefOffset + 5]) == Array("xref\n".utf8))

        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n")
        let size = try #require(table[1].split(separator: " ").last)
        let count = try #require(Int(size))
        for number in 1..<count {
            let entry = table[2 + number]
            #expect(entry.count == 19 && entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            let header = Array("\(number) 0 obj\n".utf8)
            #expect(Array(bytes[offset..<offset + header.count]) == header, "object \(number)")
        }
    }

    @Test("The info dictionary names the producer and holds no date or file ID")
    func infoIsDeterministic() {
        let text = String(decoding: PDFDocument(title: "Å", pages: [PDFContent()]).render(), as: UTF8.self)
        #expect(text.contains("/Producer (BillingSim)"))
        #expect(text.contains("/Title <FEFF00C5>"))
        #expect(!text.contains("/CreationDate") && !text.contains("/ModDate") && !text.contains("/ID"))
    }

    @Test(
        "Numbers are written with at most two decimals",
        arguments: [(12.0, "12"), (12.5, "12.5"), (0.256, "0.26"), (-3.04, "-3.04"), (-0.001, "0")])
    func numbers(value: Double, text: String) {
        #expect(PDFContent.number(value) == text)
    }
}
