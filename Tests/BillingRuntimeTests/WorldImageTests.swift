import BillingCore
import BillingRuntime
import Testing

@Suite("A world's image: taken, restored, continued")
struct WorldImageTests {
    static let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))

    static func world(_ numbering: NumberingScheme) async throws -> Simulation {
        let sim = try Simulation(seed: 3, start: start, settings: WorldSettings(numbering: numbering))
        try await sim.populate(PopulationSpec(companies: 300, annualPercent: 30, optInPercent: 60))
        return sim
    }

    @Test(
        "Restoring an image and continuing gives the digest of never stopping, at any cut",
        arguments: [
            (SimulatedDuration.months(5), NumberingScheme.perCompany), (.days(45), .sellerWide),
            (.months(3), .sellerWide), (.seconds(1), .perCompany), (.seconds(0), .perCompany), (.seconds(0), .sellerWide),
        ])
    func continuingIsExact(cut: SimulatedDuration, numbering: NumberingScheme) async throws {
        let straight = try await Self.world(numbering)
        let end = SimulatedDuration.months(14).after(Self.start)
        await straight.advance(to: end)

        let first = try await Self.world(numbering)
        await first.advance(to: cut.after(Self.start))
        let image = await first.image()
        let restored = try Simulation(restoring: image)
        #expect(await restored.digest() == (await first.digest()))
        await restored.advance(to: end)
        #expect(await restored.digest() == (await straight.digest()))
        #expect(await restored.emailCount == (await straight.emailCount))
    }

    @Test("An image whose parts disagree is refused with a message, never trapped on")
    func inconsistentImagesAreRefused() async throws {
        let sim = try await Self.world(.perCompany)
        await sim.advance(by: .months(2))
        let image = await sim.image()
        var fewerSchedules = image
        fewerSchedules.scheduled.removeLast()
        var noUsers = image
        noUsers.users = []
        var swapped = image
        swapped.companies.swapAt(0, 1)
        var lateMonthEnd = image
        lateMonthEnd.nextMonthEnd = lateMonthEnd.nextMonthEnd.adding(seconds: 1)
        // Two months after a start on the 1st, `now` is a month end already run.
        var monthEndAgain = image
        monthEndAgain.nextMonthEnd = monthEndAgain.now
        var duplicateUser = image
        duplicateUser.users.append(duplicateUser.users[0])
        for bad in [fewerSchedules, noUsers, swapped, lateMonthEnd, monthEndAgain, duplicateUser] {
            #expect(throws: WorldInconsistency.self) { try Simulation(restoring: bad) }
        }
    }
}
