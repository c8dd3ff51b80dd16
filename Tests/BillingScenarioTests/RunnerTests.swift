import BillingCore
import Testing

@testable import BillingScenario

/// An expectation written after ``acmeWorld`` that must fail with exactly these mismatches.
struct FailingExpectation: Sendable, CustomTestStringConvertible {
    var line: String
    var mismatches: [Mismatch]

    init(_ line: String, _ mismatches: Mismatch...) {
        self.line = line
        self.mismatches = mismatches
    }

    var testDescription: String { line }
}

/// A result without its wall-clock time, for comparing runs.
func timeless(_ result: ScenarioResult) -> ScenarioResult {
    var copy = result
    copy.seconds = 0
    return copy
}

/// The digest a world reaches, read from the mismatch of an `expect digest` of zeros.
func digest(of result: ScenarioResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let mismatch = try #require(result.expectations.last?.mismatches.first, sourceLocation: sourceLocation)
    #expect(mismatch.what == "digest", sourceLocation: sourceLocation)
    #expect(mismatch.actual.count == 64, sourceLocation: sourceLocation)
    return mismatch.actual
}

let zeroDigest = String(repeating: "0", count: 64)

@Suite("Runner")
struct RunnerTests {
    // MARK: Expectations

    @Test func expectationsThatHoldPass() async throws {
        let result = try await run(
            acmeWorld + """

                expect acme invoices 1
                expect acme invoice 1 number ACME-000001 kind plan cycle monthly created 2026-01-15 period 2026-01-15 to 2026-02-14 lines 1
                expect acme invoice last subtotal 115.00 tax 25% tax 28.75 total 143.75 USD applied 0 due 143.75 remaining 0
                expect acme invoice ACME-000001 line 1 description "Business plan (monthly)" quantity 1 unit 115 amount 115.00 period 2026-01-15 to 2026-02-14
                expect acme balance 0
                expect acme plan business monthly
                expect acme owner ANNA@acme.se
                expect bo@partner.se role in acme billing
                expect total companies 1
                expect total users 2
                expect total invoices 1
                expect total revenue 143.75 USD
                expect total due 0 SEK
                expect no email
                expect bo@partner.se invoice email off
                expect acme invitation bo@partner.se accepted
                expect acme invitation anna@acme.se none
                expect series ACME gapless from 1 to 1
                as bo@partner.se: turn invoice email on
                expect bo@partner.se invoice email on
                invite cy@partner.se to acme as developer
                expect acme invitation cy@partner.se pending
                on 2026-02-01T00:00:01: expect emails to bo@partner.se for acme invoice ACME-000001 count 1
                on 2026-02-15: expect series ACME gapless from 1 to 2
                expect acme invoice 2 document invoice credits none
                """)
        #expect(result.failure == nil)
        #expect(result.expectations.count == 23)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.notRun == 0)
        #expect(result.passed)
    }

