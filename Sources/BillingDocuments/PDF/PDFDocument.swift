/// A PDF of A4 pages that write with Helvetica and Helvetica-Bold: catalog, page tree,
/// the two font dictionaries, one content stream per page, and `/Info`.
///
/// `/Info` holds the title and the producer "BillingSim" only: no creation date and no
/// file ID, so the same pages always give the same bytes.
package struct PDFDocument: Sendable, Hashable {
    /// A4 width in points (210 mm).
    package static let pageWidth = 595.28
    /// A4 height in points (297 mm).
    package static let pageHeight = 841.89

    /// The document title in `/Info`.
    package var title: String
    /// The pages, in order.
    package var pages: [PDFContent]

    /// A document of `pages` titled `title`.
    package init(title: String, pages: [PDFContent] = []) {
        self.title = title
        self.pages = pages
    }

    /// The file's bytes.
    package func render() -> [UInt8] {
        var writer = PDFWriter()
        let catalog = writer.reserve()
        let tree = writer.reserve()
        let fonts = PDFFont.allCases.map { font in
            (font, writer.add("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>"))
        }
        let fontEntries = fonts.map { "/\($0.0.resourceName) \($0.1) 0 R" }.joined(separator: " ")
        let mediaBox = "[0 0 \(PDFContent.number(Self.pageWidth)) \(PDFContent.number(Self.pageHeight))]"
        var kids: [Int] = []
        for page in pages {
            let contents = writer.addStream(page.bytes)
            kids.append(
                writer.add(
                    "<< /Type /Page /Parent \(tree) 0 R /MediaBox \(mediaBox) "
                        + "/Resources << /Font << \(fontEntries) >> >> /Contents \(contents) 0 R >>"))
        }
        let kidList = kids.map { "\($0) 0 R" }.joined(separator: " ")
        writer.set(tree, "<< /Type /Pages /Kids [\(kidList)] /Count \(kids.count) >>")
        writer.set(catalog, "<< /Type /Catalog /Pages \(tree) 0 R >>")
        let info = writer.add("<< /Title \(Self.textString(title)) /Producer (BillingSim) >>")
        return writer.finish(root: catalog, info: info)
    }

    /// `text` as a PDF text string for `/Info`: UTF-16BE with a byte-order mark, in hex,
    /// so any Unicode title survives.
    static func textString(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF")
        var hex = "<FEFF"
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { hex.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return hex + ">"
    }
}
