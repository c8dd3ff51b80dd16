import Testing

@testable import BillingScenario

@Suite("Checker")
struct CheckerTests {
    static let unknownReferences: [BadLine] = [
        BadLine("expect acne invoices 1", 8, "no company 'acne' has been introduced", hint: "did you mean 'acme'?"),
        BadLine(
            "expect globex invoices 1", 8, "no company 'globex' has been introduced",
            hint: "introduce it with 'company globex \"Name\" owner … plan …'"),
        BadLine("usage acmw visits 5", 7, "no company 'acmw' has been introduced", hint: "did you mean 'acme'?"),
        BadLine("credit acmee 5", 8, "no company 'acmee' has been introduced", hint: "did you mean 'acme'?"),
        BadLine("on 2026-02-01: expect acne invoices 1", 23, "no company 'acne' has been introduced", hint: "did you mean 'acme'?"),
        BadLine("expect emails for acne count 0", 19, "no company 'acne' has been introduced", hint: "did you mean 'acme'?"),
        BadLine(
            "as bob@partner.se: view invoices of acme", 4, "no user bob@partner.se has been introduced",
            hint: "did you mean 'bo@partner.se'?"),
        BadLine(
            "as zed@nowhere.io: view invoices of acme", 4, "no user zed@nowhere.io has been introduced",
            hint: "introduce it with 'user zed@nowhere.io' or an invitation"),
        BadLine(
            "remove user ghost@x.se from acme", 13, "no user ghost@x.se has been introduced",
            hint: "introduce it with 'user ghost@x.se' or an invitation"),
        BadLine(
            "expect anna@acme.se cannot remove user ghost@x.se from acme", 40, "no user ghost@x.se has been introduced",
            hint: "introduce it with 'user ghost@x.se' or an invitation"),
        BadLine(
            "expect emails to ghost@x.se count 0", 18, "no user ghost@x.se has been introduced",
            hint: "introduce it with 'user ghost@x.se' or an invitation"),
        BadLine(
            "expect acme owner ANNA@acme.es", 19, "no user anna@acme.es has been introduced", hint: "did you mean 'anna@acme.se'?"),
        BadLine(
            "change plan of acme to bussiness", 24, "the catalog has no plan 'bussiness'", hint: "did you mean 'business'?"),
        BadLine(
            "expect acme plan platinum", 18, "the catalog has no plan 'platinum'",
            hint: "plans: agency, business, enterprise, pro, starter"),
        BadLine(
            "expect anna@acme.se can change plan of acme to bussiness", 48, "the catalog has no plan 'bussiness'",
            hint: "did you mean 'business'?"),
        BadLine("add addon rediss site shop to acme", 11, "the catalog has no add-on 'rediss'", hint: "did you mean 'redis'?"),
        BadLine(
            "remove addon turbo from acme", 14, "the catalog has no add-on 'turbo'", hint: "add-ons: backups, disk20, proxy, redis"),
    ]

    @Test("Unknown companies, users, plans and add-ons are refused at the word, with a hint", arguments: unknownReferences)
    func unknownReferencesAreRefused(bad: BadLine) throws {
        let diagnostic = try problem(acmeWorld + "\n" + bad.line)
        #expect(diagnostic.location == location(5, bad.column))
        #expect(diagnostic.message == bad.message)
        #expect(diagnostic.hint == bad.hint)
        #expect(diagnostic.sourceLine == bad.line)
    }

    @Test func theCaretPointsAtAnUnknownPlanEvenWhenACompanyHasTheSameName() throws {
        // The plan is the offending word, not the company id written earlier on the line.
        let introduced = try problem("company acme \"Acme\" owner a@b.se plan acme")
        #expect(introduced.message == "the catalog has no plan 'acme'")
        #expect(introduced.location.column == 39)
        let expected = try problem(acmeWorld + "\nexpect acme plan acme")
        #expect(expected.location == location(5, 18))
    }

    @Test func everythingIntroducedMayBeUsedAndEmailsMatchWithoutRegardToCase() throws {
        let scenario = try load(
            acmeWorld + """

                user Nils@Other.se "Nils"
                expect NILS@other.SE role in acme none
                expect ANNA@ACME.SE role in acme owner
                as BO@Partner.se: view invoices of acme
                add addon redis site shop to acme
                expect bo@partner.se can change plan of acme to enterprise
                """)
        #expect(scenario.statements.count == 10)
    }

    // MARK: The world comes first

    @Test func aWorldStatementAfterTheWorldStartedIsRefused() throws {
        let diagnostic = try problem(acmeWorld + "\nseed 3")
        #expect(diagnostic.location == location(5, 1))
        #expect(diagnostic.message == "world statements come first, but the world started at line 2")
        #expect(diagnostic.hint == "move this line above line 2 of test.scenario")
    }

