/// Text made safe for identifiers inside a message: Message-IDs and MIME boundaries.
enum MailToken {
    /// `text` with every character but ASCII letters, digits and `-` replaced by `_`, cut
    /// to `maxLength` characters; `_` for empty text.
    ///
    /// The result is valid in a Message-ID's `dot-atom-text` and in a boundary.
    static func sanitized(_ text: String, maxLength: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(maxLength) {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
            result.unicodeScalars.append(keep ? scalar : "_")
        }
        return result.isEmpty ? "_" : result
    }
}
