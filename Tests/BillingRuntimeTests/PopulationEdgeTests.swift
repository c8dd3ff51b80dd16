import BillingCore
import BillingRuntime
import Testing

/// Populations at the edges: empty, and refused.
@Suite("Population edge cases")
struct PopulationEdgeTests {
    @Test("An empty population adds nobody; a negative one is refused")
    func emptyAndNegative() async throws {
        let sim = Simulation(seed: 1, start: at("2026-01-01"))
        try await sim.populate(PopulationSpec(companies: 0))
        #expect(await sim.userCount == 0)
        #expect(await sim.companyCount == 0)
        await #expect(throws: BillingError.self) { try await sim.populate(PopulationSpec(companies: -3)) }
        #expect(await sim.userCount == 0)
    }
}
