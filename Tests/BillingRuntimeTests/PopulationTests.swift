import BillingCore
import BillingRuntime
import Testing

/// The population generator: a realistic mix of companies, users and roles, each
/// company billed from the instant it is created.
@Suite("Generated populations")
struct PopulationTests {
    /// A world of 400 generated companies, and every company's state.
    private func population(seed: UInt64 = 17) async throws -> (Simulation, [CompanyState]) {
        let sim = Simulation(seed: seed, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 400))
        return (sim, await allStates(of: sim))
    }

    /// The ids of users the generator made partners (named `Partner k`).
    private func partners(of sim: Simulation) async -> Set<UserID> {
        let users = await sim.directory.snapshot.users
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
            let tax = try #require(state.invoices.first?.tax)
            if details.country == .sweden {
                seen.insert("Sweden")
                #expect(tax == .domestic(TaxRate(basisPoints: 2500)), "company \(state.id)")
            } else if details.country.isInEU, !details.vatNumber.isEmpty {
                seen.insert("EU with VAT number")
                #expect(tax == .reverseCharge, "company \(state.id)")
            } else if details.country.isInEU {
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
        let users = await sim.directory.snapshot.users
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

    @Test("Every company's first invoice is issued at creation, numbered, for the period starting then")
    func firstInvoiceAtCreation() async throws {
        let (_, states) = try await population()
        for state in states {
            let first = try #require(state.invoices.first, "company \(state.id) has no invoice")
            #expect(first.created == at("2026-01-15"))
            #expect(first.periodStart == at("2026-01-15"))
            #expect(first.kind == .plan)
            #expect(first.number != nil)
            #expect(first.total > 0)
        }
    }

    @Test("The same seed generates the same population, and another seed another one")
    func generationIsSeeded() async throws {
        let (first, _) = try await population(seed: 5)
        let (second, _) = try await population(seed: 5)
        let (other, _) = try await population(seed: 6)
        #expect(await first.canonicalDump() == (await second.canonicalDump()))
        #expect(await first.digest() != (await other.digest()))
    }

    @Test("A company's shape does not depend on how many companies were generated with it")
    func companyShapeIsIndependentOfCount() async throws {
        let small = Simulation(seed: 3, start: at("2026-01-15"))
        try await small.populate(PopulationSpec(companies: 10))
        let large = Simulation(seed: 3, start: at("2026-01-15"))
        try await large.populate(PopulationSpec(companies: 50))
        for id in ["c0000000", "c0000004", "c0000009"] {
            let a = try await small.state(of: id)
            let b = try await large.state(of: id)
            #expect(a.details == b.details)
            #expect(a.plan == b.plan)
            #expect(a.cycle == b.cycle)
            #expect(a.sites == b.sites)
            #expect(a.addOns == b.addOns)
            #expect(a.members.map(\.role) == b.members.map(\.role))
        }
    }

    @Test("A second population continues the indices and ids of the first")
    func populationsAppend() async throws {
        let sim = Simulation(seed: 3, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 10))
        await sim.advance(by: .days(5))
        try await sim.populate(PopulationSpec(companies: 10))
        let states = await allStates(of: sim)
        #expect(states.map(\.id) == (0..<20).map { "c" + String(repeating: "0", count: 7 - String($0).count) + String($0) })
        #expect(states[10...].allSatisfy { $0.invoices.first?.created == at("2026-01-20") })
    }
}
