import BillingCore
import BillingRuntime
import Testing

/// The population generator: a realistic mix of companies, users and roles, signing
/// up over the four weeks after generation and billed from their signup.
@Suite("Generated populations")
struct PopulationTests {
    private static let start = at("2026-01-15")

    /// A world of 400 generated companies, four weeks on, when all have signed up, and
    /// every company's state.
    private func population(seed: UInt64 = 17) async throws -> (Simulation, [CompanyState]) {
        let sim = try Simulation(seed: seed, start: PopulationTests.start)
        try await sim.populate(PopulationSpec(companies: 400))
        await sim.advance(by: .days(28))
        return (sim, await allStates(of: sim))
    }

    /// The ids of users the generator made partners (named `Partner k`).
    private func partners(of sim: Simulation) async -> Set<UserID> {
        let users = await sim.users.users
        return Set(users.indices.filter { users[$0].name.hasPrefix("Partner ") }.map { UserID(Int32($0)) })
    }

    @Test("Companies get the ids c0000000, c0000001, … in index order")
    func companyIDs() async throws {
        let (sim, states) = try await population()
        #expect(states.count == 400)
        #expect(states.first?.id == "c0000000")
        #expect(states.last?.id == "c0000399")
        #expect(states.map(\.index) == (0..<400).map { Int32($0) })
        #expect(try await sim.state(of: "c0000123").index == 123)
    }

    @Test("Every company and site role occurs, and every company has exactly one Owner")
    func everyRoleOccurs() async throws {
        let (_, states) = try await population()
        var kinds: Set<String> = []
        for state in states {
            #expect(state.members.filter { $0.role == .owner }.count == 1, "company \(state.id)")
            for member in state.members {
                switch member.role {
                case .owner: kinds.insert("owner")
                case .administrator: kinds.insert("administrator")
                case .developer: kinds.insert("developer")
                case .billing: kinds.insert("billing")
                case .siteAdministrator(let sites):
                    kinds.insert("site administrator")
                    #expect(sites.allSatisfy { site in state.sites.contains { $0.id == site } })
                case .siteDeveloper(let sites):
                    kinds.insert("site developer")
                    #expect(sites.allSatisfy { site in state.sites.contains { $0.id == site } })
                }
            }
        }
        #expect(kinds == ["owner", "administrator", "developer", "billing", "site administrator", "site developer"])
    }

    @Test("Both cycles occur, most companies pay monthly")
    func cycles() async throws {
        let (_, states) = try await population()
        let annual = states.filter { $0.cycle == .annual }.count
        #expect(annual > 0)
        #expect(states.count - annual > 2 * annual)
    }

    @Test("Swedish, EU with a VAT number, EU without one and non-EU companies all occur, taxed accordingly")
    func countriesAndTaxes() async throws {
        let (_, states) = try await population()
        var seen: Set<String> = []
        for state in states {
            let details = state.details
            let first = try #require(state.invoices.first)
            let tax = first.tax
            let inEU = details.country.isInEU(on: first.created.date)
            #expect((try? details.validated()) == details, "company \(state.id): '\(details.vatNumber)' does not fit \(details.country)")
            if details.country == .sweden {
                seen.insert("Sweden")
                #expect(tax == .domestic(TaxRate(basisPoints: 2500)), "company \(state.id)")
            } else if inEU, !details.vatNumber.isEmpty {
                seen.insert("EU with VAT number")
                #expect(tax == .reverseCharge, "company \(state.id)")
            } else if inEU {
                seen.insert("EU without VAT number")
                guard case .destination = tax else {
                    Issue.record("company \(state.id) in \(details.country) without VAT number is taxed \(tax)")
                    continue
                }
            } else {
                seen.insert("outside the EU")
                #expect(tax == .outsideScope, "company \(state.id)")
            }
        }
        #expect(seen == ["Sweden", "EU with VAT number", "EU without VAT number", "outside the EU"])
    }

    @Test("Every generated VAT number fits its company's country, in each EU country the generator uses")
    func vatNumbersFit() async throws {
        let sim = try Simulation(seed: 5, start: PopulationTests.start)
        try await sim.populate(PopulationSpec(companies: 2_000))
        var countries: Set<Country> = []
        for state in await allStates(of: sim) where !state.details.vatNumber.isEmpty {
            let details = state.details
            #expect((try? details.validated()) == details, "company \(state.id): '\(details.vatNumber)' does not fit \(details.country)")
            countries.insert(details.country)
        }
        // Sweden and the 14 other EU countries of the generator's mix.
        #expect(countries.count == 15)
        #expect(countries.isSubset(of: Country.europeanUnion))
    }

    @Test("All three currencies occur")
    func currencies() async throws {
        let (_, states) = try await population()
        #expect(Set(states.map(\.currency)) == Set(Currency.allCases))
    }

    @Test("Each company has 1 to 8 users of its own, and both ends of that range occur")
    func usersPerCompany() async throws {
        let (sim, states) = try await population()
        let partnerIDs = await partners(of: sim)
        let counts = states.map { state in state.members.filter { !partnerIDs.contains($0.user) }.count }
        #expect(counts.allSatisfy { (1...8).contains($0) })
        #expect(counts.contains(1))
        #expect(counts.contains(8))
    }

    @Test("Some users have turned invoice emails on and most have not")
    func optIns() async throws {
        let (sim, _) = try await population()
        let users = await sim.users.users
        let optedIn = users.filter(\.notifications.invoiceByEmail).count
        #expect(optedIn > users.count / 10)
        #expect(optedIn < users.count / 2)
    }