    static let failing: [FailingExpectation] = [
        FailingExpectation("expect acme invoices 2", Mismatch("invoices", expected: "2", actual: "1")),
        FailingExpectation("expect acme invoice 1 total 143.76", Mismatch("total", expected: "143.76", actual: "143.75")),
        FailingExpectation("expect acme invoice 1 total 143.75 EUR", Mismatch("total", expected: "143.75 EUR", actual: "143.75 USD")),
        FailingExpectation("expect acme invoice 2 total 1", Mismatch("invoice 2", expected: "an invoice", actual: "none")),
        FailingExpectation(
            "expect acme invoice ACME-000009 total 1", Mismatch("invoice ACME-000009", expected: "an invoice", actual: "none")),
        FailingExpectation("expect acme invoice 1 tax 12%", Mismatch("tax", expected: "12%", actual: "25%")),
        FailingExpectation("expect acme invoice 1 tax reverse-charge", Mismatch("tax", expected: "reverse-charge", actual: "25%")),
        FailingExpectation("expect acme invoice 1 tax none", Mismatch("tax", expected: "none", actual: "25%")),
        FailingExpectation("expect acme invoice 1 tax 28.70", Mismatch("tax", expected: "28.70", actual: "28.75")),
        FailingExpectation("expect bo@partner.se invoice email on", Mismatch("invoice email", expected: "on", actual: "off")),
        FailingExpectation("expect acme invitation bo@partner.se pending", Mismatch("invitation", expected: "pending", actual: "accepted")),
        FailingExpectation(
            "expect series ACME gapless from 1 to 3", Mismatch("series ACME", expected: "1 to 3, each once", actual: "1")),
        FailingExpectation(
            "expect series NONE gapless from 1 to 1", Mismatch("series NONE", expected: "1 to 1, each once", actual: "none")),
        FailingExpectation("expect acme invoice 1 document credit-note", Mismatch("document", expected: "credit-note", actual: "invoice")),
        FailingExpectation("expect acme invoice 1 credits ACME-000001", Mismatch("credits", expected: "ACME-000001", actual: "none")),
        FailingExpectation(
            "expect acme invoice 1 line 1 credits ACME-000001", Mismatch("line 1 credits", expected: "ACME-000001", actual: "none")),
        FailingExpectation("expect acme invoice 1 kind per-use", Mismatch("kind", expected: "per-use", actual: "plan")),
        FailingExpectation("expect acme invoice 1 cycle annual", Mismatch("cycle", expected: "annual", actual: "monthly")),
        FailingExpectation("expect acme invoice 1 number ACME-000009", Mismatch("number", expected: "ACME-000009", actual: "ACME-000001")),
        FailingExpectation("expect acme invoice 1 lines 3", Mismatch("lines", expected: "3", actual: "1")),
        FailingExpectation("expect acme invoice 1 created 2026-01-16", Mismatch("created", expected: "2026-01-16", actual: "2026-01-15")),
        FailingExpectation(
            "expect acme invoice 1 period 2026-01-15 to 2026-02-15",
            Mismatch("period", expected: "2026-01-15 to 2026-02-15", actual: "2026-01-15 to 2026-02-14")),
        FailingExpectation("expect acme invoice 1 due 0", Mismatch("due", expected: "0.00", actual: "143.75")),
        FailingExpectation(
            "expect acme invoice 1 subtotal 1 total 2",
            Mismatch("subtotal", expected: "1.00", actual: "115.00"), Mismatch("total", expected: "2.00", actual: "143.75")),
        FailingExpectation(
            "expect acme invoice 1 line 2 amount 5", Mismatch("line 2", expected: "a line", actual: "the invoice has 1 lines")),
        FailingExpectation(
            "expect acme invoice 1 line 1 description \"Business\"",
            Mismatch("line 1 description", expected: "\"Business\"", actual: "\"Business plan (monthly)\"")),
        FailingExpectation("expect acme invoice 1 line 1 amount 100", Mismatch("line 1 amount", expected: "100.00", actual: "115.00")),
        FailingExpectation("expect acme invoice 1 line 1 quantity 2", Mismatch("line 1 quantity", expected: "2", actual: "1")),
        FailingExpectation("expect acme invoice 1 name \"Globex\"", Mismatch("name", expected: "\"Globex\"", actual: "\"Acme AB\"")),
        FailingExpectation(
            "expect acme invoice 1 address \"Storgatan 1\"", Mismatch("address", expected: "\"Storgatan 1\"", actual: "\"\"")),
        FailingExpectation("expect acme invoice 1 country FI", Mismatch("country", expected: "FI", actual: "SE")),
        FailingExpectation("expect acme invoice 1 vat SE556000000101", Mismatch("vat", expected: "SE556000000101", actual: "none")),
        FailingExpectation("expect acme balance 5", Mismatch("balance", expected: "5.00", actual: "0.00")),
        FailingExpectation("expect acme balance 0 SEK", Mismatch("balance", expected: "0.00 SEK", actual: "0.00 USD")),
        FailingExpectation("expect acme plan pro", Mismatch("plan", expected: "pro", actual: "business")),
        FailingExpectation("expect acme plan business annual", Mismatch("cycle", expected: "annual", actual: "monthly")),
        FailingExpectation("expect acme owner bo@partner.se", Mismatch("owner", expected: "bo@partner.se", actual: "anna@acme.se")),
        FailingExpectation("expect bo@partner.se role in acme developer", Mismatch("role", expected: "Developer", actual: "Billing")),
        FailingExpectation("expect bo@partner.se role in acme none", Mismatch("role", expected: "none", actual: "Billing")),
        FailingExpectation("expect anna@acme.se cannot view invoices of acme", Mismatch("outcome", expected: "refused", actual: "allowed")),
        FailingExpectation(
            "expect bo@partner.se can close account of acme",
            Mismatch(
                "outcome", expected: "allowed", actual: "refused: access denied: bo@partner.se may not close the account in company acme")),
        FailingExpectation("expect emails count 1", Mismatch("emails", expected: "1", actual: "0")),
        FailingExpectation("expect total companies 2", Mismatch("total companies", expected: "2", actual: "1")),
        FailingExpectation("expect total users 3", Mismatch("total users", expected: "3", actual: "2")),
        FailingExpectation("expect total invoices 0", Mismatch("total invoices", expected: "0", actual: "1")),
        FailingExpectation("expect total emails 1", Mismatch("total emails", expected: "1", actual: "0")),
        FailingExpectation("expect total revenue 1 USD", Mismatch("total revenue", expected: "1.00 USD", actual: "143.75 USD")),
        FailingExpectation("expect total due 143.75 EUR", Mismatch("total due", expected: "143.75 EUR", actual: "0.00 EUR")),
        FailingExpectation(
            "expect total revenue 92233720368547758.08 USD",
            Mismatch("total revenue", expected: "92233720368547758.08 USD", actual: "143.75 USD")),
    ]

