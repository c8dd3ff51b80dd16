extension User {
    /// The canonical form of an email address (trimmed, lower-cased), or `nil` if it is
    /// not an address.
    ///
    /// An address is `local@domain`, at most 254 bytes of UTF-8:
    /// - the local part (at most 64 bytes) is dot-separated atoms of letters, digits,
    ///   `-`, `_` and `+` (no quoted forms, no other symbols);
    /// - the domain is two or more dot-separated labels of letters, digits and `-` (1 to
    ///   63 bytes each, no `-` at either end), the last one letters only, at least two
    ///   (a top-level domain: no IP literals, no `javascript:alert(1)`).
    ///
    /// Letters are any Unicode letters (`björn@stålverk.se`, as internationalised mail
    /// allows); digits are ASCII.
    public static func normalize(email: String) -> String? {
        if isNormalized(email) { return email }
        let trimmed = email.trimmingSpaces().lowercased()
        guard trimmed.utf8.count <= 254, isAddress(trimmed.lazy.map(symbol)) else { return nil }
        return trimmed
    }

    /// True when `email` is already canonical: ASCII without upper case, and an address.
    /// Checked on bytes, so registering millions of generated users allocates nothing here.
    private static func isNormalized(_ email: String) -> Bool {
        email.utf8.count <= 254 && isAddress(email.utf8.lazy.map(symbol))
    }

    /// What one character of an address is, and its size in UTF-8.
    private enum Symbol {
        case letter, digit, hyphen, dot, at, localOnly, other
    }

    private static func symbol(_ byte: UInt8) -> (Symbol, Int) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): (.letter, 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): (.digit, 1)
        case UInt8(ascii: "-"): (.hyphen, 1)
        case UInt8(ascii: "."): (.dot, 1)
        case UInt8(ascii: "@"): (.at, 1)
        case UInt8(ascii: "_"), UInt8(ascii: "+"): (.localOnly, 1)
        default: (.other, 1)
        }
    }

    private static func symbol(_ character: Character) -> (Symbol, Int) {
        let size = character.utf8.count
        if character.isASCII, let byte = character.asciiValue {
            return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? (.other, 1) : symbol(byte)
        }
        return (character.isLetter && !character.isUppercase ? .letter : .other, size)
    }

    /// The address rules over a stream of symbols.
    private static func isAddress<S: Sequence>(_ symbols: S) -> Bool where S.Element == (Symbol, Int) {
        var inDomain = false
        var localBytes = 0
        var partBytes = 0  // the current atom or label
        var labels = 0
        var previous = Symbol.at  // as if an `@` came before: no leading dot
        var labelIsLetters = true
        var labelLetters = 0
        for (symbol, size) in symbols {
            switch symbol {
            case .other: return false
            case .at:
                guard !inDomain, partBytes > 0 else { return false }
                inDomain = true
                partBytes = 0
                labelIsLetters = true
                labelLetters = 0
            case .dot:
                guard partBytes > 0, !(inDomain && previous == .hyphen) else { return false }
                if inDomain { labels += 1 }
                partBytes = 0
                labelIsLetters = true
                labelLetters = 0
            case .hyphen:
                if inDomain, partBytes == 0 { return false }
                partBytes += size
                labelIsLetters = false
            case .localOnly:
                guard !inDomain else { return false }
                partBytes += size
            case .letter, .digit:
                partBytes += size
                if symbol == .letter { labelLetters += 1 } else { labelIsLetters = false }
            }
            if !inDomain, symbol != .at { localBytes += size }
            if inDomain, partBytes > 63 { return false }
            previous = symbol
        }
        guard inDomain, localBytes <= 64, partBytes > 0, previous != .hyphen, labels >= 1 else { return false }
        return labelIsLetters && labelLetters >= 2
    }
}
