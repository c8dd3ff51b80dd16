import Testing

@testable import BillingScenario

/// A scenario may not start before the VAT table's first date, 2020-01-01.
@Suite("Scenario start and the VAT table")
struct VATStartTests {
    static let message =
        "2019-12-31 is before 2020-01-01, the first date of the VAT table: no VAT rate is known before then, "
        + "and none is guessed; start on 2020-01-01 or later"

    @Test("A start before 2020-01-01 is refused at the start line's date, with its line and column")
    func startBefore2020() throws {
        let text = """
            # Too early.
            seed 3
            start 2019-12-31
            vat DE 16% from 2020-07-01
            company k "K" owner a@x.se plan pro currency EUR
            """
        let diagnostic = try problem(text)
        #expect(diagnostic.location == location(3, 7))
        #expect(diagnostic.message == Self.message)
        #expect(diagnostic.sourceLine == "start 2019-12-31")
        #expect(diagnostic.description.hasPrefix("test.scenario:3:7: error: 2019-12-31 is before 2020-01-01"))
    }

    @Test("The column is the date's, however the start is written")
    func columnOfTheDate() throws {
        let diagnostic = try problem("  start   2019-12-31T08:30  # one day early\nuser a@x.se")
        #expect(diagnostic.location == location(1, 11))
        #expect(diagnostic.message.hasPrefix("2019-12-31 is before 2020-01-01"))
    }

    @Test("A start on 2020-01-01 loads")
    func startOnTheFirstDate() {
        guard case .success = ScenarioLoader.load(text: "start 2020-01-01\nuser a@x.se\n", path: "test.scenario") else {
            Issue.record("a start on the table's first date was refused")
            return
        }
    }

    @Test("A start before 2020-01-01 is refused even when nothing follows it")
    func startAlone() throws {
        let diagnostic = try problem("seed 1\nstart 2019-12-31")
        #expect(diagnostic.location == location(2, 7))
        #expect(diagnostic.message == Self.message)
    }
}
