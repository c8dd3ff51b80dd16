import BillingCore
import Testing

@testable import BillingScenario

@Suite("Parser: errors")
struct ParserErrorTests {
    static let keywordsAndShapes: [BadLine] = [
        BadLine("expcet acme invoices 2", 1, "unknown statement 'expcet'", hint: "did you mean 'expect'?"),
        BadLine("advnce 3 days", 1, "unknown statement 'advnce'", hint: "did you mean 'advance'?"),
        BadLine("frobnicate everything", 1, "unknown statement 'frobnicate'"),
        BadLine("\"quoted\" first", 1, "expected a statement, found a string"),
        BadLine(": x", 1, "expected a statement, found ':'"),
        BadLine("view invoices of acme extra", 23, "unexpected 'extra' at the end of the statement"),
        BadLine("user anna@acme.se Anna", 19, "unexpected 'Anna' at the end of the statement"),
        BadLine("expect acme plan pro weekly", 22, "unexpected 'weekly' at the end of the statement"),
        BadLine(
            "on 2026-01-01 expect acme invoices 1", 15, "expected ':' after the instant",
            hint: "write it as 'on 2026-03-10: …' or 'as anna@acme.se: …'"),
        BadLine(
            "as anna@acme.se view invoices of acme", 17, "expected ':' after the user",
            hint: "write it as 'on 2026-03-10: …' or 'as anna@acme.se: …'"),
        BadLine("on 2026-01-01: seed 3", 16, "'seed' cannot follow 'on …:'"),
        BadLine("on 2026-01-01: on 2026-01-02: advance 1 day", 16, "'on' cannot follow 'on …:'"),
        BadLine("on 2026-01-01: include \"x.inc\"", 16, "'include' cannot follow 'on …:'"),
        BadLine("catalog full", 9, "expected 'empty', found 'full'"),
        BadLine("numbering per-compnay", 11, "expected a numbering scheme, found 'per-compnay'", hint: "did you mean 'per-company'?"),
        BadLine("advance 2 yeers", 11, "expected a unit, found 'yeers'", hint: "did you mean 'years'?"),
        BadLine("advance 3 weeks", 11, "expected a unit, found 'weeks'", hint: "one of: day, days, month, months, year, years"),
        BadLine("advance", 8, "expected how far to advance here, but the line ends"),
        BadLine("expect acme invoice 1 totl 10", 23, "expected an invoice field, found 'totl'", hint: "did you mean 'total'?"),
        BadLine("expect acme invoice 1", 22, "say which fields to check", hint: "for example 'total 143.75'"),
        BadLine(
            "expect acme invoice 1 total 10 line 1 amount 5", 39, "write line checks in their own expectation, without invoice fields"),
        BadLine(
            "expect anna@acme.se may view invoices of acme", 21, "expected 'can', 'cannot', 'role' or 'invoice', found 'may'",
            hint: "one of: can, cannot, role, invoice"),
        BadLine(
            "invite bo@x.se to acme as superuser", 27, "expected a role, found 'superuser'",
            hint: "one of: administrator, admin, developer, billing, owner, site-administrator, site-developer"),
        BadLine("as bo@x.se: turn invoice email maybe", 32, "expected 'on' or 'off', found 'maybe'", hint: "one of: on, off"),
        BadLine("company acme \"Acme\" ownr a@b.se plan pro", 21, "expected a company option, found 'ownr'", hint: "did you mean 'owner'?"),
        BadLine("company acme Acme owner a@b.se plan pro", 14, "expected the company's name as a \"quoted string\", found 'Acme'"),
        BadLine("expect digest abc", 15, "a digest is 64 hex digits"),
        BadLine("expect total revenue 100", 25, "a total of money needs its currency", hint: "for example 1234.00 USD"),
        BadLine("seller \"X\"", 11, "a seller needs a country", hint: "add 'country SE'"),
        BadLine("plan mini \"Mini\" visits 10", 27, "a plan needs a monthly price", hint: "add 'monthly 115.00 USD'"),
        BadLine("plan mini \"Mini\" monthly 10", 28, "expected a currency after the amount", hint: "for example 115.00 USD"),
    ]

