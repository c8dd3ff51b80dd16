import BillingCore
import BillingRuntime
import Testing

/// The buyer's VAT number must fit the company's country (issue 14): refused at creation
/// and on an edit, with the world unchanged; kept in normal form; reverse charge only
/// with a number that fits.
@Suite("VAT numbers of companies")
struct VATNumberRuleTests {
    private static let germany = Country(rawValue: "DE") ?? .sweden

    private static func world() async throws -> Simulation {
        let sim = try Simulation(seed: 1, start: at("2026-01-15"))
        try await sim.register(email: "owner@acme.de", name: "Olga")
        return sim
    }

    @Test("A Swedish VAT number on a German company is refused, and the world is unchanged")
    func swedishNumberOnAGermanCompanyIsRefused() async throws {
        let sim = try await Self.world()
        let before = await sim.digest()
        let format = try #require(VATNumber.formats[Self.germany])
        await #expect(throws: BillingError.invalidVATNumber(number: "SE556677889901", country: Self.germany, reason: .prefix(format))) {
            try await sim.createCompany(
                companySpec("berlin", country: "DE", vat: "SE556677889901", currency: .eur), owner: "owner@acme.de")
        }
        #expect(await sim.digest() == before)
        #expect(await sim.companyCount == 0)
    }

    @Test("A German number of the wrong shape is refused, saying what a German number looks like")
    func wrongShapeIsRefused() async throws {
        let sim = try await Self.world()
        do {
            try await sim.createCompany(companySpec("berlin", country: "DE", vat: "DE12345678", currency: .eur), owner: "owner@acme.de")
            Issue.record("DE12345678 was taken")
        } catch {
            #expect(
                error.description
                    == "'DE12345678' is not a VAT number for a company in DE: a VAT number there is DE followed by 9 digits, "
                    + "like DE123456789; give one of that form, or none")
        }
        #expect(await sim.companyCount == 0)
    }

    @Test("A company keeps its number in normal form and is reverse charged")
    func normalFormAndReverseCharge() async throws {
        let sim = try await Self.world()
        try await sim.createCompany(companySpec("berlin", country: "DE", vat: "de 123.456.789", currency: .eur), owner: "owner@acme.de")
        let state = try await sim.company("berlin").snapshot
        #expect(state.details.vatNumber == "DE123456789")
        #expect(state.invoices.first?.tax == .reverseCharge)
    }

    @Test("Editing in a number that does not fit, or only a new country the number does not fit, is refused")
    func editsAreChecked() async throws {
        let sim = try await Self.world()
        try await sim.createCompany(companySpec("berlin", country: "DE", vat: "DE123456789", currency: .eur), owner: "owner@acme.de")
        let before = await sim.digest()
        await #expect(throws: BillingError.self) {
            try await sim.editDetails(of: "berlin", vatNumber: "SE556677889901", as: "owner@acme.de")
        }
        let austria = try #require(Country(rawValue: "AT"))
        let format = try #require(VATNumber.formats[austria])
        await #expect(throws: BillingError.invalidVATNumber(number: "DE123456789", country: austria, reason: .prefix(format))) {
            try await sim.editDetails(of: "berlin", country: austria, as: "owner@acme.de")
        }
        #expect(await sim.digest() == before)
        try await sim.editDetails(of: "berlin", country: austria, vatNumber: "ATU12345678", as: "owner@acme.de")
        #expect(try await sim.viewSettings(of: "berlin", as: "owner@acme.de").vatNumber == "ATU12345678")
    }

    @Test("Outside the EU a VAT number is kept but changes nothing: no VAT")
    func outsideTheEU() async throws {
        let sim = try await Self.world()
        try await sim.createCompany(
            companySpec("oslo", country: "NO", vat: "NO 987 654 321 MVA", currency: .eur), owner: "owner@acme.de")
        let state = try await sim.company("oslo").snapshot
        #expect(state.details.vatNumber == "NO987654321MVA")
        #expect(state.invoices.first?.tax == .outsideScope)
    }
}
