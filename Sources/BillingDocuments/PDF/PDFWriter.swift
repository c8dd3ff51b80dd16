/// Numbered objects written out as a PDF 1.4 file with a cross-reference table.
///
/// The writer knows nothing about pages or fonts (``PDFDocument`` does): it keeps object
/// bodies, then writes the header, the objects, the `xref` table with each object's byte
/// offset, and the trailer. Same objects in, same bytes out.
///
/// ```swift
/// var writer = PDFWriter()
/// let catalog = writer.reserve()
/// writer.set(catalog, "<< /Type /Catalog /Pages 2 0 R >>")
/// let bytes = writer.finish(root: catalog, info: nil)
/// ```
package struct PDFWriter {
    private var bodies: [[UInt8]] = []

    /// An empty file.
    package init() {}

    /// The number of objects so far.
    package var count: Int { bodies.count }

    /// Reserves the next object number, for objects that refer to each other; fill it in
    /// with ``set(_:_:)`` before ``finish(root:info:)``.
    package mutating func reserve() -> Int {
        bodies.append([])
        return bodies.count
    }

    /// Sets the body of object `number` (everything between `obj` and `endobj`).
    package mutating func set(_ number: Int, _ body: [UInt8]) {
        precondition((1...bodies.count).contains(number), "object \(number) was never reserved")
        bodies[number - 1] = body
    }

    /// Sets the body of object `number` from ASCII text.
    package mutating func set(_ number: Int, _ body: String) { set(number, Array(body.utf8)) }

    /// Adds an object and returns its number.
    package mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// Adds an uncompressed stream object holding `data` and returns its number.
    package mutating func addStream(_ data: [UInt8]) -> Int {
        var body = Array("<< /Length \(data.count) >>\nstream\n".utf8)
        body += data
        body += Array("\nendstream".utf8)
        let number = reserve()
        set(number, body)
        return number
    }

    /// The whole file: header, objects, `xref`, trailer pointing at `root` and `info`.
    package func finish(root: Int, info: Int?) -> [UInt8] {
        // The second line's high bytes tell transfer tools the file is binary.
        var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, body) in bodies.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8)
            out += body
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, newline.
        var table = "xref\n0 \(bodies.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += "\(padded(offset, 10)) 00000 n \n" }
        let infoEntry = info.map { " /Info \($0) 0 R" } ?? ""
        table += "trailer\n<< /Size \(bodies.count + 1) /Root \(root) 0 R\(infoEntry) >>\n"
        table += "startxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