    static let missingParts: [BadLine] = [
        BadLine("company acme \"Acme\" plan business", 34, "a company needs an owner", hint: "add 'owner anna@example.com'"),
        BadLine("company acme \"Acme\" owner anna@acme.se", 39, "a company needs a plan", hint: "add 'plan business'"),
        BadLine("company acme \"Acme\" owner anna plan business", 27, "expected the owner's email, found 'anna'"),
        BadLine("user anna", 6, "expected an email address, found 'anna'"),
    ]

    static let values: [BadLine] = [
        BadLine("start 2026-02-30", 7, "2026-02-30 is not a date that exists"),
        BadLine("start 2025-02-29", 7, "2025-02-29 is not a date that exists"),
        BadLine("start 2026-13-01", 7, "2026-13-01 is not a date that exists"),
        BadLine("start 2026-04-31T10:00", 7, "2026-04-31 is not a date that exists"),
        BadLine("on 2026-02-29: advance 1 day", 4, "2026-02-29 is not a date that exists"),
        BadLine("vat SE 25% from 2026-02-30", 17, "2026-02-30 is not a date that exists"),
        BadLine("start 26-1-1", 7, "expected the start as a date YYYY-MM-DD, found '26-1-1'"),
        BadLine("start 2026-01-01T24:00", 7, "the start: '24:00' is not a time HH:MM or HH:MM:SS"),
        BadLine("start 2026-01-01T10:60:00", 7, "the start: '10:60:00' is not a time HH:MM or HH:MM:SS"),
        BadLine("start 2026-01-01T10:00:60", 7, "the start: '10:00:60' is not a time HH:MM or HH:MM:SS"),
        BadLine("seed 99999999999999999999", 6, "the seed must be from 0 to 9223372036854775807, not 99999999999999999999"),
        BadLine("usage acme visits 1000000000001", 19, "the usage must be from 0 to 1000000000000, not 1000000000001"),
        BadLine("usage acme visits -5", 19, "expected the usage (a whole number), found '-5'"),
        BadLine(
            "expect total companies 99999999999999999999999999999", 24,
            "the expected companies must be from 0 to 9223372036854775807, not 99999999999999999999999999999"),
        BadLine("advance 101 years", 9, "a scenario simulates at most 100 years; 101 years is more"),
        BadLine("advance 1201 months", 9, "a scenario simulates at most 100 years; 1201 months is more"),
        BadLine("advance 36601 days", 9, "how far to advance must be from 0 to 36600, not 36601"),
        BadLine("credit acme 10.005", 13, "expected the credit as an amount like 12.50, found '10.005'"),
        BadLine("credit acme -10", 13, "expected the credit as an amount like 12.50, found '-10'"),
        BadLine("credit acme 1.2.3", 13, "expected the credit as an amount like 12.50, found '1.2.3'"),
        BadLine(
            "exchange EUR SEK 11.20345 from 2026-01-01", 18,
            "expected the kronor per unit as a rate like 11.20 (at most four decimals, above 0, at most 1000000), found '11.20345'"),
        BadLine(
            "exchange EUR SEK 0 from 2026-01-01", 18,
            "expected the kronor per unit as a rate like 11.20 (at most four decimals, above 0, at most 1000000), found '0'"),
        BadLine(
            "expect acme invoice 1 total 99999999999999.00", 29,
            "the total '99999999999999.00' is too large: an amount has at most 13 digits before the point (up to 9999999999999.99); only world totals take more"
        ),
        BadLine("expect acme balance 1.999 USD", 21, "expected the balance as an amount like 12.50, found '1.999'"),
        BadLine(
            "expect total revenue 1000000000000000000000000000000000000.00 EUR", 22,
            "expected the expected revenue as an amount like 12.50, found '1000000000000000000000000000000000000.00'"),
        BadLine("expect total due -1.00 EUR", 18, "expected the expected due as an amount like 12.50, found '-1.00'"),
        BadLine("plan mini \"Mini\" monthly 1000000.01 USD", 26, "the monthly price must be at most 1000000.00"),
        BadLine("addon x \"X\" monthly 5 USD 2000000 SEK per site", 27, "the monthly price must be at most 1000000.00"),
        BadLine("overage visits 10000.01 USD", 16, "the price must be at most 10000.00"),
        BadLine("expect acme invoice 1 country Sweden", 31, "expected a two-letter country code like SE, found 'Sweden'"),
        BadLine(
            "expect acme invoice 1 name Acme", 28, "expected the company's name on the invoice as a \"quoted string\", found 'Acme'"),
        BadLine("vat SE 25 from 2026-01-01", 8, "expected the VAT rate as a percentage like 25% or 25.5%, found '25'"),
        BadLine("vat SE 100.5% from 2026-01-01", 8, "expected the VAT rate as a percentage like 25% or 25.5%, found '100.5%'"),
        BadLine("vat SWE 25% from 2026-01-01", 5, "expected a two-letter country code like SE, found 'SWE'"),
        BadLine(
            "seller \"X\" country ZZ", 20, "'ZZ' is not an assigned ISO 3166-1 country code",
            hint: "use a real country, like SE or US"),
        BadLine(
            "company acme \"Acme\" owner a@b.se plan pro currency NOK", 52, "expected a currency, found 'NOK'",
            hint: "one of: USD, EUR, SEK"),
        BadLine("generate 0 companies", 10, "the number of companies must be from 1 to 2000000, not 0"),
        BadLine("generate 2000001 companies", 10, "the number of companies must be from 1 to 2000000, not 2000001"),
        BadLine("generate 5 companies partners 100001", 31, "the number of partners must be from 1 to 100000, not 100001"),
        BadLine(
            "generate 5 companies annual 150%", 29, "expected the annual share as a whole percentage from 0% to 100%, found '150%'"),
        BadLine("generate 5 companies max-users 9", 32, "the most users per company must be from 1 to 8, not 9"),
        BadLine("expect acme invoice 1 line 0 amount 5", 28, "the line number must be from 1 to 1000000, not 0"),
        BadLine("expect acme invoice 0 total 5", 21, "the invoice's position must be from 1 to 2147483647, not 0"),
        BadLine(
            "invite bo@x.se to acme as site-developer of shop,,blog", 45, "a list of sites is written without spaces, like shop,blog"),
    ]

