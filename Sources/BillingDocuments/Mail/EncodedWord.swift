/// RFC 2047 encoded-words (`=?utf-8?q?…?=`) for header text that is not plain ASCII.
///
/// We prefer the Q encoding: invoice subjects and names are mostly ASCII with a few
/// letters like å, ä and ö, which Q keeps readable where B would hide the whole text. Only
/// the characters RFC 2047 §5 (3) allows in a phrase stand for themselves (letters,
/// digits, `! * + - /`), a space is `_`, everything else is `=XX`; the same words are
/// therefore valid in a display name and in `Subject:`. Text that is mostly not ASCII
/// (Japanese: nine characters per ideograph in Q, four in B) uses B, which is then both
/// shorter and no less readable.
///
/// The text is cut between Unicode scalars, never inside one, so each word decodes to
/// valid UTF-8 on its own. Decoders drop the whitespace between adjacent encoded-words,
/// so a caller folds the words with `CRLF SP` and spaces in the text survive as `_`.
///
/// ```swift
/// EncodedWord.words(for: "Åsa Öberg")  // ["=?utf-8?q?=C3=85sa_=C3=96berg?="]
/// ```
enum EncodedWord {
    /// The longest an encoded-word may be (RFC 2047 §2).
    static let maximumLength = 75
    /// What opens a Q-encoded word: charset and encoding.
    static let qOpening = "=?utf-8?q?"
    /// What opens a B-encoded word.
    static let bOpening = "=?utf-8?b?"
    /// What closes every word.
    static let closing = "?="

    /// `text` as header words: the words `isPlain` accepts as they are, each run of the
    /// others as encoded-words of at most `maxLength` characters.
    ///
    /// `Invoice ÅÄÖ-000001 from Företag AB` becomes
    /// `Invoice =?utf-8?q?=C3=85=C3=84=C3=96-000001?= from =?utf-8?q?F=C3=B6retag?= AB`:
    /// readable, and every decoder keeps the space between an encoded-word and plain
    /// text. Encoding runs rather than single words keeps spaces between two encoded words
    /// inside the encoding, and adjacent encoded-words appear only for runs too long for one
    /// word, which matters because some decoders (Python's address parser before CPython
    /// gh-128110) wrongly keep the space between them. Text whose spacing is not single
    /// spaces between words is encoded whole, so the spacing survives exactly.
    static func words(for text: String, maxLength: Int = maximumLength, keepingPlain isPlain: (Substring) -> Bool) -> [String] {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty }) else { return words(for: text, maxLength: maxLength) }
        var result: [String] = []
        var run: [Substring] = []
        for part in parts {
            if isPlain(part) {
                if !run.isEmpty { result += words(for: run.joined(separator: " "), maxLength: maxLength) }
                run = []
                result.append(String(part))
            } else {
                run.append(part)
            }
        }
        if !run.isEmpty { result += words(for: run.joined(separator: " "), maxLength: maxLength) }
        return result
    }

    /// `text` as encoded-words, each at most `maxLength` characters long: Q-encoded, or
    /// B-encoded when most of its scalars are not ASCII.
    ///
    /// `maxLength` is at least 24, room for the longest scalar (four bytes, `=XX` each).
    /// Empty text gives no words.
    static func words(for text: String, maxLength: Int = maximumLength) -> [String] {
        let budget = min(maxLength, maximumLength) - qOpening.utf8.count - closing.utf8.count
        precondition(budget >= 12, "An encoded-word of \(maxLength) characters cannot hold a four-byte scalar")
        let nonASCII = text.unicodeScalars.count { !$0.isASCII }
        let mostlyNonASCII = nonASCII * 2 > text.unicodeScalars.count
        return mostlyNonASCII ? bWords(for: text, budget: budget) : qWords(for: text, budget: budget)
    }

    /// Q-encoded words with at most `budget` characters of encoded text each.
    static func qWords(for text: String, budget: Int) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let token = encode(scalar)
            if !current.isEmpty, current.utf8.count + token.utf8.count > budget {
                words.append(qOpening + current + closing)
                current = ""
            }
            current += token
        }
        if !current.isEmpty { words.append(qOpening + current + closing) }
        return words
    }

    /// B-encoded words with at most `budget` characters of encoded text each: whole
    /// scalars, at most three bytes for every four characters.
    static func bWords(for text: String, budget: Int) -> [String] {
        let maximumBytes = budget / 4 * 3
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            words.append(bOpening + String(decoding: Base64Lines.encode(current), as: UTF8.self) + closing)
            current = []
        }
        for scalar in text.unicodeScalars {
            if !current.isEmpty, current.count + scalar.utf8.count > maximumBytes { flush() }
            current += scalar.utf8
        }
        if !current.isEmpty { flush() }
        return words
    }

    /// True when `word` could be read as (part of) an encoded-word and so may not be plain.
    static func looksEncoded(_ word: Substring) -> Bool { word.contains("=?") || word.contains("?=") }

    /// One scalar in Q encoding: itself, `_` for a space, or `=XX` per UTF-8 byte.
    static func encode(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "_" }
        if scalar.isASCII, isLiteral(UInt8(scalar.value)) { return String(scalar) }
        return String(decoding: scalar.utf8.flatMap(QuotedPrintable.escape), as: UTF8.self)
    }

    /// True for the ASCII bytes that may stand for themselves in Q-encoded text in a phrase.
    static func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
