/// Turns a relative file path from the model into an `href`.
enum PathEncoding {
    /// `path` with every byte outside the URL unreserved set (`A-Z a-z 0-9 - . _ ~`)
    /// percent-encoded as UTF-8, keeping `/` between segments.
    ///
    /// A path starting with `//` gets a `.` prefix (`.//host/a.pdf`), so it cannot be read as a link to
    /// another host. The result still needs ``HTMLEscaping/attribute(_:)``, though it
    /// contains no character that escaping changes.
    static func href(_ path: String) -> String {
        var result = path.hasPrefix("//") ? "." : ""
        for byte in path.utf8 {
            if isKept(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return result
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
    }
}
