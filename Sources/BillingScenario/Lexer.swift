/// Splits one line into tokens. Never traps: anything it cannot read becomes an error
/// with the column where reading stopped.
enum Lexer {
    /// A lexing failure: the column and what is wrong there.
    struct Failure: Error {
        var column: Int
        var message: String
    }

    /// The tokens of `line` (without its line break); a `#` outside a string starts a
    /// comment that runs to the end of the line.
    ///
    /// Control characters are refused anywhere in the line, strings and comments too
    /// (lines are echoed in reports and diagnostics, and strings reach mail headers): C0
    /// controls but tab, DEL, C1 controls, line and paragraph separators and the bidi
    /// controls. A carriage return is allowed only at the end of the line (CRLF files).
    static func tokens(of line: String) throws(Failure) -> [Token] {
        let characters = Array(line)
        var end = characters.count
        while end > 0, characters[end - 1] == "\r" { end -= 1 }
        for index in 0..<end where characters[index] != "\t" {
            if let bad = characters[index].unicodeScalars.first(where: isControl) {
                throw Failure(column: index + 1, message: "control character U+\(hex(bad.value)) is not allowed")
            }
        }
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" || character == "\r" {
                index += 1
                continue
            }
            if character == "#" { break }
            if character == "\"" {
                let (text, end) = try string(characters, from: index)
                tokens.append(Token(kind: .string, text: text, column: index + 1))
                index = end
                if index < characters.count, !isSeparator(characters[index]) {
                    throw Failure(column: index + 1, message: "a string must be followed by a space")
                }
                continue
            }
            let start = index
            while index < characters.count, !isSeparator(characters[index]), characters[index] != "#" {
                if characters[index] == "\"" {
                    throw Failure(column: index + 1, message: "a quote inside a word; put a space before the string")
                }
                index += 1
            }
            var word = String(characters[start..<index])
            if word.count > 1, word.hasSuffix(":") {
                word.removeLast()
                tokens.append(Token(kind: .word, text: word, column: start + 1))
                tokens.append(Token(kind: .colon, text: ":", column: index))
            } else if word == ":" {
                tokens.append(Token(kind: .colon, text: ":", column: start + 1))
            } else {
                tokens.append(Token(kind: .word, text: word, column: start + 1))
            }
            if index < characters.count, characters[index] == "#" { break }
        }
        return tokens
    }

    /// Reads a string starting at the quote at `start`; returns its text and the index
    /// after the closing quote.
    private static func string(_ characters: [Character], from start: Int) throws(Failure) -> (String, Int) {
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                return (text, index + 1)
            case "\\":
                guard index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" else {
                    throw Failure(column: index + 1, message: "unknown escape in a string: only \\\" and \\\\ are allowed")
                }
                text.append(characters[index + 1])
                index += 2
            default:
                text.append(character)
                index += 1
            }
        }
        throw Failure(column: start + 1, message: "this string has no closing quote")
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
