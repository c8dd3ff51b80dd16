/// The quoted-printable content transfer encoding of RFC 2045 §6.7, for UTF-8 text.
///
/// Line breaks of the text (`\n` or `\r\n`) become hard line breaks; longer lines get soft
/// line breaks (`=` at the end of a line) so no encoded line is longer than 76 characters.
/// `=`, control characters and every byte outside ASCII are written as `=XX`, and so are a
/// space or tab at the end of a line, which transports may strip. The escapes of one
/// Unicode scalar are never split across a soft line break, so each line stays readable.
///
/// ```swift
/// QuotedPrintable.lines(for: "Amount = 5 €\n")  // ["Amount =3D 5 =E2=82=AC", ""]
/// ```
enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included (RFC 2045 §6.7 rule 5).
    static let maximumLineLength = 76

    /// The encoded lines of `text`, without line terminators: join them with CRLF.
    ///
    /// A text ending in a line break gives a last empty line, so the break survives.
    static func lines(for text: String) -> [String] {
        var result: [String] = []
        // In a String, CRLF is one Character, so both line endings are matched whole.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            result += encode(line: line)
        }
        return result
    }

    /// One line of text (no line breaks) as one or more encoded lines, all but the last
    /// ending in a soft line break.
    static func encode(line: Substring) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var output: [String] = []
        var current = ""
        for (index, scalar) in scalars.enumerated() {
            let isLast = index == scalars.count - 1
            let token = encode(scalar, atLineEnd: isLast)
            // The last token may use the whole line; any other needs room for a soft break.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if !current.isEmpty, current.utf8.count + token.utf8.count > limit {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output
    }

    /// One scalar as it appears in the encoded text: itself, or `=XX` per UTF-8 byte.
    static func encode(_ scalar: Unicode.Scalar, atLineEnd: Bool) -> String {
        let value = scalar.value
        let isWhitespace = value == 0x20 || value == 0x09
        let isLiteral = (0x21...0x7E).contains(value) && value != 0x3D
        if isLiteral || (isWhitespace && !atLineEnd) { return String(scalar) }
        return String(decoding: scalar.utf8.flatMap(escape), as: UTF8.self)
    }

    /// `=XX` with upper-case hex digits, as bytes.
    static func escape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
