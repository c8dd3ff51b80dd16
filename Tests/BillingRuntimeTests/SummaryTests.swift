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
        var revenue: [Currency: Int128] = [:]
        var due: [Currency: Int128] = [:]
        for state in states {
            for invoice in state.invoices {
                revenue[state.currency, default: 0] += Int128(invoice.total)
                due[state.currency, default: 0] += Int128(invoice.amountDue)
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

    @Test("Four companies at the documented maximum prices total exactly, past Int64.max")
    func totalsPastInt64AreExact() async throws {
        let sim = try await Self.maximumPriceWorld(companies: 4)
        let summary = await sim.summary()

        // Each company: invoice 1 is the plan, 1,000,000.00 + 25% VAT; invoice 2 the plan
        // again and a month of a trillion visits, CDN GB and disk GB at 10,000.00 each:
        // (1,000,000.00 + 10^9 × 10,000.00 + 2 × 10^12 × 10,000.00) × 1.25.
        let perCompany: Int128 = 125_000_000 + 2_501_250_000_125_000_000
        let states = await allStates(of: sim)
        #expect(states.allSatisfy { $0.invoices.count == 2 })
        #expect(states.allSatisfy { $0.invoices.reduce(Int128(0)) { $0 + Int128($1.total) } == perCompany })
        #expect(summary.revenue == [.eur: 4 * perCompany])
        #expect(summary.amountDue == [.eur: 4 * perCompany])
        #expect(4 * perCompany > Int128(Int64.max))
    }

    /// A world of `companies` Swedish companies billed in EUR on a plan at the scenario
    /// language's maximum prices (1,000,000.00 a month, overage 10,000.00 a unit, no
    /// allowances), each using the most of every metric a month allows, for one month.
    static func maximumPriceWorld(companies: Int) async throws -> Simulation {
        let unit = PriceList([.eur: 1_000_000])
        let plan = Plan(id: "max", name: "Max", monthly: PriceList([.eur: 100_000_000]), visits: 0, diskGB: 0, cdnGB: 0)
        let catalog = Catalog(plans: [plan], addOns: [], overage: OveragePrices(per1000Visits: unit, perCDNGB: unit, perDiskGB: unit))
        let sim = try Simulation(seed: 1, start: at("2026-01-01"), settings: WorldSettings(catalog: catalog))
        for index in 0..<companies {
            let id = "max\(index)"
            let owner = "owner\(index)@max.example"
            _ = try await sim.register(email: owner, name: "Owner \(index)")
            try await sim.createCompany(companySpec(id, currency: .eur, plan: "max"), owner: owner)
            for metric in Metric.allCases { try await sim.recordUsage(metric, CompanyState.usageLimit, in: id) }
        }
        await sim.advance(by: .months(1))
        return sim
    }
}