    private func check(_ bad: BadLine) throws {
        let diagnostic = try problem(bad.line)
        #expect(diagnostic.location == location(1, bad.column))
        #expect(diagnostic.message == bad.message)
        #expect(diagnostic.hint == bad.hint)
        #expect(diagnostic.sourceLine == bad.line)
        #expect(diagnostic.kind == .malformed)
    }

    @Test("Unknown keywords and wrong shapes point at the offending word", arguments: keywordsAndShapes)
    func wrongShapesAreErrors(bad: BadLine) throws { try check(bad) }

    @Test("A company without an owner or a plan, a user without an email, are errors", arguments: missingParts)
    func missingPartsAreErrors(bad: BadLine) throws { try check(bad) }

    @Test("Bad values point at the value: dates that don't exist, huge numbers, three decimals", arguments: values)
    func badValuesAreErrors(bad: BadLine) throws { try check(bad) }

    @Test func anErrorNamesTheFileTheLineAndTheColumn() throws {
        let diagnostic = try problem("start 2026-01-15\n\n# a comment\n  expcet acme invoices 2", path: "Scenarios/x.scenario")
        #expect(diagnostic.location == location(4, 3, file: "Scenarios/x.scenario"))
        #expect(diagnostic.location.description == "Scenarios/x.scenario:4:3")
    }

