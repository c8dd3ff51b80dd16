internal import BillingCore

/// Reads the tokens of one line from left to right; every reader either returns a
/// value or throws a ``LineReader/Failure`` at the column of the offending token.
struct LineReader {
    /// A parse failure on this line.
    struct Failure: Error {
        var column: Int
        var message: String
        var hint: String?
    }

    let tokens: [Token]
    var position: Int
    /// The column just past the line's last token, where "expected more" points.
    let endColumn: Int

    init(_ tokens: [Token], endColumn: Int) {
        self.tokens = tokens
        self.position = 0
        self.endColumn = endColumn
    }

    /// True when every token has been read.
    var atEnd: Bool { position >= tokens.count }

    /// The next token, without reading it.
    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    /// The next token's text if it is a word.
    var peekWord: String? { peek.flatMap { $0.kind == .word ? $0.text : nil } }

    /// The column of the next token (or the end of the line).
    var column: Int { peek?.column ?? endColumn }

    /// A failure at the next token.
    func failure(_ message: String, hint: String? = nil) -> Failure {
        Failure(column: column, message: message, hint: hint)
    }

    /// Reads the next token, whatever it is.
    mutating func next(_ what: String) throws(Failure) -> Token {
        guard let token = peek else { throw failure("expected \(what) here, but the line ends") }
        position += 1
        return token
    }

    /// Reads a word (not a string or colon).
    mutating func word(_ what: String) throws(Failure) -> String {
        guard let token = peek else { throw failure("expected \(what) here, but the line ends") }
        guard token.kind == .word else { throw failure("expected \(what), found \(Self.describe(token))") }
        position += 1
        return token.text
    }

    /// Reads the word if it is `keyword`.
    mutating func accept(_ keyword: String) -> Bool {
        guard peekWord == keyword else { return false }
        position += 1
        return true
    }

    /// Reads `keyword` or fails saying what was expected.
    mutating func expect(_ keyword: String) throws(Failure) {
        guard accept(keyword) else {
            let found = peek.map(Self.describe) ?? "the end of the line"
            let hint = peekWord.flatMap { Suggestion.hint(for: $0, in: [keyword]) }
            throw failure("expected '\(keyword)', found \(found)", hint: hint)
        }
    }

    /// Reads one of `choices` and returns it.
    mutating func choice(_ what: String, _ choices: [String]) throws(Failure) -> String {
        guard let word = peekWord, choices.contains(word) else {
            let found = peek.map(Self.describe) ?? "the end of the line"
            let hint = peekWord.flatMap { Suggestion.hint(for: $0, in: choices) } ?? "one of: \(choices.joined(separator: ", "))"
            throw failure("expected \(what), found \(found)", hint: hint)
        }
        position += 1
        return word
    }

    /// Reads the next word if it is one of `choices`.
    mutating func optionalChoice(_ choices: [String]) -> String? {
        guard let word = peekWord, choices.contains(word) else { return nil }
        position += 1
        return word
    }

    /// Reads a double-quoted string.
    mutating func string(_ what: String) throws(Failure) -> String {
        guard let token = peek else { throw failure("expected \(what) (a \"quoted string\") here, but the line ends") }
        guard token.kind == .string else {
            throw failure("expected \(what) as a \"quoted string\", found \(Self.describe(token))")
        }
        guard token.text.utf8.count <= 4096 else { throw failure("\(what) is longer than 4096 bytes") }
        position += 1
        return token.text
    }

    /// Reads a string if the next token is one.
    mutating func optionalString(_ what: String) throws(Failure) -> String? {
        peek?.kind == .string ? try string(what) : nil
    }

    /// Reads the `:` of a prefix.
    mutating func colon(after what: String) throws(Failure) {
        guard peek?.kind == .colon else {
            throw failure("expected ':' after \(what)", hint: "write it as 'on 2026-03-10: …' or 'as anna@acme.se: …'")
        }
        position += 1
    }

    /// Fails unless the line has been read to its end.
    func finish() throws(Failure) {
        guard let token = peek else { return }
        throw Failure(column: token.column, message: "unexpected \(Self.describe(token)) at the end of the statement")
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .word: "'\(token.text.prefix(40))'"
        case .string: "a string"
        case .colon: "':'"
        }
    }
}
