import Foundation

/// One word of `pdftotext -bbox` output: its text and box in points from the top left.
struct PDFWord: Equatable {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double

    /// The words of each page of `pdftotext -bbox` HTML.
    static func pages(fromBBoxHTML html: String) -> [[PDFWord]] {
        var pages: [[PDFWord]] = []
        for line in html.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<page ") {
                pages.append([])
            } else if trimmed.hasPrefix("<word "), let word = PDFWord(trimmed), !pages.isEmpty {
                pages[pages.count - 1].append(word)
            }
        }
        return pages
    }

    /// Parses `<word xMin="1.0" yMin="2.0" xMax="3.0" yMax="4.0">text</word>`.
    init?(_ element: String) {
        guard let open = element.firstIndex(of: ">"), let close = element.range(of: "</word>") else { return nil }
        func attribute(_ name: String) -> Double? {
            guard let start = element.range(of: "\(name)=\"") else { return nil }
            let rest = element[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return Double(rest[..<end])
        }
        guard let xMin = attribute("xMin"), let yMin = attribute("yMin"), let xMax = attribute("xMax"),
            let yMax = attribute("yMax")
        else { return nil }
        let raw = String(element[element.index(after: open)..<close.lowerBound])
        text = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        self.xMin = xMin
        self.yMin = yMin
        self.xMax = xMax
        self.yMax = yMax
    }

    /// True for amounts as ``Money/decimalString`` prints them: `1150.00`, `-3.50`.
    var isAmount: Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
