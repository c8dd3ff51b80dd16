import BillingCore
import BillingDocuments
import Foundation
import Testing

@Suite("Invoice PDF layout")
struct InvoicePDFLayoutTests {
    /// A4 width in points, and the page margins everything must stay inside.
    private static let pageWidth = 595.28
    private static let margin = 50.0

    @Test("Eighty lines take several pages, each numbered, totals after the last line")
    func manyLinesTakeSeveralPages() throws {
        let document = PDFFixtures.eightyLines
        let pdf = try RenderedPDF(InvoicePDF.render(document))
        let pages = try #require(try pdf.pageCount())
        #expect(pages >= 3)
        let texts = try pdf.text().split(separator: "\u{0C}", omittingEmptySubsequences: false)
        for number in 1...pages {
            let page = texts[number - 1]
            #expect(page.contains("Page \(number) of \(pages)"), "page \(number)")
            #expect(page.contains("Description") && page.contains("Unit price"), "page \(number) repeats the header")
        }
        let last = texts[pages - 1]
        let lastLine = try #require(document.lineDescriptions.last)
        let lastLineEnd = try #require(last.range(of: lastLine)?.upperBound)
        let subtotal = try #require(last.range(of: "Subtotal")?.lowerBound)
        #expect(lastLineEnd < subtotal)
        #expect(!texts[0].contains("Subtotal"))
        for description in Set(document.lineDescriptions.flatMap { $0.split(separator: "\n").map(String.init) }) {
            #expect(texts.contains { $0.contains(description) }, "missing \(description)")
        }
    }

    @Test("Amounts share one right edge and unit prices another", arguments: InvoicePDFTests.names)
    func amountsAreRightAligned(name: String) throws {
        let document = try InvoicePDFTests.document(name)
        let pages = try RenderedPDF(InvoicePDF.render(document)).words()
        var amountColumn = 0
        var rightEdges: [Double] = []
        for page in pages {
            let amounts = page.filter(\.isAmount)
            guard let right = amounts.map(\.xMax).max() else { continue }
            rightEdges.append(right)
            let column = amounts.filter { right - $0.xMax < 30 }
            #expect(column.allSatisfy { abs($0.xMax - right) <= 1 }, "\(name): \(column.map { ($0.text, $0.xMax) })")
            amountColumn += column.count
            // What is not in the amount column is a unit price: those share an edge too.
            let prices = amounts.filter { right - $0.xMax >= 30 }
            if let priceRight = prices.map(\.xMax).max() {
                #expect(prices.allSatisfy { abs($0.xMax - priceRight) <= 1 }, "\(name): \(prices.map { ($0.text, $0.xMax) })")
            }
        }
        // Six totals, and with several VAT treatments a row per treatment and their sum.
        let groups = document.invoice.taxGroups.count
        #expect(amountColumn == document.invoice.lines.count + 6 + (groups > 1 ? groups : 0), "\(name): one amount per line and the totals")
        let first = try #require(rightEdges.first)
        #expect(rightEdges.allSatisfy { abs($0 - first) <= 1 })
    }

    @Test("No text runs off the page, however long the names", arguments: InvoicePDFTests.names)
    func textStaysInsideMargins(name: String) throws {
        let document = try InvoicePDFTests.document(name)
        let pages = try RenderedPDF(InvoicePDF.render(document)).words()
        #expect(!pages.isEmpty)
        for word in pages.joined() {
            #expect(
                word.xMin >= Self.margin - 0.5 && word.xMax <= Self.pageWidth - Self.margin + 0.5,
                "\(name): \(word.text) at \(word.xMin)–\(word.xMax)")
        }
    }

    @Test("Long names are cut with an ellipsis and the invoice number is printed whole")
    func longNamesAreCut() throws {
        let document = PDFFixtures.longNames
        let pdf = try RenderedPDF(InvoicePDF.render(document))
        let text = try pdf.text()
        #expect(text.contains("…"))
        #expect(text.contains("Överlånga Företagsnamnet"))
        // The number may wrap inside its column, but every character of it is printed.
        let words = try pdf.words().joined().map(\.text).joined()
        #expect(words.contains(document.number))
        #expect(text.contains("999999999.99"))
    }

    @Test("Lines on one page never overlap")
    func rowsDoNotOverlap() throws {
        let pages = try RenderedPDF(InvoicePDF.render(PDFFixtures.eightyLines)).words()
        for page in pages {
            for (index, word) in page.enumerated() {
                for other in page[(index + 1)...] {
                    let overlaps =
                        word.xMin < other.xMax - 0.5 && other.xMin < word.xMax - 0.5 && word.yMin < other.yMax - 0.5
                        && other.yMin < word.yMax - 0.5
                    #expect(!overlaps, "\(word.text) overlaps \(other.text)")
                }
            }
        }
    }
}
