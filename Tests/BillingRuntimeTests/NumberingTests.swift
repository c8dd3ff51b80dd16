import BillingCore
import BillingRuntime
import Testing

/// DOMAIN.md "Invoices": numbers are unique, gapless within their series, assigned at
/// finalization, and the same on every run; one series per company or one seller-wide.
@Suite("Invoice numbering")
struct NumberingTests {
    /// A world of `companies` generated companies that also changes some plans mid-month
    /// (proration invoices issued at once) and runs seven months.
    private func run(numbering: NumberingScheme, seed: UInt64 = 21, companies: Int = 120, width: Int? = nil) async throws -> Simulation {
        let sim = try Simulation(seed: seed, start: at("2026-01-15"), settings: WorldSettings(numbering: numbering), width: width)
        try await sim.populate(PopulationSpec(companies: companies))
        await sim.advance(to: at("2026-02-03"))
        for state in await allStates(of: sim) where state.index % 7 == 0 {
            let owner = try #require(state.members.first { $0.role == .owner })
            let email = await sim.user(owner.user).email
            try await sim.changePlan(of: state.id, to: "enterprise", as: email)
        }
        await sim.advance(to: at("2026-08-15"))
        return sim
    }

    /// Every invoice as (company, position, number), sorted by (created, company, position).
    private func numbered(_ sim: Simulation) async -> [(created: Instant, company: Int32, position: Int, number: InvoiceNumber?)] {
        var all: [(created: Instant, company: Int32, position: Int, number: InvoiceNumber?)] = []
        for state in await allStates(of: sim) {
            for (position, invoice) in state.invoices.enumerated() {
                all.append((invoice.created, state.index, position, invoice.number))
            }
        }
        return all.sorted { ($0.created.seconds, $0.company, $0.position) < ($1.created.seconds, $1.company, $1.position) }
    }

    @Test("Each company's own series runs 1, 2, 3, … without gaps, under the company's prefix")
    func perCompanySeriesIsGapless() async throws {
        let sim = try await run(numbering: .perCompany)
        var prefixes: Set<String> = []
        for state in await allStates(of: sim) {
            #expect(!state.invoices.isEmpty)
            #expect(seriesProblems(state.invoices.map(\.number)) == nil, "company \(state.id)")
            #expect(state.invoices.allSatisfy { $0.number?.prefix == state.numberPrefix }, "company \(state.id)")
            #expect(state.nextSequence == Int64(state.invoices.count) + 1)
            prefixes.insert(state.numberPrefix)
        }
        #expect(prefixes.count == 120)
    }

    @Test("Per-company numbers are never shared by two invoices in the world")
    func perCompanyNumbersAreUnique() async throws {
        let sim = try await run(numbering: .perCompany)
        let numbers = await numbered(sim).compactMap(\.number)
        #expect(Set(numbers).count == numbers.count)
    }

    @Test("The seller-wide scheme gives one gapless series 1…N over all companies, without duplicates")
    func sellerWideSeriesIsGapless() async throws {
        let sim = try await run(numbering: .sellerWide)
        let all = await numbered(sim)
        let numbers = all.map(\.number)
        #expect(numbers.allSatisfy { $0 != nil }, "an invoice was left a draft")
        #expect(numbers.allSatisfy { $0?.prefix == "INV" })
        let sequences = numbers.compactMap { $0?.sequence }.sorted()
        #expect(sequences == Array(1...Int64(all.count)))
        #expect(await sim.sellerNext == Int64(all.count) + 1)
    }

    @Test("The seller-wide series follows time, then company, then the company's own order")
    func sellerWideFollowsFixedOrder() async throws {
        let sim = try Simulation(seed: 4, start: at("2026-01-15"), settings: WorldSettings(numbering: .sellerWide))
        for day in 0..<10 {
            try await sim.populate(PopulationSpec(companies: 8))
            if day < 9 { await sim.advance(by: .days(3)) }
        }
        await sim.advance(by: .months(4))

        let sequences = await numbered(sim).map { $0.number?.sequence ?? 0 }
        #expect(sequences.count > 80 * 4)
        #expect(sequences == Array(1...Int64(sequences.count)))
    }

    @Test(
        "Every run of the same world gives the same numbers, with one or two workers",
        arguments: [NumberingScheme.perCompany, .sellerWide])
    func numbersAreReproducible(_ numbering: NumberingScheme) async throws {
        let first = await numbered(try await run(numbering: numbering, width: 1)).map(\.number)
        let second = await numbered(try await run(numbering: numbering, width: 1)).map(\.number)
        let wide = await numbered(try await run(numbering: numbering, width: 2)).map(\.number)
        #expect(first.count > 500)
        #expect(first == second)
        #expect(first == wide)
    }

    @Test("Scripted companies get numbers under their prefix, and the seller's series under the seller-wide scheme")
    func prefixesFollowTheScheme() async throws {
        let perCompany = try await Team.world()
        #expect(try await perCompany.state(of: Team.company).invoices.first?.number?.description == "ACME-000001")

        let seller = Seller(name: "Moln AB", address: "Moln 1", country: .sweden, vatNumber: "SE1", seriesPrefix: "MOLN")
        let sellerWide = try await Team.world(settings: WorldSettings(seller: seller, numbering: .sellerWide))
        try await sellerWide.register(email: "other@b.se", name: "Other")
        try await sellerWide.createCompany(companySpec("bravo"), owner: "other@b.se")
        #expect(try await sellerWide.state(of: Team.company).invoices.first?.number?.description == "MOLN-000001")
        #expect(try await sellerWide.state(of: "globex").invoices.first?.number?.description == "MOLN-000002")
        #expect(try await sellerWide.state(of: "bravo").invoices.first?.number?.description == "MOLN-000003")
    }
}
