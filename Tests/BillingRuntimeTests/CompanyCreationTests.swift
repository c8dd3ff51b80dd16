import BillingCore
import BillingRuntime
import Testing

/// Creating companies: bad specs are refused with a message and leave the world as it was.
@Suite("Company creation")
struct CompanyCreationTests {
    @Test(
        "A company id with spaces, an empty id, an empty name, an unknown owner, a duplicate id or an unassigned country is refused",
        arguments: [
            (companySpec("two words"), "owner@acme.se"),
            (companySpec(""), "owner@acme.se"),
            (companySpec("nameless", name: "  "), "owner@acme.se"),
            (companySpec("ownerless"), "nobody@acme.se"),
            (companySpec("acme"), "owner@acme.se"),
            (companySpec("pricey", plan: "platinum"), "owner@acme.se"),
            (companySpec("nowhere", country: "ZZ"), "owner@acme.se"),
        ])
    func badSpecsAreRefused(spec: CompanySpec, owner: String) async throws {
        let sim = try Simulation(seed: 1, start: at("2026-01-15"))
        try await sim.register(email: "owner@acme.se", name: "Olga")
        try await sim.createCompany(companySpec("acme"), owner: "owner@acme.se")
        let before = await sim.digest()
        await #expect(throws: BillingError.self) { try await sim.createCompany(spec, owner: owner) }
        #expect(await sim.digest() == before)
        #expect(await sim.companyCount == 1)
    }

    @Test("A new company's first invoice is issued at once, at the current instant")
    func firstInvoiceAtOnce() async throws {
        let sim = try Simulation(seed: 1, start: at("2026-01-15"))
        try await sim.register(email: "owner@acme.se", name: "Olga")
        await sim.advance(to: at("2026-02-03", hours: 5))
        try await sim.createCompany(companySpec("acme"), owner: "owner@acme.se")
        let invoices = try await sim.viewInvoices(of: "acme", as: "owner@acme.se")
        #expect(invoices.count == 1)
        #expect(invoices.first?.created == at("2026-02-03", hours: 5))
        #expect(invoices.first?.periodEnd == at("2026-03-03", hours: 5))
    }
}
