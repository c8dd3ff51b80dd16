/// A mailbox in `From:` or `To:`: an optional display name and an address.
///
/// The display name is written as atoms when it is plain ASCII words, as a quoted-string
/// when it is ASCII with specials such as `,` or `.`, and otherwise as its atoms with RFC
/// 2047 encoded-words for the rest (non-ASCII letters, control characters, specials
/// next to non-ASCII letters, more than fits on a line).
///
/// Addresses are written as they are, in UTF-8 when the local part or domain is not ASCII
/// (RFC 6532 internationalized headers): there is no ASCII form of a non-ASCII local
/// part, and SMTP delivery negotiates `SMTPUTF8` for such messages. A local part that is
/// not a dot-atom (`a,b@example.com`) is quoted.
///
/// ```swift
/// MailboxAddress(displayName: "Åsa", address: "asa@example.com").words(forField: "To")
/// // ["=?utf-8?q?=C3=85sa?=", "<asa@example.com>"]
/// ```
struct MailboxAddress: Sendable, Hashable {
    /// The name shown to people; empty for none.
    var displayName: String
    /// The address, `local@domain`.
    var address: String

    /// A mailbox.
    init(displayName: String, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// The words of the mailbox in the field called `field`: the name's words then
    /// `<address>`, or the bare address when there is no name.
    func words(forField field: String) -> [String] {
        guard !displayName.isEmpty else { return [addrSpec] }
        return displayNameWords(forField: field) + ["<\(addrSpec)>"]
    }

    /// The display name as atoms, one quoted-string, or atoms and encoded-words.
    func displayNameWords(forField field: String) -> [String] {
        let longest = HeaderField.lineLimit - field.utf8.count - 2
        func isAtom(_ word: Substring) -> Bool {
            word.utf8.count <= longest && word.utf8.allSatisfy { QuotedString.isAtext($0) } && !EncodedWord.looksEncoded(word)
        }
        if let words = HeaderField.plainWords(displayName, maxWordLength: longest), !words.allSatisfy({ isAtom($0[...]) }),
            !EncodedWord.looksEncoded(displayName[...])
        {
            let quoted = QuotedString.quote(displayName)
            if quoted.utf8.count <= longest { return [quoted] }
        }
        return EncodedWord.words(for: displayName, maxLength: HeaderField.encodedWordLimit(forName: field), keepingPlain: isAtom)
    }

    /// The address with its local part quoted when it is not a dot-atom.
    var addrSpec: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        let local = address[..<at]
        if QuotedString.isDotAtom(local, allowingUTF8: true) { return address }
        return QuotedString.quote(String(local)) + address[at...]
    }
}