    @Test(arguments: [
        "seed 3", "start 2026-02-01", "seller \"S\" country SE", "numbering seller-wide", "catalog empty",
        "plan mini \"Mini\" monthly 1 USD", "addon fast \"Fast\" monthly 1 USD per site", "overage cdn 1 USD",
        "vat SE 20% from 2027-01-01",
    ])
    func everyWorldStatementIsRefusedAfterAUser(line: String) throws {
        let diagnostic = try problem("user a@b.se\n" + line)
        #expect(diagnostic.location == location(2, 1))
        #expect(diagnostic.message.hasPrefix("world statements come first"))
    }

    @Test(arguments: ["advance 1 day", "expect total companies 0", "generate 1 company", "on 2026-01-02: expect total users 0"])
    func timePopulationsAndExpectationsStartTheWorld(first: String) throws {
        let diagnostic = try problem(first + "\nnumbering seller-wide")
        #expect(diagnostic.message == "world statements come first, but the world started at line 1")
    }

    @Test func worldStatementsComeInAnyOrderBeforeTheWorldStarts() throws {
        let scenario = try load(
            """
            vat SE 20% from 2027-01-01
            numbering seller-wide
            catalog empty
            plan mini "Mini" monthly 10 USD
            addon fast "Fast" monthly 1 USD per company
            overage visits 1 USD
            seller "Tiny AB" country SE
            start 2026-03-01
            seed 7
            company acme "Acme" owner a@b.se plan mini
            add addon fast to acme
            """)
        #expect(scenario.statements.count == 11)
    }

    @Test func anEmptyCatalogKnowsOnlyThePlansTheScenarioAdds() throws {
        let diagnostic = try problem("catalog empty\nplan mini \"Mini\" monthly 10 USD\ncompany acme \"Acme\" owner a@b.se plan pro")
        #expect(diagnostic.location == location(3, 39))
        #expect(diagnostic.message == "the catalog has no plan 'pro'")
        #expect(diagnostic.hint == "plans: mini")
    }

    // MARK: Companies

    @Test func aCompanyIsIntroducedOnce() throws {
        let diagnostic = try problem(acmeWorld + "\ncompany acme \"Again\" owner x@y.se plan pro")
        #expect(diagnostic.location == location(5, 9))
        #expect(diagnostic.message == "company acme is already introduced at line 2")
    }

    @Test(arguments: ["no", "emails", "email", "total", "digest"])
    func aKeywordOfExpectCannotBeACompanyID(id: String) throws {
        let diagnostic = try problem("company \(id) \"X\" owner x@y.se plan pro")
        #expect(diagnostic.location == location(1, 9))
        #expect(diagnostic.message == "'\(id)' is a keyword and cannot be a company id")
    }

    // MARK: Generated ids

    @Test func aScriptedCompanyMayNotTakeAGeneratedID() throws {
        let diagnostic = try problem("company c0000001 \"X\" owner x@y.se plan pro")
        #expect(diagnostic.location == location(1, 9))
        #expect(diagnostic.message == "ids like c0000001 are kept for generated companies")
        #expect(diagnostic.hint == "pick another id")
    }

    @Test(arguments: [("user u5@bs.io", 6), ("company x \"X\" owner u0@bs.io plan pro", 21), ("user U12@BS.io \"U\"", 6)])
    func aScriptedUserMayNotTakeAGeneratedAddress(line: String, column: Int) throws {
        let diagnostic = try problem(line)
        #expect(diagnostic.location == location(1, column))
        #expect(diagnostic.message.hasPrefix("addresses like u"))
        #expect(diagnostic.message.hasSuffix("@bs.io are kept for generated users"))
        #expect(diagnostic.hint == "pick another address")
    }

    @Test func anInvitationMayNotTakeAGeneratedAddress() throws {
        let diagnostic = try problem(acmeWorld + "\ninvite u1@bs.io to acme as billing")
        #expect(diagnostic.location == location(5, 8))
        #expect(diagnostic.message == "addresses like u1@bs.io are kept for generated users")
    }

    @Test func idsThatOnlyLookGeneratedAreFine() throws {
        let scenario = try load(
            """
            user u1x@bs.io
            user u1@bs.iox
            user x5@bs.io
            company c123 "Short" owner u1x@bs.io plan pro
            company c000000 "Seven chars" owner x5@bs.io plan pro
            company d0000001 "Other letter" owner u1@bs.iox plan pro
            """)
        #expect(scenario.statements.count == 6)
    }

    @Test func generatedCompaniesAndUsersMayBeUsedAfterTheyAreGenerated() throws {
        let scenario = try load(
            """
            generate 3 companies
            expect c0000000 invoices 1
            expect c0000002 invoices 1
            expect u0@bs.io role in c0000000 owner
            """)
        #expect(scenario.expectationCount == 3)
    }

    @Test func aGeneratedCompanyBeyondThePopulationIsUnknown() throws {
        let diagnostic = try problem("generate 3 companies\nexpect c0000003 invoices 1")
        #expect(diagnostic.location == location(2, 8))
        #expect(diagnostic.message == "no company 'c0000003' has been introduced")
    }

