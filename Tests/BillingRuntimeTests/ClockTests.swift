import BillingCore
import BillingRuntime
import Testing

/// ARCHITECTURE.md "The clock": time steps from month end to month end (or to an earlier
/// target), each step visits only the companies with something due, each once, and
/// `advance` returns a settled world.
@Suite("The simulation clock")
struct ClockTests {
    /// 300 generated companies, all signed up: their signups (and so their
    /// anniversaries) spread over the 1st to the 28th at 09:00. Returns the world on
    /// January 29th, 09:00.
    private func spreadWorld() async throws -> Simulation {
        let sim = try Simulation(seed: 31, start: at("2026-01-01", hours: 9))
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

    @Test("An advance steps to every month end and then the target, not to every due instant")
    func stepsAreMonthEnds() async throws {
        let sim = try await spreadWorld()
        let target = await sim.now.adding(seconds: 5 * Instant.secondsPerDay)
        let recorder = ProgressRecorder()
        await sim.advance(to: target, progress: recorder.callback)

        let reports = recorder.all
        #expect(reports.map(\.now) == [at("2026-02-01"), target])
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.companyVisits <= $1.companyVisits })
        #expect(reports.allSatisfy { $0.target == target })
        #expect(await sim.now == target)
    }

    @Test("A year visits each company at most once per step: one visit per company per month")
    func oneVisitPerCompanyPerMonth() async throws {
        let sim = try await spreadWorld()
        let recorder = ProgressRecorder()
        await sim.advance(by: .months(12), progress: recorder.callback)

        let reports = recorder.all
        #expect(reports.count == 13, "twelve month ends and the target")
        let perStep = zip([0] + reports.map(\.companyVisits), reports.map(\.companyVisits)).map { $1 - $0 }
        #expect(perStep.allSatisfy { $0 <= 300 }, "\(perStep)")
        // Every company has a plan period or a usage window ending every month.
        #expect(perStep.dropLast().allSatisfy { $0 == 300 }, "\(perStep)")
    }

    @Test("Paced mode steps by day and waits on the injected real time, never on the wall clock")
    func pacedStepsWaitOnInjectedTime() async throws {
        let sim = try await Team.world()
        let realTime = ScriptedRealTime()
        await sim.advance(by: .days(20), pace: .dayPer(milliseconds: 250, realTime: realTime))

        let waits = await realTime.waits
        #expect(waits.count == 20)
        for (day, wait) in waits.enumerated() { #expect(abs(wait - 0.25 * Double(day + 1)) < 1e-9) }
        #expect(await sim.now == at("2026-02-04"))
        let unpaced = try await Team.world()
        await unpaced.advance(by: .days(20))
        #expect(await sim.digest() == (await unpaced.digest()))
    }

    @Test("A month end is a step even when no company is due then")
    func monthEndIsAStep() async throws {
        let sim = try await Team.world(optedIn: [Team.owner])
        let recorder = ProgressRecorder()
        await sim.advance(to: at("2026-02-10"), progress: recorder.callback)

        #expect(recorder.all.map(\.now) == [at("2026-02-01"), at("2026-02-10")])
        // Nothing is due on February 1st: each company is visited only for the emails of
        // its first invoice, and nobody on the 10th.
        #expect(recorder.all.map(\.companyVisits) == [await sim.companyCount, await sim.companyCount])
        #expect(await sim.emailCount == 1)
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

/// Real time that a test scripts: every wait is recorded and returns at once, as if the
/// time had come.
actor ScriptedRealTime: RealTime {
    private var current = 0.0
    /// The instants waited for, in order.
    private(set) var waits: [Double] = []

    func seconds() -> Double { current }

    func sleep(until seconds: Double) {
        waits.append(seconds)
        current = max(current, seconds)
    }
}
