internal import Foundation

/// Windows-1252 ("WinAnsiEncoding" in PDF): the one-byte encoding the standard fonts use.
///
/// ASCII and Latin-1 (å ä ö é ü ß …) map to themselves; 0x80–0x9F hold the typographic
/// extras (€ – — “ ” ‘ ’ • … ™). Anything else prints as `?`.
package enum WinAnsi {
    /// The byte printed for characters the encoding cannot show.
    package static let replacement: UInt8 = 0x3F

    /// The Windows-1252 byte of `scalar`, or `nil` when it has none.
    package static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        switch value {
        case 0x20...0x7E, 0xA0...0xFF: return UInt8(value)
        default: return extras[value]
        }
    }

    /// `text` as Windows-1252 bytes, one byte per character.
    ///
    /// Text is composed first (an `e` plus a combining accent becomes `é`); tabs and line
    /// breaks become spaces; a character with no byte (emoji, CJK, controls) becomes `?`.
    package static func encode(_ text: String) -> [UInt8] {
        // Most text is printable ASCII, which is already Windows-1252: skip composing.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return Array(text.utf8) }
        // Text whose every scalar has a byte (Latin-1, €, dashes) needs no composing either;
        // composing through Foundation was a third of the export's time.
        if let bytes = directBytes(text) { return bytes }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isNewline || character == "\t" {
                bytes.append(0x20)
                continue
            }
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, let byte = byte(for: scalar) {
                bytes.append(byte)
            } else {
                bytes.append(replacement)
            }
        }
        return bytes
    }

    /// One byte per scalar when every scalar has one (tabs and line feeds as spaces);
    /// `nil` when composing could change the result.
    private static func directBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                bytes.append(0x20)
            } else if let byte = byte(for: scalar) {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// `bytes` as a PDF literal string, parentheses included: `(`, `)` and `\` are
    /// escaped with a backslash.
    package static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x28]
        out.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            if byte == 0x28 || byte == 0x29 || byte == 0x5C { out.append(0x5C) }
            out.append(byte)
        }
        out.append(0x29)
        return out
    }

    /// `text` encoded and escaped as a PDF literal string.
    package static func literal(_ text: String) -> [UInt8] { literal(encode(text)) }

    /// The characters of 0x80–0x9F, by Unicode scalar value (five codes are unused).
    private static let extras: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