    @Test func generatedUsersAreUnknownBeforeAnyPopulation() throws {
        let diagnostic = try problem(acmeWorld + "\nexpect u0@bs.io role in acme none")
        #expect(diagnostic.message == "no user u0@bs.io has been introduced")
    }

    @Test func generatedCompaniesCountAfterScriptedOnes() throws {
        // One scripted company takes world index 0, so the population is c0000001…c0000002.
        let diagnostic = try problem(acmeWorld + "\ngenerate 2 companies\nexpect c0000002 invoices 1\nexpect c0000003 invoices 1")
        #expect(diagnostic.location == location(7, 8))
    }

    @Test func aCompanyIDWithExtraLeadingZerosIsNotAGeneratedCompany() throws {
        // Generated ids are "c" and seven digits: c00000001 is never generated, so the
        // checker must refuse it rather than let the run fail to find it.
        let diagnostic = try problem("generate 3 companies\nexpect c00000001 invoices 1")
        #expect(diagnostic.message == "no company 'c00000001' has been introduced")
    }

    // MARK: Users

    @Test func anInvitationIntroducesTheInvitee() throws {
        let scenario = try load(acmeWorld + "\ninvite new@x.se to acme as developer\nas new@x.se: accept invitation to acme")
        #expect(scenario.statements.count == 6)
    }

    @Test func anInvitationTriedInAnExpectationDoesNotIntroduceTheInvitee() throws {
        let diagnostic = try problem(
            acmeWorld + "\nexpect anna@acme.se can invite new@x.se to acme as billing\nexpect new@x.se role in acme none")
        #expect(diagnostic.location == location(6, 8))
        #expect(diagnostic.message == "no user new@x.se has been introduced")
    }

    @Test(arguments: ["accept invitation to acme", "turn invoice email on", "turn invoice email off for bo@partner.se"])
    func acceptAndTurnNeedAUser(line: String) throws {
        let diagnostic = try problem(acmeWorld + "\n" + line)
        #expect(diagnostic.location == location(5, 1))
        #expect(diagnostic.message == "this action is done by a user: start the line with 'as EMAIL:'")
    }

    @Test func acceptAndTurnAfterOnStillNeedAUser() throws {
        let diagnostic = try problem(acmeWorld + "\non 2026-01-16: accept invitation to acme")
        #expect(diagnostic.location == location(5, 16))
    }

    // MARK: Time

    @Test func advancingToAnEarlierInstantIsRefused() throws {
        let diagnostic = try problem(acmeWorld + "\nadvance to 2026-03-01\nadvance to 2026-02-01")
        #expect(diagnostic.location == location(6, 1))
        #expect(diagnostic.message == "2026-02-01 is before the scenario's time then, 2026-03-01: time never goes back")
    }

    @Test func anOnBeforeTheStartIsRefused() throws {
        let diagnostic = try problem(acmeWorld + "\non 2026-01-10: expect acme invoices 1")
        #expect(diagnostic.location == location(5, 1))
        #expect(diagnostic.message == "2026-01-10 is before the scenario's time then, 2026-01-15: time never goes back")
    }

    @Test func advancingByADurationMovesTheCheckersClock() throws {
        let diagnostic = try problem(acmeWorld + "\nadvance 1 month\nadvance to 2026-02-14T23:59")
        #expect(diagnostic.message == "2026-02-14T23:59:00Z is before the scenario's time then, 2026-02-15: time never goes back")
    }

    @Test func theStartIsTheEarliestInstant() throws {
        let diagnostic = try problem("start 2026-05-01\nadvance to 2026-04-30")
        #expect(diagnostic.location == location(2, 1))
        #expect(diagnostic.message.hasSuffix("time never goes back"))
    }

    @Test func advancingToNowIsFine() throws {
        let scenario = try load(acmeWorld + "\nadvance to 2026-01-15\non 2026-01-15: expect acme invoices 1\nadvance 0 days")
        #expect(scenario.statements.count == 7)
    }

    @Test(arguments: [
        "advance 100 years\nadvance 1 day", "advance 60 years\nadvance 41 years", "advance to 2126-01-01T00:00:01",
        "on 2126-01-02: expect total companies 0", "advance 1200 months\nadvance 1 month",
    ])
    func aScenarioSimulatesAtMostOneHundredYears(lines: String) throws {
        let all = try problems("start 2026-01-01\n" + lines)
        #expect(all.count == 1)
        #expect(all.first?.message == "a scenario simulates at most 100 years, to 2126-01-01")
    }

    @Test func exactlyOneHundredYearsIsFine() throws {
        #expect(try load("start 2026-01-01\nadvance 100 years\nadvance 0 days").statements.count == 3)
        #expect(try load("start 2026-01-01\nadvance to 2126-01-01").statements.count == 2)
    }

    // MARK: All problems

    @Test func everyProblemIsReportedInLineOrder() throws {
        let all = try problems(
            acmeWorld + """

                expect acne invoices 1
                seed 3
                as ghost@x.se: view invoices of acme
                accept invitation to acme
                """)
        #expect(all.map(\.location.line) == [5, 6, 7, 8])
    }
}