    @Test("A failing expectation reports what, expected and found", arguments: failing)
    func failingExpectationsReportTheirMismatch(expectation: FailingExpectation) async throws {
        let result = try await run(acmeWorld + "\n" + expectation.line)
        #expect(result.failure == nil)
        let only = try #require(result.expectations.first)
        #expect(result.expectations.count == 1)
        #expect(only.location == location(5, 1))
        #expect(only.text == expectation.line)
        #expect(only.mismatches == expectation.mismatches)
        #expect(!only.passed)
        #expect(!result.passed)
    }

    @Test func anInvoiceKeepsTheCompanyDetailsItWasIssuedWith() async throws {
        let result = try await run(
            acmeWorld + """

                on 2026-01-20: edit details of acme name "Acme Oy" address "Aleksanterinkatu 1" country FI vat FI12345678
                advance to 2026-02-15T01:00
                expect acme invoice 1 name "Acme AB" address "" country SE vat none tax 25%
                expect acme invoice 2 name "Acme Oy" address "Aleksanterinkatu 1" country FI vat FI12345678 tax reverse-charge
                """)
        #expect(result.failure == nil)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.count == 2)
    }

    @Test func aCompanyWithoutACountryTakesTheSellers() async throws {
        let result = try await run(
            """
            seller "Helsinki Hosting Oy" country FI
            start 2026-01-15
            company acme "Acme" owner a@b.se currency EUR plan pro
            expect acme invoice 1 country FI tax 25.5% total 87.85
            """)
        #expect(result.passed, "\(result.failedExpectations)")
    }

    @Test func anExplicitCountryOutsideTheEUIsKept() async throws {
        // JP is neither the seller's country nor in the EU: it must not be taken for "the seller's".
        let result = try await run(
            """
            start 2026-01-15
            company acme "Acme" owner a@b.se country JP currency USD plan pro
            expect acme invoice 1 country JP tax none
            """)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
    }

    @Test func theWorldStartsOnNewYears2026ByDefault() async throws {
        let result = try await run(
            "company acme \"Acme\" owner a@b.se plan pro\nexpect acme invoice 1 created 2026-01-01 number ACME-000001")
        #expect(result.passed, "\(result.failedExpectations)")
    }

    @Test func anAnnualPriceDefaultsToTenMonthlyPrices() async throws {
        let result = try await run(
            """
            plan mini "Mini" monthly 10 USD
            company acme "Acme" owner a@b.se country US plan mini annual
            expect acme invoice 1 cycle annual subtotal 100.00 tax none total 100.00
            """)
        #expect(result.passed, "\(result.failedExpectations)")
    }

