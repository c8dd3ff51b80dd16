import BillingDocuments
import Testing

@Suite("Font metrics")
struct FontMetricsTests {
    @Test(
        "Helvetica widths are the AFM values",
        arguments: [("W", 944), ("i", 222), (" ", 278), ("0", 556), ("€", 556), ("å", 556), ("Ö", 778), ("—", 1000)]
            as [(String, Int)])
    func helveticaWidths(text: String, units: Int) {
        #expect(PDFFont.helvetica.units(WinAnsi.encode(text)) == units)
    }

    @Test(
        "Helvetica-Bold widths are the AFM values",
        arguments: [("W", 944), ("i", 278), (" ", 278), ("0", 556), ("€", 556), ("m", 889)] as [(String, Int)])
    func helveticaBoldWidths(text: String, units: Int) {
        #expect(PDFFont.helveticaBold.units(WinAnsi.encode(text)) == units)
    }

    @Test("Both tables cover every WinAnsi code and only unused codes are zero")
    func tablesAreComplete() {
        let unused: Set<Int> = Set(0..<0x20).union([0x81, 0x8D, 0x8F, 0x90, 0x9D])
        for font in PDFFont.allCases {
            #expect(font.widths.count == 256)
            for code in 0..<256 {
                #expect((font.widths[code] == 0) == unused.contains(code), "\(font) code \(code)")
            }
        }
    }

    @Test("A string's width is the sum of its glyphs scaled to the size")
    func stringWidth() {
        // "Wi " = 944 + 222 + 278 = 1444 units: 14.44 points at 10 pt.
        #expect(abs(PDFFont.helvetica.width(of: "Wi ", size: 10) - 14.44) < 1e-9)
        #expect(abs(PDFFont.helveticaBold.width(of: "Wi ", size: 10) - 15.0) < 1e-9)
        #expect(PDFFont.helvetica.width(of: "", size: 10) == 0)
    }

    @Test("Truncated text fits and ends in an ellipsis")
    func truncation() {
        let font = PDFFont.helvetica
        let text = "Åkerlund & Öberg Aktiebolag i Stockholm"
        #expect(font.truncated(text, size: 9, maxWidth: 1000) == text)
        let cut = font.truncated(text, size: 9, maxWidth: 60)
        #expect(cut.hasSuffix("…"))
        #expect(font.width(of: cut, size: 9) <= 60)
        #expect(text.hasPrefix(cut.dropLast()))
    }

    @Test("Wrapped text breaks at spaces, splits overlong words and keeps every line in width")
    func wrapping() {
        let font = PDFFont.helvetica
        #expect(font.wrapped("one two three", size: 10, maxWidth: 1000) == ["one two three"])
        #expect(font.wrapped("one two three", size: 10, maxWidth: font.width(of: "one two", size: 10)) == ["one two", "three"])
        let word = String(repeating: "W", count: 40)
        let lines = font.wrapped(word, size: 10, maxWidth: 50)
        #expect(lines.joined() == word)
        #expect(lines.allSatisfy { font.width(of: $0, size: 10) <= 50 })
        #expect(font.wrapped("a\nb", size: 10, maxWidth: 100) == ["a", "b"])
    }

    @Test("Wrapping to fewer lines than needed ends the last line in an ellipsis")
    func wrappingWithLimit() {
        let font = PDFFont.helvetica
        let lines = font.wrapped(String(repeating: "word ", count: 50), size: 10, maxWidth: 80, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { font.width(of: $0, size: 10) <= 80 })
    }
}