    @Test func everyBadLineIsReportedInLineOrder() throws {
        let all = try problems("expcet a\nstart 2026-02-30\nuser anna@acme.se\nadvance 2 yeers")
        #expect(all.map(\.location) == [location(1, 1), location(2, 7), location(4, 11)])
    }

    @Test func aDiagnosticPrintsLikeACompilerErrorWithACaretAndAHint() throws {
        let diagnostic = try problem("start 2026-01-15\nexpcet acme invoices 2")
        #expect(
            diagnostic.description == """
                test.scenario:2:1: error: unknown statement 'expcet'
                expcet acme invoices 2
                ^
                hint: did you mean 'expect'?

                """)
    }

    @Test func theCaretCopiesTabsSoItLinesUpUnderTheColumn() throws {
        let diagnostic = try problem("\tadvance 2 yeers")
        #expect(diagnostic.location.column == 12)
        let lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "\t" + String(repeating: " ", count: 10) + "^")
    }

    @Test func theCaretCountsCharactersNotBytes() throws {
        let diagnostic = try problem("company å \"Åsa Öberg\" ownr a@b.se plan pro")
        #expect(diagnostic.location.column == 23)
        #expect(diagnostic.hint == "did you mean 'owner'?")
        let caret = diagnostic.description.split(separator: "\n")[2]
        #expect(caret == String(repeating: " ", count: 22) + "^")
    }

    @Test(arguments: ["Expect total users 1", "EXPECT total users 1"])
    func aKeywordWrittenInUpperCaseGetsAHint(line: String) throws {
        // Keywords are lower case; the closest keyword is the word itself in lower case.
        let diagnostic = try problem(line)
        #expect(diagnostic.location.column == 1)
        #expect(diagnostic.hint == "did you mean 'expect'?")
    }

    @Test func aLongUnknownWordIsShortenedInTheMessage() throws {
        let word = String(repeating: "x", count: 500)
        let diagnostic = try problem(word + " y")
        #expect(diagnostic.message == "unknown statement '\(String(repeating: "x", count: 40))'")
        #expect(diagnostic.hint == nil)
    }

    @Test func aStringLongerThan4096BytesIsRefused() throws {
        let diagnostic = try problem("user a@b.se \"\(String(repeating: "å", count: 2_049))\"")
        #expect(diagnostic.location.column == 13)
        #expect(diagnostic.message == "the user's name is longer than 4096 bytes")
    }

    @Test(arguments: ["1000000000000000000", "9223372036854775807"])
    func aSeedUpToTheLargestTheRangeNamesIsAccepted(seed: String) throws {
        // The error for a larger seed says "from 0 to 9223372036854775807": every number
        // in that range must be read.
        #expect(try kind(of: "seed \(seed)") == .seed(UInt64(seed) ?? 0))
    }

    @Test func aMissingIncludeIsAMissingFileNotAMalformedOne() throws {
        let all = try problems("start 2026-01-01\ninclude \"no/such/file.inc\"", path: Paths.fixture("virtual.scenario"))
        #expect(all.count == 1)
        #expect(all[0].kind == .missingFile)
        #expect(all[0].location == location(2, 9, file: Paths.fixture("virtual.scenario")))
        #expect(all[0].message == "no such file '\(Paths.fixtures)/no/such/file.inc'")
        #expect(Diagnostics(all: all).isMissingFile)
    }
}

@Suite struct EmailParsingTests {
    @Test(arguments: ["x@javascript:alert(1)", "a@localhost", "a@b..se"])
    func anAddressThatIsNotOneIsRefusedAtItsColumn(address: String) throws {
        let diagnostic = try problem("user \(address) \"X\"")
        #expect(diagnostic.location.column == 6)
        #expect(diagnostic.message == "expected an email address, found '\(address)'")
    }
}
