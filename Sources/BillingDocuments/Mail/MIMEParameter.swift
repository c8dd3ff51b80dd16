/// A parameter of a MIME header field, such as `filename="ACME-000003.pdf"`.
///
/// A value that is a MIME token (`utf-8`) is written bare unless the parameter asks to be
/// quoted; other short printable-ASCII values are quoted-strings. Anything else (non-ASCII
/// letters in an invoice prefix, or a value too long for one line) uses RFC 2231: UTF-8,
/// percent-encoded, split into numbered continuations (`filename*0*=utf-8''…`) at whole
/// `%XX` escapes.
struct MIMEParameter: Sendable, Hashable {
    /// The attribute, such as `filename`.
    var name: String
    /// The value, any Unicode.
    var value: String
    /// True to quote even a token value, as mail programs expect of file names.
    var alwaysQuoted: Bool

    /// A parameter.
    init(_ name: String, _ value: String, alwaysQuoted: Bool = false) {
        self.name = name
        self.value = value
        self.alwaysQuoted = alwaysQuoted
    }

    /// The parameter as one or more words, each at most `maxWordLength` octets; a header
    /// separates them with `;`.
    func words(maxWordLength: Int) -> [String] {
        if !alwaysQuoted, !value.isEmpty, value.utf8.allSatisfy(MIMEParameter.isTokenChar) {
            let word = "\(name)=\(value)"
            if word.utf8.count <= maxWordLength { return [word] }
        }
        if value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            let word = "\(name)=" + QuotedString.quote(value)
            if word.utf8.count <= maxWordLength { return [word] }
        }
        return continuations(maxWordLength: maxWordLength)
    }

    /// RFC 2231 §3 and §4: `name*=utf-8''…`, or `name*0*=utf-8''…; name*1*=…` when long.
    func continuations(maxWordLength: Int) -> [String] {
        let tokens = value.utf8.map { byte in
            MIMEParameter.isAttributeChar(byte)
                ? String(UnicodeScalar(byte)) : "%" + String(decoding: QuotedPrintable.escape(byte).dropFirst(), as: UTF8.self)
        }
        let single = "\(name)*=utf-8''" + tokens.joined()
        if single.utf8.count <= maxWordLength { return [single] }
        var words: [String] = []
        var current = "\(name)*0*=utf-8''"
        for token in tokens {
            if current.utf8.count + token.utf8.count > maxWordLength {
                words.append(current)
                current = "\(name)*\(words.count)*="
            }
            current += token
        }
        words.append(current)
        return words
    }

    /// True for the bytes of a MIME token (RFC 2045 §5.1): printable ASCII but tspecials.
    static func isTokenChar(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !Array("()<>@,;:\\\"/[]?=".utf8).contains(byte)
    }

    /// True for the bytes RFC 2231 lets stand for themselves: a token character other than
    /// `*`, `'` and `%`.
    static func isAttributeChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$&+-.^_`|~".utf8).contains(byte)
        }
    }
}
