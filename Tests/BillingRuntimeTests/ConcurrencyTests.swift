import BillingCore
import BillingRuntime
import Testing

/// Many callers at once: the actors serialise access, so no update is lost, the world
/// stays consistent while time advances, and worlds in one process share nothing.
@Suite("Concurrent callers")
struct ConcurrencyTests {
    /// A world with one Swedish company, `solo`, owned by `owner@solo.se`.
    private func soloWorld() async throws -> Simulation {
        let sim = try Simulation(seed: 1, start: at("2026-01-15"))
        try await sim.register(email: "owner@solo.se", name: "Owner")
        try await sim.createCompany(companySpec("solo"), owner: "owner@solo.se")
        return sim
    }

    /// Runs `body(i)` for `i` in `0..<count` as concurrent child tasks; returns how many
    /// succeeded.
    private func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            for i in 0..<count { group.addTask { (try? await body(i)) != nil } }
            var succeeded = 0
            for await ok in group where ok { succeeded += 1 }
            return succeeded
        }
    }

    @Test("Five hundred concurrent callers each adding a site to one company lose no site")
    func concurrentSitesAreAllKept() async throws {
        let sim = try await soloWorld()
        let succeeded = await concurrently(500) { i in
            try await sim.addSite(Site(id: "site\(i)", name: "Site \(i)"), to: "solo", as: "owner@solo.se")
        }
        #expect(succeeded == 500)
        let sites = try await sim.state(of: "solo").sites.map(\.id)
        #expect(sites.count == 500)
        #expect(Set(sites) == Set((0..<500).map { "site\($0)" }))
    }

    @Test("Five hundred concurrent visits recorded one at a time add up exactly")
    func concurrentUsageAddsUp() async throws {
        let sim = try await soloWorld()
        let succeeded = await concurrently(500) { _ in try await sim.recordUsage(.visits, 1, in: "solo") }
        #expect(succeeded == 500)
        #expect(try await sim.state(of: "solo").usage.visits == 500)
    }

    @Test("Concurrent credits and concurrent invitations to one company are all kept")
    func concurrentCreditsAndInvitations() async throws {
        let sim = try await soloWorld()
        let succeeded = await concurrently(400) { i in
            if i % 2 == 0 {
                try await sim.addCredit(Money(minorUnits: 100, .sek), to: "solo")
            } else {
                try await sim.invite("guest\(i)@solo.se", to: "solo", as: .billing, by: "owner@solo.se")
                try await sim.accept(invitationTo: "solo", as: "guest\(i)@solo.se")
            }
        }
        #expect(succeeded == 400)
        let state = try await sim.state(of: "solo")
        #expect(state.balance == 200 * 100)
        #expect(state.members.count == 201)
        #expect(state.members.filter { $0.role == .billing }.count == 200)
    }

    /// A generated world in which every company's owner changes plans, records usage
    /// and edits details while another task advances three months; then two more
    /// months pass, so every invoice has had a month end.
    private func operationsDuringAdvance(_ numbering: NumberingScheme) async throws -> Simulation {
        let sim = try Simulation(seed: 13, start: at("2026-01-15"), settings: WorldSettings(numbering: numbering))
        try await sim.populate(PopulationSpec(companies: 120, optInPercent: 60, partnerPercent: 30))
        var owners: [(String, String)] = []
        for state in await allStates(of: sim) {
            let owner = try #require(state.members.first { $0.role == .owner })
            owners.append((state.id, await sim.user(owner.user).email))
        }
        let work = owners

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await sim.advance(by: .months(3)) }
            for (index, (company, owner)) in work.enumerated() {
                group.addTask {
                    for round in 0..<4 {
                        try? await sim.changePlan(of: company, to: round % 2 == 0 ? "enterprise" : "starter", as: owner)
                        try? await sim.recordUsage(.visits, Int64(1_000 * (index + round)), in: company)
                        try? await sim.editDetails(of: company, address: "Round \(round)", as: owner)
                        await Task.yield()
                    }
                }
            }
        }
        await sim.advance(by: .months(2))
        return sim
    }

    /// Every invoice emailed once to each opted-in recipient, never twice, never before
    /// it was issued, under its own number.
    private func expectEveryEmailOnce(_ sim: Simulation) async {
        let states = await allStates(of: sim)
        let messages = await sim.emails
        #expect(!messages.isEmpty)
        #expect(duplicateDeliveries(messages).isEmpty)
        let expected = Set(await expectedDeliveries(of: sim).map { "u\($0.recipient.rawValue) c\($0.company) i\($0.invoice)" })
        let actual = Set(messages.map { "u\($0.recipient.rawValue) c\($0.company) i\($0.invoice)" })
        #expect(actual == expected)
        for message in messages {
            let invoice = states[Int(message.company)].invoices[Int(message.invoice)]
            #expect(message.sentAt >= invoice.created)
            #expect(message.number == invoice.number)
        }
    }

    @Test("Operations running while time advances leave each company's series gapless and every email sent once")
    func operationsDuringAdvancePerCompany() async throws {
        let sim = try await operationsDuringAdvance(.perCompany)
        for state in await allStates(of: sim) {
            #expect(seriesProblems(state.invoices.map(\.number)) == nil, "company \(state.id)")
        }
        await expectEveryEmailOnce(sim)
    }

    @Test(
        "Operations running while time advances leave the seller-wide series unique and gapless, every email sent once")
    func operationsDuringAdvanceSellerWide() async throws {
        let sim = try await operationsDuringAdvance(.sellerWide)
        let numbers = await allStates(of: sim).flatMap { $0.invoices.map(\.number) }
        #expect(numbers.allSatisfy { $0 != nil }, "an invoice was left a draft")
        let sequences = numbers.compactMap { $0?.sequence }.sorted()
        #expect(sequences == Array(1...Int64(numbers.count)), "the seller-wide series has gaps or repeats")
        await expectEveryEmailOnce(sim)
    }

    @Test("Concurrent advances run one after another and end where a single advance ends")
    func concurrentAdvancesSerialise() async throws {
        let spec = PopulationSpec(companies: 100, optInPercent: 50)
        let reference = try Simulation(seed: 8, start: at("2026-01-15"))
        try await reference.populate(spec)
        await reference.advance(to: at("2026-04-01"))

        let sim = try Simulation(seed: 8, start: at("2026-01-15"))
        try await sim.populate(spec)
        await withTaskGroup(of: Void.self) { group in
            for target in ["2026-02-01", "2026-04-01", "2026-03-10", "2026-02-20", "2026-03-01"] {
                group.addTask { await sim.advance(to: at(target)) }
            }
        }
        #expect(await sim.now == at("2026-04-01"))
        #expect(await sim.emails == (await reference.emails))
        #expect(await sim.digest() == (await reference.digest()))
    }

    @Test("Concurrent advances by a duration add up: three calls of one month advance three months")
    func concurrentAdvancesByDurationAddUp() async throws {
        let sim = try Simulation(seed: 8, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 50))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await sim.advance(by: .months(1)) } }
        }
        #expect(await sim.now == at("2026-04-15"))
    }

    @Test("Companies created concurrently each get their own index and first invoice")
    func concurrentCompanyCreation() async throws {
        let sim = try Simulation(seed: 2, start: at("2026-01-15"))
        for i in 0..<20 { try await sim.register(email: "owner\(i)@x.se", name: "Owner \(i)") }
        let succeeded = await concurrently(20) { i in
            try await sim.createCompany(companySpec("company\(i)"), owner: "owner\(i)@x.se")
        }
        #expect(succeeded == 20)
        let states = await allStates(of: sim)
        #expect(states.map(\.index) == (0..<20).map { Int32($0) })
        #expect(Set(states.map(\.id)).count == 20)
        #expect(states.allSatisfy { $0.invoices.count == 1 })
    }

    @Test("Several simulations running at once in one process each get the digest they get alone")
    func simulationsAreIsolated() async throws {
        let seeds: [UInt64] = [1, 2, 3, 4]
        func run(_ seed: UInt64) async throws -> String {
            let sim = try Simulation(seed: seed, start: at("2026-01-15"))
            try await sim.populate(PopulationSpec(companies: 80, optInPercent: 40))
            await sim.advance(by: .months(6))
            return await sim.digest()
        }
        var alone: [UInt64: String] = [:]
        for seed in seeds { alone[seed] = try await run(seed) }

        let together = try await withThrowingTaskGroup(of: (UInt64, String).self) { group in
            for seed in seeds { group.addTask { (seed, try await run(seed)) } }
            var out: [UInt64: String] = [:]
            for try await (seed, digest) in group { out[seed] = digest }
            return out
        }
        #expect(together == alone)
        #expect(Set(alone.values).count == seeds.count)
    }
}
