/// A standard-14 font the writer uses: no embedding, metrics from ``FontMetrics``.
package enum PDFFont: Sendable, Hashable, CaseIterable {
    /// Helvetica, for body text.
    case helvetica
    /// Helvetica-Bold, for headings and totals.
    case helveticaBold

    /// The PostScript name: `/BaseFont` in the font dictionary.
    package var baseFont: String {
        switch self {
        case .helvetica: "Helvetica"
        case .helveticaBold: "Helvetica-Bold"
        }
    }

    /// The name content streams use for it: `/F1` or `/F2` in each page's resources.
    package var resourceName: String {
        switch self {
        case .helvetica: "F1"
        case .helveticaBold: "F2"
        }
    }

    /// Advance widths in 1/1000 em, indexed by WinAnsi code.
    package var widths: [UInt16] {
        switch self {
        case .helvetica: FontMetrics.helvetica
        case .helveticaBold: FontMetrics.helveticaBold
        }
    }

    /// The width of WinAnsi `bytes` in 1/1000 em.
    package func units(_ bytes: [UInt8]) -> Int {
        let table = widths
        return bytes.reduce(0) { $0 + Int(table[Int($1)]) }
    }

    /// The width of `text` in points at `size`, as printed (see ``WinAnsi/encode(_:)``).
    package func width(of text: String, size: Double) -> Double {
        Double(units(WinAnsi.encode(text))) * size / 1000
    }
}
