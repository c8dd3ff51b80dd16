import BillingCore
import BillingRuntime
import Testing

/// ARCHITECTURE.md "The clock": time jumps between significant instants, visits only the
/// companies with something due, and `advance` returns a settled world.
@Suite("The simulation clock")
struct ClockTests {
    /// 300 generated companies, all signed up: their signups (and so their
    /// anniversaries) spread over the 1st to the 28th at 09:00. Returns the world on
    /// January 29th, 09:00.
    private func spreadWorld() async throws -> Simulation {
        let sim = Simulation(seed: 31, start: at("2026-01-01", hours: 9))
        try await sim.populate(PopulationSpec(companies: 300))
        await sim.advance(by: .days(28))
        return sim
    }

    @Test("An advance visits only the companies that have something due, not every company every day")
    func visitsOnlyDueCompanies() async throws {
        let sim = try await spreadWorld()
        await sim.advance(to: at("2026-02-10"))
        let before = await allStates(of: sim)
        let recorder = ProgressRecorder()
        await sim.advance(by: .days(2), progress: recorder.callback)
        let after = await allStates(of: sim)

        let changed = zip(before, after).filter { $0 != $1 }.count
        let visits = recorder.all.last?.companyVisits ?? 0
        #expect(changed >= 10, "no company was due in two days of spread anniversaries")
        #expect(visits == changed, "\(visits) visits for \(changed) companies with work due")
        #expect(visits < 300 * 2 / 10)
    }

    @Test("Progress reports move forward through due instants and end at the target")
    func progressMovesForward() async throws {
        let sim = try await spreadWorld()
        let target = await sim.now.adding(seconds: 5 * Instant.secondsPerDay)
        let recorder = ProgressRecorder()
        await sim.advance(to: target, progress: recorder.callback)

        let reports = recorder.all
        #expect(reports.count >= 3)
        #expect(reports.count < 5 * 24)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.now < $1.now && $0.companyVisits <= $1.companyVisits })
        #expect(reports.allSatisfy { $0.target == target && $0.now <= target })
        #expect(await sim.now == target)
    }

    @Test("A month end is a step even when no company is due then")
    func monthEndIsAStep() async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        let recorder = ProgressRecorder()
        await sim.advance(to: at("2026-02-10"), progress: recorder.callback)

        #expect(recorder.all.map(\.now) == [at("2026-02-01")])
        #expect(recorder.all.first?.companyVisits == 0)
        #expect(await sim.outbox.count == 1)
    }

    @Test("When an advance returns, every invoice due up to its target has been issued")
    func advanceReturnsSettled() async throws {
        let sim = try await Team.world()
        await sim.advance(to: at("2026-06-15"))
        let state = try await sim.state(of: Team.company)
        #expect(
            state.invoices.map(\.created)
                == ["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15", "2026-06-15"].map { at($0) })
        #expect(state.invoices.allSatisfy { $0.number != nil })
    }

    @Test("Advancing to an earlier instant does not move the clock back")
    func noTimeTravel() async throws {
        let sim = try await Team.world()
        await sim.advance(to: at("2026-03-01"))
        await sim.advance(to: at("2026-02-01"))
        #expect(await sim.now == at("2026-03-01"))
        #expect(try await sim.state(of: Team.company).invoices.count == 2)
    }

    @Test("A company whose due moves later through an operation is billed at the new due, once")
    func rescheduledCompanyBilledOnce() async throws {
        let sim = try await Team.world()
        await sim.advance(to: at("2026-01-20"))
        try await sim.changePlan(of: Team.company, to: "starter", cycle: .annual, as: Team.owner)
        await sim.advance(to: at("2027-01-19"))

        let plans = try await sim.state(of: Team.company).invoices.filter { $0.kind == .plan }
        #expect(plans.map(\.created) == [at("2026-01-15"), at("2026-01-20")])
        await sim.advance(to: at("2027-01-20"))
        let later = try await sim.state(of: Team.company).invoices.filter { $0.kind == .plan }
        #expect(later.map(\.created) == [at("2026-01-15"), at("2026-01-20"), at("2027-01-20")])
    }
}
