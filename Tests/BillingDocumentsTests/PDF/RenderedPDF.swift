import Foundation
import Testing

/// A rendered PDF written to a temporary file, with the tools' views of it.
struct RenderedPDF: ~Copyable {
    /// Where the file is.
    let url: URL

    /// Writes `bytes` to a new temporary file.
    init(_ bytes: [UInt8]) throws {
        url = PDFTools.temporaryFile("invoice.pdf")
        try Data(bytes).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `qpdf --check`'s output; the test fails unless it exits 0.
    func check() throws -> String {
        let output = try PDFTools.run("qpdf", ["--check", url.path])
        #expect(output.status == 0, "qpdf --check failed: \(output.stdout) \(output.stderr)")
        return output.stdout
    }

    /// The text as `pdftotext -layout` reads it, pages separated by form feeds.
    func text() throws -> String {
        let output = try PDFTools.run("pdftotext", ["-layout", url.path, "-"])
        #expect(output.status == 0, "pdftotext failed: \(output.stderr)")
        return output.stdout
    }

    /// The page count `pdfinfo` reports.
    func pageCount() throws -> Int? {
        let output = try PDFTools.run("pdfinfo", [url.path])
        #expect(output.status == 0, "pdfinfo failed: \(output.stderr)")
        let line = output.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// Every word with its box, page by page, as `pdftotext -bbox` reads them.
    func words() throws -> [[PDFWord]] {
        let output = try PDFTools.run("pdftotext", ["-bbox", url.path, "-"])
        #expect(output.status == 0, "pdftotext -bbox failed: \(output.stderr)")
        return PDFWord.pages(fromBBoxHTML: output.stdout)
    }
}