    @Test func nobodyTurnsInvoiceEmailsOnForSomeoneElse() async throws {
        let result = try await run(
            acmeWorld + """

                expect anna@acme.se cannot turn invoice email on for bo@partner.se saying "only users change their own"
                expect bo@partner.se can turn invoice email on
                as anna@acme.se: turn invoice email on for bo@partner.se
                """)
        #expect(result.expectations.allSatisfy { $0.passed })
        #expect(result.failure?.location == location(7, 1))
        #expect(
            result.failure?.message
                == "anna@acme.se may not change the notification settings of bo@partner.se: only users change their own")
    }

    @Test("A prefix another company holds stops the run at the prefix's column, and nothing after it runs")
    func takenPrefixStopsTheRunAtItsColumn() async throws {
        let result = try await run(
            """
            start 2026-01-15
            company northwind1 "N1" owner a@nw1.se country SE currency SEK plan starter
            company other "O" owner c@o.se country SE currency SEK plan starter prefix NORTHWIN
            expect other invoices 1
            """)
        let failure = try #require(result.failure)
        #expect(failure.location == location(3, 76))
        #expect(failure.message.hasPrefix("the invoice number prefix NORTHWIN of company other is already another series'"))
        #expect(result.notRun == 1)
    }

    @Test func usagePastATrillionAMonthStopsTheRun() async throws {
        let result = try await run(acmeWorld + "\nusage acme cdn 1000000000000\nusage acme cdn 1\nexpect acme invoices 1")
        let failure = try #require(result.failure)
        #expect(failure.location == location(6, 1))
        #expect(failure.message == "usage of 1 cdn would pass the limit of 1000000000000 a month")
        #expect(result.notRun == 1)
    }

    @Test func aFailedExpectationDoesNotStopTheRun() async throws {
        let result = try await run(acmeWorld + "\nexpect acme invoices 5\nadvance 1 month\nexpect acme invoices 2\nexpect acme invoices 7")
        #expect(result.failure == nil)
        #expect(result.expectations.map(\.passed) == [false, true, false])
        #expect(result.failedExpectations.map(\.location.line) == [5, 8])
        #expect(result.notRun == 0)
    }

    @Test func anExpectationAfterOnIsCheckedAtThatInstantAndReportedAtItsLine() async throws {
        let line = "on 2026-02-15T00:00:01: expect acme invoices 2"
        let result = try await run(acmeWorld + "\n" + line + "\nexpect acme invoice 2 period 2026-02-15 to 2026-03-14")
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.first?.location == location(5, 25))
        #expect(result.expectations.first?.text == line)
    }

    @Test func aDigestExpectationComparesTheWorldsDigest() async throws {
        let first = try await run(acmeWorld + "\nexpect digest \(zeroDigest)")
        let digest = try digest(of: first)
        let second = try await run(acmeWorld + "\nexpect digest \(digest.uppercased())")
        #expect(second.passed)
        let third = try await run(acmeWorld + "\nadvance 1 day\nexpect digest \(digest)")
        #expect(!third.passed)
    }

    // MARK: can and cannot change nothing

    @Test func expectCanChangePlanLeavesThePlanAndInvoicesAlone() async throws {
        let result = try await run(
            acmeWorld + """

                on 2026-01-20: expect anna@acme.se can change plan of acme to enterprise annual
                expect acme plan business monthly
                expect acme invoices 1
                expect total invoices 1
                advance to 2026-02-15T00:00:01
                expect acme invoice 2 total 143.75 lines 1
                """)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.count == 5)
    }

    @Test func expectCanInviteDoesNotRegisterTheInvitee() async throws {
        let result = try await run(
            acmeWorld + """

                expect total users 2
                expect anna@acme.se can invite new@x.se to acme as billing
                expect total users 2
                expect anna@acme.se cannot invite new@x.se to acme as owner saying "nobody becomes Owner"
                expect total users 2
                """)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.count == 5)
    }

    @Test func expectCanTurnInvoiceEmailOnSendsNothingLater() async throws {
        let result = try await run(
            """
            start 2026-01-15
            company acme "Acme AB" owner anna@acme.se country SE currency USD plan business
            expect anna@acme.se can turn invoice email on
            advance to 2026-03-02
            expect no email to anna@acme.se
            expect total emails 0
            """)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.expectations.count == 3)
    }

    @Test func expectCanAddAnAddOnAddsNothingToTheNextInvoice() async throws {
        let result = try await run(
            acmeWorld + """

                expect anna@acme.se can add addon disk20 to acme
                expect anna@acme.se can add site shop to acme
                expect anna@acme.se cannot add addon redis site shop to acme saying "no site 'shop'"
                advance to 2026-02-15T00:00:01
                expect acme invoice 2 lines 1 total 143.75
                """)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
    }

    @Test func expectCanCloseTheAccountLeavesItOpen() async throws {
        let result = try await run(
            acmeWorld + """

                expect anna@acme.se can close account of acme
                add site shop "Shop" to acme
                expect anna@acme.se can manage site shop of acme staging
                """)
        #expect(result.failure == nil)
        #expect(result.passed)
    }

    // MARK: cannot … saying

    @Test func cannotPassesWhenTheActionIsRefusedWithTheText() async throws {
        let result = try await run(
            acmeWorld + """

                expect bo@partner.se cannot close account of acme
                expect bo@partner.se cannot close account of acme saying "may not close the account"
                expect anna@acme.se cannot invite bo@partner.se to acme as developer saying "already has a role in company acme"
                """)
        #expect(result.passed)
        #expect(result.expectations.count == 3)
    }

    @Test func cannotFailsWhenTheMessageLacksTheText() async throws {
        let result = try await run(acmeWorld + "\nexpect bo@partner.se cannot close account of acme saying \"is forbidden\"")
        let mismatches = try #require(result.expectations.first?.mismatches)
        #expect(
            mismatches == [
                Mismatch(
                    "message", expected: "containing \"is forbidden\"",
                    actual: "\"access denied: bo@partner.se may not close the account in company acme\"")
            ])
    }

    @Test func cannotFailsWhenTheActionIsAllowedWhateverItShouldSay() async throws {
        let result = try await run(acmeWorld + "\nexpect bo@partner.se cannot view invoices of acme saying \"may not\"")
        #expect(result.expectations.first?.mismatches == [Mismatch("outcome", expected: "refused", actual: "allowed")])
    }

    @Test func theSayingTextIsMatchedExactlyNotIgnoringCase() async throws {
        let result = try await run(acmeWorld + "\nexpect bo@partner.se cannot close account of acme saying \"MAY NOT\"")
        #expect(result.expectations.first?.mismatches.first?.what == "message")
    }

    // MARK: A failing statement stops the run

    @Test func aFailingStatementStopsTheRunAtItsLine() async throws {
        let result = try await run(
            acmeWorld + """

                expect acme invoices 1
                as bo@partner.se: close account of acme
                expect acme invoices 1
                on 2026-02-20: expect acme invoices 2
                advance 1 day
                expect total companies 1
                """)
        let failure = try #require(result.failure)
        #expect(failure.location == location(6, 1))
        #expect(failure.text == "as bo@partner.se: close account of acme")
        #expect(failure.message == "access denied: bo@partner.se may not close the account in company acme")
        #expect(result.expectations.count == 1)
        #expect(result.expectations.allSatisfy { $0.passed })
        #expect(result.notRun == 3)
        #expect(!result.passed)
    }

    @Test func aStatementFailingAfterOnIsReportedAtItsLine() async throws {
        let result = try await run(acmeWorld + "\non 2026-02-01: usage acme site nowhere visits 5\nexpect acme invoices 2")
        let failure = try #require(result.failure)
        #expect(failure.location.line == 5)
        #expect(failure.message == "no site 'nowhere' in this company")
        #expect(result.notRun == 1)
    }

    @Test func aCreditInAnotherCurrencyIsRefusedBeforeTheRun() throws {
        // The checker knows the company's currency; the runtime refuses it too
        // (CheckerRuntimeParityTests), for companies restored from a snapshot.
        let diagnostic = try problem(acmeWorld + "\ncredit acme 5 SEK\nexpect acme balance 5")
        #expect(diagnostic.message == "company acme is billed in USD, not SEK")
        #expect(diagnostic.location.column == 15)
    }

    @Test func aCreditInTheCompanysCurrencyAddsToItsBalance() async throws {
        let result = try await run(acmeWorld + "\ncredit acme 5\ncredit acme 2.50 USD\nexpect acme balance 7.50")
        #expect(result.passed)
    }

    @Test func aRunWithNoFailureButAPassingScenarioIsPassed() async throws {
        let result = try await run("expect total companies 0")
        #expect(result.passed)
        #expect(result.expectations.count == 1)
    }

    // MARK: Who acts

    @Test func anActionWithoutAsIsDoneByTheCurrentOwner() async throws {
        // After the transfer Ali is the Owner and Anna an Administrator. A transfer back
        // written without 'as' succeeds only if Ali performs it.
        let result = try await run(
            acmeWorld + """

                invite ali@acme.se to acme as administrator
                as ali@acme.se: accept invitation to acme
                transfer ownership of acme to ali@acme.se
                expect acme owner ali@acme.se
                expect anna@acme.se role in acme administrator
                transfer ownership of acme to anna@acme.se
                expect acme owner anna@acme.se
                expect ali@acme.se role in acme administrator
                """)
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.passed)
    }

    @Test func anActionWithAsIsDoneByThatUser() async throws {
        let result = try await run(acmeWorld + "\nas bo@partner.se: change plan of acme to pro")
        #expect(result.failure?.message == "access denied: bo@partner.se may not change plan in company acme")
    }

    @Test func theOwnerAlsoActsInsideOn() async throws {
        let result = try await run(acmeWorld + "\non 2026-01-20: change plan of acme to pro\nexpect acme plan pro monthly")
        #expect(result.passed)
    }

    // MARK: Determinism

    @Test func runningTheSameScenarioTwiceGivesEqualResultsAndDigests() async throws {
        let scenario = try load(
            acmeWorld + """

                usage acme visits 250000
                advance 3 months
                expect acme invoices 99
                expect digest \(zeroDigest)
                """)
        let first = await ScenarioRunner().run(scenario)
        let second = await ScenarioRunner().run(scenario)
        #expect(timeless(first) == timeless(second))
        #expect(try digest(of: first) == digest(of: second))
        #expect(first.expectations[0].mismatches == [Mismatch("invoices", expected: "99", actual: "4")])
    }

    @Test func theSeedIsOneByDefault() async throws {
        let tail = "start 2026-01-01\ngenerate 30 companies\nadvance 1 month\nexpect digest \(zeroDigest)"
        let unseeded = try digest(of: await run(tail))
        #expect(try digest(of: await run("seed 1\n" + tail)) == unseeded)
        #expect(try digest(of: await run("seed 2\n" + tail)) != unseeded)
    }

    @Test func aSeedOverrideChangesTheDigestOfAGeneratedPopulation() async throws {
        func population(seed: UInt64) throws -> Scenario {
            try load("seed \(seed)\nstart 2026-01-01\ngenerate 30 companies\nadvance 1 month\nexpect digest \(zeroDigest)")
        }
        let scripted1 = try digest(of: await ScenarioRunner().run(try population(seed: 1)))
        let scripted2 = try digest(of: await ScenarioRunner().run(try population(seed: 2)))
        let overridden = try digest(of: await ScenarioRunner(seed: 2).run(try population(seed: 1)))
        let overriddenBack = try digest(of: await ScenarioRunner(seed: 1).run(try population(seed: 2)))
        #expect(scripted1 != scripted2)
        #expect(overridden == scripted2)
        #expect(overriddenBack == scripted1)
    }

    @Test func generatedCompaniesFollowScriptedOnesInTheWorldIndex() async throws {
        let result = try await run(
            acmeWorld + """

                generate 2 companies annual 0% addons 0%
                advance 28 days
                expect c0000001 invoices 1
                expect c0000002 invoices 1
                expect total companies 3
                expect total invoices 3
                """)
        #expect(result.passed, "\(result.failedExpectations)")
    }

    // MARK: Many scenarios

    private func manyScenarios() throws -> [Scenario] {
        // The first is the slowest, so with room for two at once the later ones finish first.
        var scenarios = [
            try load("seed 3\ngenerate 300 companies\nadvance 2 months\nexpect total companies 300", path: "a-slow.scenario")
        ]
        for index in 1...6 {
            let text = acmeWorld + "\nadvance \(index) months\nexpect acme invoices \(index + 1)\nexpect acme invoices 0"
            scenarios.append(try load(text, path: "s\(index).scenario"))
        }
        return scenarios
    }

    @Test(arguments: [1, 2, 3, 64])
    func manyScenariosComeBackInTheOrderGiven(width: Int) async throws {
        let scenarios = try manyScenarios()
        let results = await ScenarioRunner().run(scenarios, width: width)
        #expect(results.map(\.path) == scenarios.map(\.path))
        #expect(results.dropFirst().map { $0.expectations.map(\.passed) } == Array(repeating: [true, false], count: 6))
        #expect(results.dropFirst().map { $0.expectations[1].mismatches.first?.actual } == (1...6).map { "\($0 + 1)" })
    }

    @Test func oneAtATimeAndTwoAtATimeGiveTheSameResults() async throws {
        let scenarios = try manyScenarios()
        let serial = await ScenarioRunner().run(scenarios, width: 1)
        let paired = await ScenarioRunner().run(scenarios, width: 2)
        let unbounded = await ScenarioRunner().run(scenarios)
        #expect(serial.map(timeless) == paired.map(timeless))
        #expect(serial.map(timeless) == unbounded.map(timeless))
    }

    @Test func runningNoScenariosGivesNoResults() async {
        #expect(await ScenarioRunner().run([], width: 2).isEmpty)
    }

    @Test func aWidthOfZeroStillRunsEveryScenario() async throws {
        let scenarios = try manyScenarios()
        let results = await ScenarioRunner().run(Array(scenarios.dropFirst()), width: 0)
        #expect(results.map(\.path) == scenarios.dropFirst().map(\.path))
    }
}
