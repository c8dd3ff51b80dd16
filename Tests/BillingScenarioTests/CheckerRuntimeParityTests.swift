import Testing

@testable import BillingScenario

/// `check` refuses statically what `run` would refuse when the statement runs.
@Suite struct CheckerRuntimeParityTests {
    static let world = "start 2026-01-01\nplan usdonly \"USD only\" monthly 10.00 USD\naddon euro \"Euro\" monthly 1.00 EUR per company\n"
    static let company = "company k \"K\" owner a@x.se plan business currency SEK\nadd site shop to k\n"

    static let companies = [
        ("company k2 \"\" owner a@x.se plan business", 12, "company k2 needs a name"),
        ("company k2 \"   \" owner a@x.se plan business", 12, "company k2 needs a name"),
        ("company k2 \"K\" owner a@x.se plan usdonly currency SEK", 34, "plan 'usdonly' is not sold in SEK monthly"),
        (
            "company k2 \"K\" owner a@x.se country DE vat SE556677889901 plan business currency EUR", 44,
            "'SE556677889901' is not a VAT number for a company in DE: a VAT number there starts with DE: "
                + "DE followed by 9 digits, like DE123456789; give one of that form, or none"
        ),
        (
            "company k2 \"K\" owner a@x.se vat DE123456789 plan business", 33,
            "'DE123456789' is not a VAT number for a company in SE: a VAT number there starts with SE: "
                + "SE followed by 12 digits ending in 01, like SE556677889901; give one of that form, or none"
        ),
    ]

    @Test(arguments: companies)
    func companiesRunWouldRefuseAreRefused(line: String, column: Int, message: String) throws {
        let all = try problems(Self.world + line + "\n")
        #expect(all.map(\.message) == [message])
        #expect(all.first?.location.line == 4)
        #expect(all.first?.location.column == column)
    }

    @Test(arguments: [
        ("edit details of k name \"\"", "the company name cannot be empty"),
        ("credit k 0", "a credit must be positive (0.00)"),
        ("credit k 5.00 USD", "company k is billed in SEK, not USD"),
        ("add addon redis to k", "add-on 'redis' is sold per site: name one with 'site S'"),
        ("add addon disk20 site shop to k", "add-on 'disk20' is sold per company: no site"),
        ("add addon euro to k", "add-on 'euro' is not sold in SEK"),
        ("change plan of k to usdonly monthly", "plan 'usdonly' is not sold in SEK monthly"),
        (
            "edit details of k vat SE55667788990",
            "'SE55667788990' is not a VAT number for a company in SE: a VAT number there is "
                + "SE followed by 12 digits ending in 01, like SE556677889901; give one of that form, or none"
        ),
    ])
    func statementsRunWouldRefuseAreRefused(line: String, message: String) throws {
        let all = try problems(Self.world + Self.company + line + "\n")
        #expect(all.map(\.message) == [message])
        #expect(all.first?.location.line == 6)
    }

    @Test(arguments: [
        "edit details of k name \"\"", "credit k 0", "credit k 5.00 USD", "add addon redis to k", "add addon disk20 site shop to k",
        "add addon euro to k", "change plan of k to usdonly monthly", "edit details of k vat SE55667788990",
    ])
    func theRuntimeRefusesTheSameStatements(line: String) async throws {
        await expectRuntimeFailure(Self.world + Self.company + line + "\n", atLine: 6)
    }

    @Test(arguments: companies.map(\.0))
    func theRuntimeRefusesTheSameCompanies(line: String) async throws {
        await expectRuntimeFailure(Self.world + line + "\n", atLine: 4)
    }

    @Test func aStartBeforeTheVATTableIsRefusedByTheCheckerAndByTheRuntime() async throws {
        let text = "start 2019-12-31\ncompany k \"K\" owner a@x.se plan business currency SEK\n"
        let all = try problems(text)
        #expect(all.map(\.message).first?.hasPrefix("2019-12-31 is before 2020-01-01, the first date of the VAT table") == true)
        #expect(all.first?.location.line == 1)
        // The runtime refuses to create the world, at the first statement that needs it.
        await expectRuntimeFailure(text, atLine: 2)
    }

    /// Runs `text` without the checker: the statement at `line` must fail when it runs.
    private func expectRuntimeFailure(_ text: String, atLine line: Int) async {
        var statements: [Statement] = []
        for (index, row) in text.split(separator: "\n").enumerated() {
            if case .success(.statement(let statement))? = Parser.parse(line: String(row), file: "t.scenario", number: index + 1) {
                statements.append(statement)
            }
        }
        let result = await ScenarioRunner().run(Scenario(path: "t.scenario", statements: statements))
        #expect(result.failure?.location.line == line)
    }
}