    @Test("Partners hold the Billing role in many companies, and nothing else")
    func partnersHoldBillingInMany() async throws {
        let (sim, states) = try await population()
        let partnerIDs = await partners(of: sim)
        #expect(!partnerIDs.isEmpty)
        var companiesPerPartner: [UserID: Int] = [:]
        for state in states {
            for member in state.members where partnerIDs.contains(member.user) {
                #expect(member.role == .billing, "partner u\(member.user.rawValue) is \(member.role) in \(state.id)")
                companiesPerPartner[member.user, default: 0] += 1
            }
        }
        #expect((companiesPerPartner.values.max() ?? 0) >= 10)
    }

    @Test("Each company gets its first invoice at its signup, and signups spread over the next four weeks")
    func firstInvoiceAtSignup() async throws {
        let (_, states) = try await population()
        let lastSignup = PopulationTests.start.adding(seconds: 27 * Instant.secondsPerDay)
        var signups: Set<Instant> = []
        for state in states {
            let first = try #require(state.invoices.first, "company \(state.id) has no invoice")
            #expect(first.created >= PopulationTests.start && first.created <= lastSignup, "company \(state.id)")
            #expect(first.periodStart == first.created, "company \(state.id)")
            #expect(first.kind == .plan)
            #expect(first.number != nil)
            #expect(first.total > 0)
            signups.insert(first.created)
        }
        #expect(signups.count >= 25)
    }

    @Test("Right after generation only the companies signing up that day have an invoice; the rest are due at their signup")
    func companiesSigningUpLaterAreDueThen() async throws {
        let sim = try Simulation(seed: 17, start: PopulationTests.start)
        try await sim.populate(PopulationSpec(companies: 400))
        let states = await allStates(of: sim)
        let invoiced = states.filter { !$0.invoices.isEmpty }
        let waiting = states.filter(\.invoices.isEmpty)

        #expect(!invoiced.isEmpty)
        #expect(waiting.count > invoiced.count)
        #expect(invoiced.allSatisfy { $0.invoices.count == 1 && $0.invoices[0].created == PopulationTests.start })
        for state in waiting {
            let due = try #require(state.nextDue)
            #expect(due > PopulationTests.start, "company \(state.id)")
            #expect(due == state.periodStart, "company \(state.id)")
        }
    }

    @Test(
        "A plan change before a generated company's signup bills no time before the signup")
    func planChangeBeforeSignupBillsNothingEarlier() async throws {
        let sim = try Simulation(seed: 17, start: PopulationTests.start)
        try await sim.populate(PopulationSpec(companies: 60))
        let waiting = try #require(await allStates(of: sim).first { $0.invoices.isEmpty && $0.plan != "enterprise" })
        let signup = waiting.periodStart
        let owner = try #require(waiting.members.first { $0.role == .owner })
        try await sim.changePlan(of: waiting.id, to: "enterprise", as: await sim.user(owner.user).email)
        await sim.advance(by: .days(28))

        let invoices = try await sim.state(of: waiting.id).invoices
        let first = try #require(invoices.first)
        #expect(invoices.allSatisfy { $0.periodStart >= signup }, "billed from \(invoices.map(\.periodStart)) for a signup on \(signup)")
        #expect(first.created == signup)
        #expect(first.kind == .plan)
        #expect(first.lines.first?.kind == .plan("enterprise", waiting.cycle))
    }

    @Test("The same seed generates the same population, and another seed another one")
    func generationIsSeeded() async throws {
        let (first, _) = try await population(seed: 5)
        let (second, _) = try await population(seed: 5)
        let (other, _) = try await population(seed: 6)
        #expect(await first.emailCount > 0)
        #expect(await first.canonicalDump() == (await second.canonicalDump()))
        #expect(await first.digest() != (await other.digest()))
    }

    @Test("A company's shape does not depend on how many companies were generated with it")
    func companyShapeIsIndependentOfCount() async throws {
        let small = try Simulation(seed: 3, start: at("2026-01-15"))
        try await small.populate(PopulationSpec(companies: 10))
        let large = try Simulation(seed: 3, start: at("2026-01-15"))
        try await large.populate(PopulationSpec(companies: 50))
        for id in ["c0000000", "c0000004", "c0000009"] {
            let a = try await small.state(of: id)
            let b = try await large.state(of: id)
            #expect(a.details == b.details)
            #expect(a.periodStart == b.periodStart)
            #expect(a.plan == b.plan)
            #expect(a.cycle == b.cycle)
            #expect(a.sites == b.sites)
            #expect(a.addOns == b.addOns)
            #expect(a.members.map(\.role) == b.members.map(\.role))
        }
    }

    @Test("A second population continues the indices and ids of the first")
    func populationsAppend() async throws {
        let sim = try Simulation(seed: 3, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 10))
        await sim.advance(by: .days(5))
        try await sim.populate(PopulationSpec(companies: 10))
        await sim.advance(by: .days(28))
        let states = await allStates(of: sim)
        #expect(states.map(\.id) == (0..<20).map { "c" + String(repeating: "0", count: 7 - String($0).count) + String($0) })
        let secondStart = at("2026-01-20")
        let secondEnd = secondStart.adding(seconds: 27 * Instant.secondsPerDay)
        for state in states[10...] {
            let created = try #require(state.invoices.first?.created, "company \(state.id) has no invoice")
            #expect(created >= secondStart && created <= secondEnd, "company \(state.id) signed up \(created)")
        }
    }
}
