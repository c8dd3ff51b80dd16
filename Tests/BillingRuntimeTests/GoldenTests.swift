import BillingCore
import BillingDocuments
import BillingRuntime
import Foundation
import Testing

/// Outputs people read, compared with recorded copies byte for byte. Re-record with
/// `BILLINGSIM_RECORD=1 swift test --filter GoldenTests` and review the diff: any change
/// to what is billed, when or to whom shows up there.
@Suite("Golden outputs")
struct GoldenTests {
    /// A small scripted world: a Swedish annual customer with an add-on, usage and a
    /// Billing partner; a German monthly customer without a VAT number that upgrades
    /// mid-month (above the threshold) and gets a credit.
    private func world() async throws -> Simulation {
        let sim = try Simulation(seed: 11, start: at("2026-01-15"))
        for (email, name) in [
            ("anna@acme.se", "Anna Åberg"), ("bo@partner.se", "Bo Öst"), ("greta@globex.de", "Greta Groß"),
        ] {
            try await sim.register(email: email, name: name)
        }
        try await sim.createCompany(
            companySpec("acme", name: "Acme Byrå AB", vat: "SE556677889901", plan: "business", cycle: .annual),
            owner: "anna@acme.se")
        try await sim.addSite(Site(id: "shop", name: "Butiken"), to: "acme", as: "anna@acme.se")
        try await sim.addAddOn("redis", site: "shop", to: "acme", as: "anna@acme.se")
        try await sim.invite("bo@partner.se", to: "acme", as: .billing, by: "anna@acme.se")
        try await sim.accept(invitationTo: "acme", as: "bo@partner.se")
        try await sim.setInvoiceEmails(true, of: "bo@partner.se", as: "bo@partner.se")
        try await sim.createCompany(
            companySpec("globex", name: "Globex GmbH", country: "DE", currency: .eur, plan: "starter"),
            owner: "greta@globex.de")
        try await sim.setInvoiceEmails(true, of: "greta@globex.de", as: "greta@globex.de")
        await sim.advance(to: at("2026-02-01", hours: 12))
        try await sim.recordUsage(.visits, 131_500, in: "acme")
        try await sim.changePlan(of: "globex", to: "agency", as: "greta@globex.de")
        try await sim.addCredit(Money(minorUnits: 5_000, .eur), to: "globex")
        await sim.advance(to: at("2026-04-01"))
        return sim
    }

    @Test("The canonical dump of a small scripted world matches the recorded copy")
    func dump() async throws {
        try Golden.expect(await world().canonicalDump(), matches: "world-dump.txt")
    }

    @Test("The invoice emails of that world, as people read them, match the recorded copy")
    func emails() async throws {
        let sim = try await world()
        var text = ""
        for message in await sim.emails {
            let email = await sim.render(message)
            text += "To: \(email.to)\nSubject: \(email.subject)\n\n\(email.body)\n----\n"
        }
        try Golden.expect(text, matches: "emails.txt")
    }
}

/// Golden files beside this source file, in `Golden/`.
enum Golden {
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["BILLINGSIM_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let recorded = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == recorded, "differs from Golden/\(name); re-record with BILLINGSIM_RECORD=1", sourceLocation: sourceLocation)
    }
}
