import BillingCore
import BillingRuntime
import Testing

@Test func debugPopulation() async throws {
    let sim = Simulation(seed: 17, start: at("2026-01-15"))
    try await sim.populate(PopulationSpec(companies: 5))
    for s in await allStates(of: sim) { print(s.id, s.invoices.count, s.nextDue as Any, s.periodStart, s.periodBilled) }
    print(await sim.clock.now, await sim.clock.nextMonthEnd)
    await sim.advance(by: .seconds(1))
    for s in await allStates(of: sim) { print(s.id, s.invoices.count) }
}
