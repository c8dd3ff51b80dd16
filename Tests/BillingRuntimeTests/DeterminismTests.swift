import BillingCore
import BillingRuntime
import Testing

/// ARCHITECTURE.md "Determinism": the same seed and inputs give the same world, byte for
/// byte, whatever the concurrency, the step sizes or the pacing.
@Suite("Determinism")
struct DeterminismTests {
    private static let start = at("2026-01-15")

    /// A populated world of `companies` companies with `seed`, not yet advanced.
    private func world(seed: UInt64 = 99, companies: Int = 300, width: Int? = nil) async throws -> Simulation {
        let sim = try Simulation(seed: seed, start: DeterminismTests.start, width: width)
        try await sim.populate(PopulationSpec(companies: companies, optInPercent: 40, partnerPercent: 20))
        return sim
    }

    @Test("The same seed twice gives the same digest and the same canonical dump")
    func sameSeedSameWorld() async throws {
        let first = try await world()
        await first.advance(by: .months(12))
        let second = try await world()
        await second.advance(by: .months(12))

        let dump = await first.canonicalDump()
        #expect(dump.contains("invoice "))
        #expect(dump.contains("email "))
        #expect(dump == (await second.canonicalDump()))
        #expect(await first.digest() == (await second.digest()))
    }

    @Test("A different seed gives a different world")
    func differentSeedDifferentWorld() async throws {
        let first = try await world(seed: 1, companies: 100)
        await first.advance(by: .months(3))
        let second = try await world(seed: 2, companies: 100)
        await second.advance(by: .months(3))

        #expect(await first.digest() != (await second.digest()))
    }

    @Test("One worker and two workers give the same digest")
    func widthDoesNotMatter() async throws {
        let narrow = try await world(width: 1)
        await narrow.advance(by: .months(12))
        let wide = try await world(width: 2)
        await wide.advance(by: .months(12))

        #expect(await narrow.digest() == (await wide.digest()))
        #expect(await narrow.emails == (await wide.emails))
    }

    @Test("Advancing a year at once, month by month or day by day gives the same digest", arguments: NumberingScheme.allCases)
    func stepSizeDoesNotMatter(numbering: NumberingScheme) async throws {
        func world() async throws -> Simulation {
            let sim = try Simulation(seed: 99, start: DeterminismTests.start, settings: WorldSettings(numbering: numbering))
            try await sim.populate(PopulationSpec(companies: 150, optInPercent: 40, partnerPercent: 20))
            return sim
        }
        let yearly = try await world()
        await yearly.advance(by: .years(1))
        let monthly = try await world()
        for _ in 0..<12 { await monthly.advance(by: .months(1)) }
        let daily = try await world()
        for _ in 0..<365 { await daily.advance(by: .days(1)) }

        let digest = await yearly.digest()
        #expect(await yearly.now == at("2027-01-15"))
        #expect(await monthly.now == at("2027-01-15"))
        #expect(await daily.now == at("2027-01-15"))
        #expect(await monthly.digest() == digest)
        #expect(await daily.digest() == digest)
    }

    @Test("A paced run gives the same digest as an unpaced one")
    func pacingDoesNotMatter() async throws {
        let unpaced = try await world(companies: 100)
        await unpaced.advance(by: .months(1))
        let paced = try await world(companies: 100)
        let realTime = ScriptedRealTime()
        await paced.advance(by: .months(1), pace: .dayPer(milliseconds: 0.5, realTime: realTime))

        #expect(await paced.digest() == (await unpaced.digest()))
        #expect(await realTime.waits.count == 31, "a paced month steps by day")
    }

    @Test("The same operations at the same instants give the same digest on every run")
    func scriptedOperationsAreReproducible() async throws {
        func run() async throws -> (String, String) {
            let sim = try await Team.world(optedIn: [Team.owner, Team.billing, Team.admin])
            await sim.advance(to: at("2026-02-03"))
            try await sim.changePlan(of: Team.company, to: "business", as: Team.admin)
            try await sim.addAddOn("redis", site: "shop", to: Team.company, as: Team.owner)
            try await sim.recordUsage(.visits, 140_000, in: Team.company)
            try await sim.addCredit(Money(minorUnits: 50_000, .sek), to: Team.company)
            await sim.advance(to: at("2026-04-20"))
            try await sim.editDetails(of: Team.company, country: Country(rawValue: "DE"), vatNumber: "DE123456789", as: Team.billing)
            try await sim.changePlan(of: Team.company, to: "agency", cycle: .annual, as: Team.owner)
            await sim.advance(to: at("2026-09-01"))
            return (await sim.digest(), await sim.canonicalDump())
        }
        let (firstDigest, firstDump) = try await run()
        let (secondDigest, secondDump) = try await run()
        #expect(firstDump == secondDump)
        #expect(firstDigest == secondDigest)
    }

    @Test("The digest changes when anything in the world changes")
    func digestSeesChanges() async throws {
        let sim = try await Team.world()
        let before = await sim.digest()
        try await sim.editPaymentMethod(of: Team.company, to: "Card •••• 9999", as: Team.billing)
        let afterEdit = await sim.digest()
        try await sim.setInvoiceEmails(true, of: Team.admin, as: Team.admin)
        let afterOptIn = await sim.digest()
        await sim.advance(to: at("2026-02-01"))
        let afterSend = await sim.digest()

        #expect(Set([before, afterEdit, afterOptIn, afterSend]).count == 4)
        #expect(afterSend.count == 64)
    }
}
