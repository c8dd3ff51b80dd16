import BillingCore
import BillingRuntime
import Testing

/// A world never starts, and is never restored, before the first date of its VAT table.
@Suite("World start and the VAT table")
struct TaxTableStartTests {
    private static let austria = Country(rawValue: "AT") ?? .sweden
    private static let firstDate = CivilDate(year: 2020, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)

    @Test("A world starting before 2020-01-01 is refused with BillingError.beforeTaxTable, one starting on it is not")
    func startBeforeTheTableIsRefused() throws {
        let gap = TaxTableGap(date: at("2019-12-31").date, country: Self.austria, firstDate: Self.firstDate)
        #expect(throws: BillingError.beforeTaxTable(gap)) { try Simulation(seed: 1, start: at("2019-12-31", hours: 23)) }
        #expect(throws: BillingError.self) { try Simulation(seed: 1, start: at("1999-06-01")) }
        let sim = try Simulation(seed: 1, start: at("2020-01-01"))
        #expect(sim.start == at("2020-01-01"))
    }

    @Test("A world of 2020 bills a British consumer 20% until 2020-12-31 and no VAT from 2021-01-01")
    func britainLeavesTheVATArea() async throws {
        let sim = try Simulation(seed: 1, start: at("2020-11-01"))
        try await sim.register(email: "owner@acme.co.uk", name: "Olive")
        try await sim.createCompany(companySpec("london", country: "GB", currency: .eur), owner: "owner@acme.co.uk")
        await sim.advance(to: at("2021-01-01"))
        let invoices = try await sim.viewInvoices(of: "london", as: "owner@acme.co.uk")
        #expect(invoices.map(\.created) == [at("2020-11-01"), at("2020-12-01"), at("2021-01-01")])
        let twenty = TaxTreatment.destination(TaxRate(basisPoints: 2000))
        #expect(invoices.map(\.tax) == [twenty, twenty, .outsideScope])
    }

    @Test("An image whose start is moved before the table's first date, or whose table lost a member, is not restored")
    func restoreChecksTheTable() async throws {
        let sim = try Simulation(seed: 1, start: at("2020-01-01"))
        try await sim.register(email: "owner@acme.se", name: "Olga")
        try await sim.createCompany(companySpec("acme"), owner: "owner@acme.se")
        await sim.advance(by: .months(2))
        let image = await sim.image()
        _ = try Simulation(restoring: image)

        var early = image
        early.start = at("2019-12-01")
        let gap = TaxTableGap(date: at("2019-12-01").date, country: Self.austria, firstDate: Self.firstDate)
        #expect(throws: WorldInconsistency.taxTable(gap)) { try Simulation(restoring: early) }
        #expect(WorldInconsistency.taxTable(gap).description.hasPrefix("world.start and tax_rates: 2019-12-01 is before 2020-01-01"))

        var emptied = image
        emptied.settings.taxes = TaxTable()
        #expect(throws: WorldInconsistency.taxTable(TaxTableGap(date: Self.firstDate, country: Self.austria, firstDate: nil))) {
            try Simulation(restoring: emptied)
        }
    }
}
