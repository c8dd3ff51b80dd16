import BillingCore
import BillingRuntime
import Testing

/// `Simulation.summary()`: the counts and totals a report prints agree with the world.
@Suite("World summary")
struct SummaryTests {
    @Test("The summary counts companies, users, invoices and emails, and totals revenue per currency")
    func summaryAgreesWithTheWorld() async throws {
        let sim = try Simulation(seed: 23, start: at("2026-01-15"))
        try await sim.populate(PopulationSpec(companies: 120, optInPercent: 50))
        await sim.advance(by: .months(4))

        let summary = await sim.summary()
        let states = await allStates(of: sim)
        var revenue: [Currency: Int64] = [:]
        var due: [Currency: Int64] = [:]
        for state in states {
            for invoice in state.invoices {
                revenue[state.currency, default: 0] += invoice.total
                due[state.currency, default: 0] += invoice.amountDue
            }
        }
        #expect(summary.companies == 120)
        #expect(summary.users == (await sim.userCount))
        #expect(summary.invoices == states.reduce(0) { $0 + $1.invoices.count })
        #expect(summary.emails == (await sim.emailCount))
        #expect(summary.emails > 0)
        #expect(summary.revenue == revenue)
        #expect(summary.amountDue == due)
        #expect(Set(summary.revenue.keys) == Set(Currency.allCases))
    }
}
