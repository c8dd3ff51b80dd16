/// A page's content stream being drawn: text, lines and filled rectangles, in points
/// from the bottom-left corner (PDF's own coordinates).
///
/// Numbers are written with at most two decimals, so the same drawing gives the same
/// bytes on every machine.
package struct PDFContent: Sendable, Hashable {
    /// The stream's bytes so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty page.
    package init() {}

    /// Draws `text` with its left end at `x` and its baseline at `y`.
    ///
    /// - Parameter gray: 0 for black, 1 for white.
    package mutating func text(_ text: String, x: Double, y: Double, font: PDFFont, size: Double, gray: Double = 0) {
        append("BT \(Self.number(gray)) g /\(font.resourceName) \(Self.number(size)) Tf ")
        append("\(Self.number(x)) \(Self.number(y)) Td ")
        bytes += WinAnsi.literal(text)
        append(" Tj ET\n")
    }

    /// Draws `text` with its right end at `right`: for amounts in a column.
    package mutating func text(
        _ text: String, right: Double, y: Double, font: PDFFont, size: Double, gray: Double = 0
    ) {
        self.text(text, x: right - font.width(of: text, size: size), y: y, font: font, size: size, gray: gray)
    }

    /// Draws a straight line `width` points thick.
    package mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double, gray: Double = 0) {
        append("\(Self.number(gray)) G \(Self.number(width)) w ")
        append("\(Self.number(start.x)) \(Self.number(start.y)) m \(Self.number(end.x)) \(Self.number(end.y)) l S\n")
    }

    /// Fills a rectangle whose bottom-left corner is at `x`, `y`.
    package mutating func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        append("\(Self.number(gray)) g \(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re f\n")
    }

    private mutating func append(_ text: String) { bytes += Array(text.utf8) }

    /// `value` rounded to hundredths, without trailing zeros: `12`, `12.5`, `-0.25`.
    package static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
