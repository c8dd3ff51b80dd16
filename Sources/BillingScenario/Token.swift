/// One word, string or colon of a scenario line.
struct Token: Sendable, Hashable {
    /// What a token is.
    enum Kind: Sendable, Hashable {
        /// A run of characters without spaces: a keyword, id, email, number, date, ….
        case word
        /// A double-quoted string, unescaped.
        case string
        /// The `:` ending an `on …:` or `as …:` prefix.
        case colon
    }

    /// Word, string or colon.
    var kind: Kind
    /// The text: the word, or the string's contents without quotes and escapes.
    var text: String
    /// The column of its first character, from 1.
    var column: Int
}
