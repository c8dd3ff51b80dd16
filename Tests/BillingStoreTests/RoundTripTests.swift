import BillingCore
import BillingRuntime
import BillingStore
import Foundation
import Testing

@Suite("Snapshots: save, restore, continue")
struct RoundTripTests {
    static let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))

    @Test("A restored world equals the saved one and continues to the digest of never stopping")
    func roundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path

        let straight = try Simulation(seed: 3, start: Self.start)
        try await straight.populate(PopulationSpec(companies: 500, annualPercent: 30, optInPercent: 60))
        await straight.advance(by: .months(14))

        let first = try Simulation(seed: 3, start: Self.start)
        try await first.populate(PopulationSpec(companies: 500, annualPercent: 30, optInPercent: 60))
        await first.advance(by: .days(200))
        let image = await first.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded == image)
        let restored = try Simulation(restoring: loaded)
        await restored.advance(to: SimulatedDuration.months(14).after(Self.start))
        #expect(await restored.digest() == (await straight.digest()))
    }

    @Test(
        "Credits keep the invoice they credit through a snapshot, pending or invoiced",
        arguments: ["2024-10-15", "2024-11-15"])
    func creditsRoundTrip(cut: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        func world() async throws -> Simulation {
            let sim = try Simulation(seed: 5, start: Instant(CivilDate(year: 2024, month: 8, day: 1) ?? CivilDate(daysSinceEpoch: 0)))
            try await sim.register(email: "aino@kahvila.fi", name: "Aino")
            let details = CompanyDetails(
                name: "Kahvila Oy", address: "Helsinki", country: try #require(Country(rawValue: "FI")), vatNumber: "")
            try await sim.createCompany(
                CompanySpec(id: "helsinki", details: details, currency: .eur, plan: "business", cycle: .annual), owner: "aino@kahvila.fi")
            await sim.advance(to: Instant(CivilDate(year: 2024, month: 10, day: 1) ?? CivilDate(daysSinceEpoch: 0)))
            try await sim.changePlan(of: "helsinki", to: "starter", as: "aino@kahvila.fi")
            return sim
        }
        let end = Instant(CivilDate(year: 2025, month: 2, day: 1) ?? CivilDate(daysSinceEpoch: 0))
        let straight = try await world()
        await straight.advance(to: end)
        let first = try await world()
        await first.advance(to: Instant(CivilDate(parsing: cut) ?? CivilDate(daysSinceEpoch: 0)))
        let image = await first.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded == image)
        let restored = try Simulation(restoring: loaded)
        await restored.advance(to: end)
        #expect(await restored.digest() == (await straight.digest()))
        let credit = try await restored.state(of: "helsinki").invoices[1].lines[0]
        #expect(credit.credits?.invoice == 0)
        #expect(credit.credits?.tax == .destination(TaxRate(basisPoints: 2400)))
    }

    @Test("A world at the maximum prices restores: an annual price left out is ten monthly ones")
    func maximumPricesRoundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        let top = Plan(id: "top", name: "Top", monthly: PriceList([.eur: 100_000_000]), visits: 1, diskGB: 1, cdnGB: 1)
        #expect(top.annual.minorUnits[.eur] == 1_000_000_000)
        let sim = try Simulation(seed: 1, start: Self.start, settings: WorldSettings(catalog: Catalog(plans: [top], addOns: [])))
        try await sim.register(email: "a@top.se", name: "A")
        let details = CompanyDetails(name: "Top AB", address: "S 1", country: try #require(Country(rawValue: "SE")), vatNumber: "")
        try await sim.createCompany(
            CompanySpec(id: "top", details: details, currency: .eur, plan: "top", cycle: .annual), owner: "a@top.se")
        await sim.advance(by: .days(1))
        let image = await sim.image()
        try Snapshot.save(image, to: path)
        #expect(try Snapshot.load(from: path) == image)
    }

    @Test(
        "A closed company restores closed, with its final invoice, and is emailed and billed exactly as if never saved",
        arguments: ["2024-10-20", "2024-11-15"])
    func closedCompanyRoundTrip(cut: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        func date(_ text: String) -> Instant { Instant(CivilDate(parsing: text) ?? CivilDate(daysSinceEpoch: 0)) }
        func world() async throws -> Simulation {
            let sim = try Simulation(seed: 5, start: date("2024-08-01"))
            try await sim.register(email: "aino@kahvila.fi", name: "Aino")
            try await sim.setInvoiceEmails(true, of: "aino@kahvila.fi", as: "aino@kahvila.fi")
            let finland = try #require(Country(rawValue: "FI"))
            let details = CompanyDetails(name: "Kahvila Oy", address: "Helsinki", country: finland, vatNumber: "")
            try await sim.createCompany(
                CompanySpec(id: "helsinki", details: details, currency: .eur, plan: "business", cycle: .annual), owner: "aino@kahvila.fi")
            await sim.advance(to: date("2024-10-05"))
            try await sim.recordUsage(.visits, 102_000, in: "helsinki")
            await sim.advance(to: date("2024-10-11"))
            try await sim.closeAccount(of: "helsinki", as: "aino@kahvila.fi")
            return sim
        }
        let end = date("2025-10-01")
        let straight = try await world()
        await straight.advance(to: end)
        let first = try await world()
        await first.advance(to: date(cut))
        let image = await first.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded == image)
        let restored = try Simulation(restoring: loaded)
        let state = try await restored.state(of: "helsinki")
        #expect(state.closed)
        #expect(state.nextDue == nil)
        #expect(state.invoices.map(\.kind) == [.plan, .final])
        #expect(state.invoices[1].lines[1].credits?.tax == .destination(TaxRate(basisPoints: 2400)))
        await restored.advance(to: end)
        #expect(await restored.digest() == (await straight.digest()))
        #expect(try await restored.state(of: "helsinki").invoices.count == 2)
        // Emailed once, at November's start, whether saved before or after it.
        let finals = await restored.emails.filter { $0.invoice == 1 }
        #expect(finals.map(\.sentAt) == [date("2024-11-01")])
    }

    @Test("Exchange rates are saved and restored with the world")
    func exchangeRatesRoundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        var rates = ExchangeRates()
        rates.set(112_000, for: .eur, from: try #require(CivilDate(year: 2026, month: 1, day: 1)))
        rates.set(105_000, for: .usd, from: try #require(CivilDate(year: 2026, month: 2, day: 1)))
        let sim = try Simulation(seed: 2, start: Self.start, settings: WorldSettings(exchangeRates: rates))
        let image = await sim.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded.settings.exchangeRates == rates)
        #expect(loaded == image)
    }

    @Test("Each details revision keeps its payment method through a snapshot")
    func paymentMethodRoundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        let sim = try Simulation(seed: 4, start: Self.start)
        try await sim.register(email: "anna@acme.se", name: "Anna")
        let details = CompanyDetails(name: "Acme AB", address: "Storgatan 1", country: .sweden)
        try await sim.createCompany(
            CompanySpec(id: "acme", details: details, currency: .sek, plan: "starter", cycle: .monthly), owner: "anna@acme.se")
        await sim.advance(by: .days(10))
        try await sim.editPaymentMethod(of: "acme", to: "Visa •••• 4242", as: "anna@acme.se")
        await sim.advance(by: .days(40))
        let image = await sim.image()
        try Snapshot.save(image, to: path)
        let loaded = try Snapshot.load(from: path)
        #expect(loaded == image)
        let restored = try await Simulation(restoring: loaded).state(of: "acme")
        #expect(restored.detailsHistory.map(\.paymentMethod) == ["Invoice", "Visa •••• 4242"])
        #expect(restored.invoices.map(\.detailsRevision) == [0, 1])
    }
}
