import BillingCore
import BillingRuntime
import Testing

/// Populations at the edges: empty, and refused.
@Suite("Population edge cases")
struct PopulationEdgeTests {
    @Test("An empty population adds nobody; a negative one is refused")
    func emptyAndNegative() async throws {
        let sim = try Simulation(seed: 1, start: at("2026-01-01"))
        try await sim.populate(PopulationSpec(companies: 0))
        #expect(await sim.userCount == 0)
        #expect(await sim.companyCount == 0)
        await #expect(throws: BillingError.self) { try await sim.populate(PopulationSpec(companies: -3)) }
        #expect(await sim.userCount == 0)
    }
}

/// Generated addresses someone registered first.
@Suite("Population over taken addresses")
struct PopulationTakenAddressTests {
    @Test("A generated address already taken goes to the user who has it, and later users take the next ids")
    func takenAddress() async throws {
        let sim = try Simulation(seed: 1, start: at("2026-01-01"))
        let early = try await sim.register(email: "u3@bs.io", name: "Early")
        try await sim.populate(PopulationSpec(companies: 5))
        // Partner u1, users u2, u3 (taken: user 0), u4, ...: one user fewer than drafted.
        let count = await sim.userCount
        #expect(try await sim.userRef(email: "u3@bs.io").id == early)
        #expect(await sim.user(early).name == "Early")
        #expect(try await sim.userRef(email: "u2@bs.io").id == UserID(2))
        #expect(try await sim.userRef(email: "u4@bs.io").id == UserID(3))
        #expect(try await sim.userRef(email: "u\(count)@bs.io").id == UserID(Int32(count - 1)))
        for index in 0..<Int32(5) {
            let members = await sim.state(at: index).members.map(\.user.rawValue)
            #expect(members.allSatisfy { (0..<Int32(count)).contains($0) })
        }
    }
}
