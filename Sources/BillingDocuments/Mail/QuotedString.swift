/// RFC 5322 quoted-strings and the atoms that need none.
enum QuotedString {
    /// `text` between double quotes, with `\` and `"` escaped by a backslash.
    static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// True for `atext` (RFC 5322 §3.2.3): letters, digits and ``!#$%&'*+-/=?^_`{|}~``,
    /// plus every non-ASCII byte of UTF-8 when `allowingUTF8` (RFC 6532 §3.2).
    static func isAtext(_ byte: UInt8, allowingUTF8: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case 0x80...0xFF:
            return allowingUTF8
        default:
            return atextSymbols.contains(byte)
        }
    }

    /// True when `text` is a `dot-atom-text`: atoms of atext joined by single dots.
    static func isDotAtom(_ text: Substring, allowingUTF8: Bool = false) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.utf8.allSatisfy { isAtext($0, allowingUTF8: allowingUTF8) } }
    }

    /// The symbols of atext.
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)
}
