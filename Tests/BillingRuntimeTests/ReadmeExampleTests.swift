import BillingCore
import BillingRuntime
import Testing

/// The README's library example, kept compiling and true.
@Suite("The README's library example")
struct ReadmeExampleTests {
    @Test("An annual Swedish customer gets one plan invoice for the year and its Owner the email")
    func annualCustomer() async throws {
        let start = try #require(CivilDate(year: 2026, month: 1, day: 15))
        let sim = try Simulation(seed: 1, start: Instant(start))
        try await sim.register(email: "anna@acme.se", name: "Anna Berg")
        try await sim.createCompany(
            CompanySpec(
                id: "acme",
                details: CompanyDetails(
                    name: "Acme Byrå AB", address: "Storgatan 1, Malmö", country: .sweden, vatNumber: "SE556677889901"),
                currency: .sek, plan: "business", cycle: .annual),
            owner: "anna@acme.se")
        try await sim.setInvoiceEmails(true, of: "anna@acme.se", as: "anna@acme.se")
        await sim.advance(by: .months(12))
        let invoices = try await sim.viewInvoices(of: "acme", as: "anna@acme.se")

        #expect(invoices.count == 2)
        let first = try #require(invoices.first)
        #expect(first.number?.description == "ACME-000001")
        #expect(first.cycle == .annual)
        #expect(first.subtotalMoney == Money(minorUnits: 1_150_000, .sek))
        #expect(first.taxMoney == Money(minorUnits: 287_500, .sek))
        // The renewal of 2027-01-15 goes out at the next month end, 2027-02-01.
        #expect(await sim.emailCount == 1)
        #expect(invoices[1].created == Instant(try #require(CivilDate(year: 2027, month: 1, day: 15))))
    }
}
