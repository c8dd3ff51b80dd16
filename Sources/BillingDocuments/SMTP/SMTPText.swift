/// Makes text a server sent safe to print: control characters escaped, length capped.
///
/// A hostile server's reply ends up in the delivery report and on the terminal; raw, a
/// `\r` could overwrite a line, an escape sequence could recolour or clear the screen,
/// and a bidirectional override could reorder what a reader sees.
public enum SMTPText {
    /// The most characters a printed reply keeps; longer ones end in `…`.
    public static let maximumLength = 300

    /// `text` with C0 and C1 control characters, DEL, format characters (bidirectional
    /// overrides, zero-width spaces) and line separators written as visible escapes
    /// (`\r`, `\n`, `\t`, `\u{1B}`), cut to `limit` characters plus `…`.
    ///
    /// The result has no control characters left, so printing it again changes nothing:
    /// `printable(printable(x)) == printable(x)`. (A backslash is kept as it is, so a
    /// server could spell `\r` itself; that only looks odd, it cannot move the cursor.)
    ///
    /// ```swift
    /// SMTPText.printable("550 no\r\n\u{1B}[2J")  // #"550 no\r\n\u{1B}[2J"#
    /// ```
    ///
    /// - Complexity: O(*n*) in the length of the result: reading stops at the limit.
    public static func printable(_ text: String, limit: Int = maximumLength) -> String {
        var output = ""
        var length = 0  // scalars in `output`
        for scalar in text.unicodeScalars {
            let piece: String
            switch scalar {
            case "\r": piece = "\\r"
            case "\n": piece = "\\n"
            case "\t": piece = "\\t"
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .format || category == .lineSeparator
                    || category == .paragraphSeparator
                {
                    piece = "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    piece = String(scalar)
                }
            }
            let pieceLength = piece.unicodeScalars.count
            guard length + pieceLength <= limit else { return output + "…" }
            output += piece
            length += pieceLength
        }
        return output
    }
}
