import Testing

@testable import BillingScenario

/// A VAT number in a scenario must fit its company's country (issue 14): the checker
/// refuses one that does not at the number's column (or the new country's), and the
/// runtime stops at the statement.
@Suite("Scenarios: VAT numbers")
struct VATNumberScenarioTests {
    static let world = """
        start 2026-01-15
        company berlin "Berlin GmbH" owner jonas@berlin.de country DE vat DE123456789 currency EUR plan pro
        """

    @Test("A Swedish number on a German company is refused at the number, line and column")
    func swedishNumberOnAGermanCompany() throws {
        let line = "company hamburg \"Hamburg GmbH\" owner h@hamburg.de country DE vat SE556677889901 currency EUR plan pro"
        let diagnostic = try problem(Self.world + "\n" + line)
        #expect(diagnostic.location == location(3, 66))
        #expect(
            diagnostic.message
                == "'SE556677889901' is not a VAT number for a company in DE: a VAT number there starts with DE: "
                + "DE followed by 9 digits, like DE123456789; give one of that form, or none")
        #expect(diagnostic.sourceLine == line)
        #expect(diagnostic.description.hasPrefix("test.scenario:3:66: error: 'SE556677889901' is not a VAT number"))
    }

    @Test("A company without a country is checked against the seller's")
    func sellersCountry() throws {
        let finnish = "seller \"Helsinki Hosting Oy\" country FI\nstart 2026-01-15\n"
        #expect(try loads(finnish + "company k \"K\" owner a@b.fi vat FI12345678 currency EUR plan pro"))
        let diagnostic = try problem(finnish + "company k \"K\" owner a@b.fi vat SE556677889901 currency EUR plan pro")
        #expect(diagnostic.location == location(3, 32))
        #expect(diagnostic.message.hasPrefix("'SE556677889901' is not a VAT number for a company in FI"))
    }

    @Test(
        "An edited number that does not fit is refused at the number, in a quoted one too",
        arguments: [
            ("edit details of berlin vat DE12345678", 28), ("on 2026-02-01: edit details of berlin vat \"DE 1234 5678\"", 43),
            ("edit details of berlin country FR vat DE123456789", 39),
        ])
    func editedNumber(line: String, column: Int) throws {
        let diagnostic = try problem(Self.world + "\n" + line)
        #expect(diagnostic.location == location(3, column))
        #expect(diagnostic.message.contains("is not a VAT number for a company in"))
    }

    @Test("A new country the kept number does not fit is refused at the country, with a hint")
    func countryOnly() throws {
        let diagnostic = try problem(Self.world + "\nedit details of berlin country fr")
        #expect(diagnostic.location == location(3, 32))
        #expect(diagnostic.message.hasPrefix("'DE123456789' is not a VAT number for a company in FR: a VAT number there starts with FR"))
        #expect(diagnostic.hint == "company berlin keeps its VAT number when only its country changes: add 'vat NUMBER' or 'vat none'")
    }

    @Test("A refused edit changes nothing the checker knows: the next line is checked against the old details")
    func refusedEditChangesNothing() throws {
        let all = try problems(Self.world + "\nedit details of berlin country FR\nedit details of berlin address \"Unter den Linden 1\"")
        #expect(all.map(\.location.line) == [3])
    }

    @Test("A new country with its own number, or none, and numbers outside the EU load")
    func fittingEditsLoad() throws {
        #expect(
            try loads(
                Self.world + """

                    edit details of berlin country FR vat "FR 12 345678901"
                    edit details of berlin country AT vat none
                    edit details of berlin country NO vat NO987654321MVA
                    company wien "Wien GmbH" owner w@wien.at country AT vat atu-1234-5678 currency EUR plan pro
                    company athen "Athen AE" owner a@athen.gr country GR vat EL123456789 currency EUR plan pro
                    company tokyo "Tokyo KK" owner t@tokyo.jp country JP vat none currency USD plan pro
                    """))
    }

    @Test("Greece's number starts with EL: GR is refused")
    func greece() throws {
        let diagnostic = try problem(
            Self.world + "\ncompany athen \"Athen AE\" owner a@athen.gr country GR vat GR123456789 currency EUR plan pro")
        #expect(diagnostic.message.contains("EL followed by 9 digits (Greece's prefix is EL, not GR)"))
    }

    @Test("Companies and numbers of a restored world are checked when the scenario runs, not before")
    func afterARestore() throws {
        #expect(
            try loads(
                """
                restore snapshot "world.db"
                edit details of c0000000 vat SE556677889901
                company k "K" owner a@b.se vat DE123456789 plan pro
                """))
    }

    @Test("A number is kept in normal form: expectations compare normal forms, and a refusal is an expectation too")
    func runtime() async throws {
        let result = try await run(
            Self.world + """

                company wien "Wien GmbH" owner w@wien.at country AT vat "atu 1234.5678" currency EUR plan pro
                expect wien invoice 1 vat ATU12345678 tax reverse-charge
                expect berlin invoice 1 vat de-123-456-789 tax reverse-charge
                expect jonas@berlin.de cannot edit details of berlin vat SE556677889901 saying "is not a VAT number for a company in DE"
                expect jonas@berlin.de cannot edit details of berlin country AT saying "a VAT number there starts with AT"
                expect jonas@berlin.de can edit details of berlin country AT vat ATU12345678
                expect berlin invoices 1
                """)
        #expect(result.failure == nil)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.count == 6)
    }
}

extension VATNumberScenarioTests {
    @Test("Without the checker, the runtime stops at the refused statement: later ones do not run")
    func runtimeStops() async throws {
        let text =
            Self.world + """

                edit details of berlin country SE
                expect berlin invoices 1
                """
        var statements: [Statement] = []
        for (index, row) in text.split(separator: "\n").enumerated() {
            if case .success(.statement(let statement))? = Parser.parse(line: String(row), file: "t.scenario", number: index + 1) {
                statements.append(statement)
            }
        }
        let result = await ScenarioRunner().run(Scenario(path: "t.scenario", statements: statements))
        let failure = try #require(result.failure)
        #expect(failure.location.line == 3)
        #expect(failure.message.contains("'DE123456789' is not a VAT number for a company in SE"), "\(failure.message)")
        #expect(result.notRun == 1)
        #expect(!result.passed)
    }
}

/// True when `text` loads without diagnostics.
private func loads(_ text: String) throws -> Bool {
    switch ScenarioLoader.load(text: text, path: "test.scenario") {
    case .success: return true
    case .failure(let diagnostics):
        Issue.record("unexpected diagnostics: \(diagnostics)")
        return false
    }
}
