/// One header field, folded so that no line is longer than 78 octets (RFC 5322 §2.1.1).
///
/// A value is a list of words that may be separated by folding white space; the field is
/// written as `Name: word word`, and a word that would overflow the line starts a new one
/// after `CRLF SP`. Unfolding (removing the CRLFs) gives back the words joined by single
/// spaces. Lengths count UTF-8 octets, because addresses may be UTF-8 (RFC 6532).
///
/// ```swift
/// HeaderField("MIME-Version", words: ["1.0"]).folded  // "MIME-Version: 1.0"
/// ```
struct HeaderField: Sendable, Hashable {
    /// The longest line we write, in octets, CRLF not counted.
    static let lineLimit = 78

    /// The field name, such as `Subject`.
    var name: String
    /// The words of the value, in order.
    var words: [String]

    /// A field with `words`.
    init(_ name: String, words: [String]) {
        self.name = name
        self.words = words
    }

    /// The field with CRLF between its lines and none at the end.
    ///
    /// A single word longer than a line (an address of 80 characters) cannot be folded and
    /// gets a line of its own.
    var folded: String {
        var lines: [String] = []
        var line = name + ":"
        for word in words {
            if line.utf8.count + 1 + word.utf8.count > HeaderField.lineLimit, line != name + ":" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// The longest encoded-word that fits on the first line after `name: `, and so on every
    /// continuation line too.
    static func encodedWordLimit(forName name: String) -> Int {
        min(EncodedWord.maximumLength, lineLimit - name.utf8.count - 2)
    }

    /// An unstructured field (`Subject:`): printable ASCII words as they are, runs of
    /// other words as encoded-words.
    static func unstructured(_ name: String, text: String) -> HeaderField {
        let longest = lineLimit - name.utf8.count - 2
        let words = EncodedWord.words(for: text, maxLength: encodedWordLimit(forName: name)) { word in
            word.utf8.count <= longest && word.utf8.allSatisfy { (0x21...0x7E).contains($0) } && !EncodedWord.looksEncoded(word)
        }
        return HeaderField(name, words: words)
    }

    /// A field of a MIME value and its parameters: `application/pdf; name="A-1.pdf"`.
    static func parameterized(_ name: String, value: String, parameters: [MIMEParameter]) -> HeaderField {
        let parameterWords = parameters.map { $0.words(maxWordLength: lineLimit - 2) }.filter { !$0.isEmpty }
        var words = [value]
        for group in parameterWords {
            words[words.count - 1] += ";"
            words += group.dropLast().map { $0 + ";" }
            words += group.suffix(1)
        }
        return HeaderField(name, words: words)
    }

    /// The words of `text` when it is printable ASCII with single spaces between words and
    /// no word longer than `maxWordLength`; `nil` otherwise.
    static func plainWords(_ text: String, maxWordLength: Int) -> [String]? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.allSatisfy({ !$0.isEmpty && $0.utf8.count <= maxWordLength }) else { return nil }
        return words.map(String.init)
    }
}
