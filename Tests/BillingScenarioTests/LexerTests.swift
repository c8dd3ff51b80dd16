import Testing

@testable import BillingScenario

/// A token as the tests write it: kind, text, column.
private struct Lexed: Hashable, CustomStringConvertible {
    var kind: Token.Kind
    var text: String
    var column: Int

    init(_ kind: Token.Kind, _ text: String, _ column: Int) {
        self.kind = kind
        self.text = text
        self.column = column
    }

    init(_ token: Token) { self.init(token.kind, token.text, token.column) }

    var description: String { "\(kind) '\(text)' @\(column)" }
}

private func lex(_ line: String) throws -> [Lexed] {
    try Lexer.tokens(of: line).map(Lexed.init)
}

/// The column and message of the failure lexing `line`.
private func lexFailure(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Lexer.Failure? {
    do {
        let tokens = try Lexer.tokens(of: line)
        Issue.record("expected a lexing failure, got \(tokens.map(Lexed.init))", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Lexer")
struct LexerTests {
    @Test func wordsAreSeparatedBySpacesAndKeepTheirColumns() throws {
        #expect(
            try lex("expect  acme invoices 3") == [
                Lexed(.word, "expect", 1), Lexed(.word, "acme", 9), Lexed(.word, "invoices", 14), Lexed(.word, "3", 23),
            ])
    }

    @Test func aTabCountsAsOneSpaceColumn() throws {
        #expect(try lex("\tadvance\t3\tdays") == [Lexed(.word, "advance", 2), Lexed(.word, "3", 10), Lexed(.word, "days", 12)])
    }

    @Test func aBlankOrCommentLineHasNoTokens() throws {
        #expect(try lex("").isEmpty)
        #expect(try lex("   \t ").isEmpty)
        #expect(try lex("# a comment with \"quotes and \\ backslashes").isEmpty)
        #expect(try lex("   # indented comment").isEmpty)
    }

    @Test func aCommentRunsToTheEndOfTheLine() throws {
        #expect(try lex("advance 3 days # then check") == [Lexed(.word, "advance", 1), Lexed(.word, "3", 9), Lexed(.word, "days", 11)])
    }

    @Test func aHashRightAfterAWordStartsAComment() throws {
        // docs/scenario-language.md: "`#` starts a comment that runs to the end of the line
        // (outside a string)".
        #expect(try lex("advance 3 days# later") == [Lexed(.word, "advance", 1), Lexed(.word, "3", 9), Lexed(.word, "days", 11)])
    }

    @Test func aHashInsideAStringIsNotAComment() throws {
        #expect(
            try lex("user a@b.se \"Room #4\" # note") == [
                Lexed(.word, "user", 1), Lexed(.word, "a@b.se", 6), Lexed(.string, "Room #4", 13),
            ])
    }

    @Test(arguments: [
        ("\"Åsa Öberg\"", "Åsa Öberg"),
        ("\"Smörgåsbord & Ölstuga\"", "Smörgåsbord & Ölstuga"),
        ("\"東京 🇸🇪 👩‍👩‍👧 é\"", "東京 🇸🇪 👩‍👩‍👧 é"),
        ("\"\"", ""),
        ("\"say \\\"hej\\\"\"", "say \"hej\""),
        ("\"C:\\\\billing\\\\\"", "C:\\billing\\"),
        ("\"a\tb\"", "a\tb"),
    ])
    func aStringHoldsAnyUnicodeAndItsEscapesAreUndone(written: String, text: String) throws {
        #expect(try lex(written) == [Lexed(.string, text, 1)])
    }

    @Test func columnsAreCountedInCharactersNotBytes() throws {
        #expect(
            try lex("user åsa@smörgås.se \"Åsa\" x") == [
                Lexed(.word, "user", 1), Lexed(.word, "åsa@smörgås.se", 6), Lexed(.string, "Åsa", 21), Lexed(.word, "x", 27),
            ])
        // One emoji of several scalars is one column.
        #expect(try lex("\"👩‍👩‍👧\" next").last == Lexed(.word, "next", 5))
    }

    @Test func theColonOfAnOnPrefixIsSplitFromTheInstant() throws {
        #expect(
            try lex("on 2026-03-10: usage acme visits 5") == [
                Lexed(.word, "on", 1), Lexed(.word, "2026-03-10", 4), Lexed(.colon, ":", 14), Lexed(.word, "usage", 16),
                Lexed(.word, "acme", 22), Lexed(.word, "visits", 27), Lexed(.word, "5", 34),
            ])
    }

    @Test func onlyTheLastColonOfATimeIsSplitOff() throws {
        #expect(
            try lex("on 2026-03-10T10:30: expect") == [
                Lexed(.word, "on", 1), Lexed(.word, "2026-03-10T10:30", 4), Lexed(.colon, ":", 20), Lexed(.word, "expect", 22),
            ])
    }

    @Test func theColonOfAnAsPrefixIsSplitFromTheEmail() throws {
        #expect(
            try lex("as bo@partner.se: turn invoice email on") == [
                Lexed(.word, "as", 1), Lexed(.word, "bo@partner.se", 4), Lexed(.colon, ":", 17), Lexed(.word, "turn", 19),
                Lexed(.word, "invoice", 24), Lexed(.word, "email", 32), Lexed(.word, "on", 38),
            ])
    }

    @Test func aColonStandingAloneIsAColon() throws {
        #expect(
            try lex("as a@b.se : view") == [
                Lexed(.word, "as", 1), Lexed(.word, "a@b.se", 4), Lexed(.colon, ":", 11), Lexed(.word, "view", 13),
            ])
    }

    @Test func aCarriageReturnIsWhitespace() throws {
        #expect(try lex("advance 3 days\r") == [Lexed(.word, "advance", 1), Lexed(.word, "3", 9), Lexed(.word, "days", 11)])
    }

    @Test func aStringMayBeFollowedByATabOrTheEndOfTheLine() throws {
        #expect(try lex("\"a\"\tb") == [Lexed(.string, "a", 1), Lexed(.word, "b", 5)])
        #expect(try lex("x \"a\"") == [Lexed(.word, "x", 1), Lexed(.string, "a", 3)])
    }

    // MARK: Errors

    @Test func anUnterminatedStringPointsAtItsOpeningQuote() throws {
        let failure = try #require(lexFailure("user a@b.se \"Åsa Öberg"))
        #expect(failure.column == 13)
        #expect(failure.message == "this string has no closing quote")
    }

    @Test func aStringEndingInAnEscapedQuoteIsUnterminated() throws {
        let failure = try #require(lexFailure("x \"abc\\\""))
        #expect(failure.column == 3)
        #expect(failure.message.contains("no closing quote"))
    }

    @Test(arguments: [("x \"a\\nb\"", 5), ("x \"tab\\t\"", 7), ("x \"end\\", 7), ("\"\\u00e5\"", 2)])
    func anUnknownEscapePointsAtTheBackslash(line: String, column: Int) throws {
        let failure = try #require(lexFailure(line))
        #expect(failure.column == column)
        #expect(failure.message.contains("unknown escape"))
    }

    @Test func aControlCharacterInAWordIsRefusedAtItsColumn() throws {
        let failure = try #require(lexFailure("advance 3\u{07} days"))
        #expect(failure.column == 10)
        #expect(failure.message == "control character U+0007 is not allowed")
    }

    @Test func aControlCharacterStartingAWordIsRefusedAtItsColumn() throws {
        let failure = try #require(lexFailure("seed \u{1B}[31m"))
        #expect(failure.column == 6)
        #expect(failure.message == "control character U+001B is not allowed")
    }

    @Test func aControlCharacterInAStringIsRefusedAtItsColumn() throws {
        let failure = try #require(lexFailure("user a@b.se \"Å\u{00}sa\""))
        #expect(failure.column == 15)
        #expect(failure.message == "control character U+0000 is not allowed")
    }

    @Test func deleteIsAControlCharacter() throws {
        let failure = try #require(lexFailure("seed 1\u{7F}"))
        #expect(failure.column == 7)
        #expect(failure.message.contains("U+007F"))
    }

    @Test func aQuoteInsideAWordIsRefusedAtTheQuote() throws {
        let failure = try #require(lexFailure("company acme\"Acme AB\" owner"))
        #expect(failure.column == 13)
        #expect(failure.message.contains("a quote inside a word"))
    }

    @Test func aWordRightAfterAStringIsRefusedWhereItStarts() throws {
        let failure = try #require(lexFailure("user a@b.se \"Åsa\"x"))
        #expect(failure.column == 18)
        #expect(failure.message == "a string must be followed by a space")
    }

    @Test func lexingErrorsReachTheDiagnosticWithTheirLineAndColumn() throws {
        let diagnostic = try problem("start 2026-01-01\n\nuser åsa@x.se \"Åsa Öberg")
        #expect(diagnostic.location == location(3, 15))
        #expect(diagnostic.message == "this string has no closing quote")
        #expect(diagnostic.sourceLine == "user åsa@x.se \"Åsa Öberg")
    }

    @Test func crlfLineEndingsReadLikeLineFeeds() throws {
        let lines = [
            "start 2026-01-15", "# comment", "company acme \"Acme AB\" owner anna@acme.se plan pro", "", "advance 1 month",
            "expect acme invoices 2",
        ]
        let unix = try load(lines.joined(separator: "\n"))
        let windows = try load(lines.joined(separator: "\r\n") + "\r\n")
        #expect(windows == unix)
        #expect(windows.statements.map(\.location.line) == [1, 3, 5, 6])
        #expect(windows.statements.allSatisfy { !$0.text.contains("\r") })
    }

    @Test func aCRLFLineKeepsItsErrorColumns() throws {
        let diagnostic = try problem("start 2026-01-15\r\nexpcet acme invoices 2\r\n")
        #expect(diagnostic.location == location(2, 1))
        #expect(diagnostic.sourceLine == "expcet acme invoices 2")
    }

    @Test(arguments: [
        ("user a@b.se \"An\rna\"", 16, "000D"), ("company k \"K\u{1B}[2K\" owner", 13, "001B"),
        ("seed 1 # done\rPASS", 14, "000D"), ("seed 1 # \u{1B}[1A", 10, "001B"), ("user a@b.se \"A\u{85}\"", 15, "0085"),
        ("user a@b.se \"A\u{2028}B\"", 15, "2028"), ("user a@b.se \"\u{202E}cod.exe\"", 14, "202E"),
        ("advance 3\rdays", 10, "000D"),
    ])
    func controlCharactersAreRefusedInStringsCommentsAndWords(line: String, column: Int, code: String) throws {
        let failure = try #require(lexFailure(line))
        #expect(failure.column == column)
        #expect(failure.message == "control character U+\(code) is not allowed")
    }

    @Test func aBareCarriageReturnInAStringIsRefusedWithItsLineAndColumn() throws {
        let diagnostic = try problem("start 2026-01-15\nuser a@b.se \"Anna\rFAIL\"\n")
        #expect(diagnostic.location == location(2, 18))
        #expect(diagnostic.message == "control character U+000D is not allowed")
    }

    @Test func tabsAndTrailingCarriageReturnsStayAllowed() throws {
        #expect(try lex("user a@b.se \"A\tB\"\r\r") == [Lexed(.word, "user", 1), Lexed(.word, "a@b.se", 6), Lexed(.string, "A\tB", 13)])
    }
}
