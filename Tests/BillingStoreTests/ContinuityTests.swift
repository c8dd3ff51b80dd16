import BillingCore
import BillingRuntime
import BillingStore
import Foundation
import Testing

/// A folder of its own under the temporary directory, removed when the last reference
/// goes. Shared by the store tests.
final class ScratchFolder: Sendable {
    /// The folder.
    let url: URL

    init(_ label: String = "bs") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names in the folder, sorted (hidden files included).
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}

/// Midnight UTC of `text` (`YYYY-MM-DD`), plus `seconds`.
func instant(_ text: String, plus seconds: Int64 = 0) -> Instant {
    guard let date = CivilDate(parsing: text) else { fatalError("bad fixture date \(text)") }
    return Instant(date).adding(seconds: seconds)
}

/// A place to stop a world, save it and carry on from the file.
struct Cut: Sendable, CustomTestStringConvertible {
    var name: String
    var instant: Instant
    var testDescription: String { "\(name) (\(instant))" }
}

@Suite("Snapshots: a world saved, loaded and continued is the world that never stopped")
struct ContinuityTests {
    static let start = instant("2026-01-01")
    static let numberings: [NumberingScheme] = [.perCompany, .sellerWide]

    // MARK: A generated population

    /// Where the generated world is cut. Companies sign up at midnight on days 0…27 and
    /// renew at midnight; emails go out at midnight on the 1st.
    static let populationCuts = [
        Cut(name: "at the start, before most companies signed up", instant: start),
        Cut(name: "exactly at a signup instant", instant: instant("2026-01-11")),
        Cut(name: "one second after a signup instant", instant: instant("2026-01-11", plus: 1)),
        Cut(name: "one second before a month end, emails due at the next instant", instant: instant("2026-01-31", plus: 86_399)),
        Cut(name: "exactly at a month end", instant: instant("2026-02-01")),
        Cut(name: "mid-month, day 45 at 13:00", instant: instant("2026-02-15", plus: 13 * 3_600)),
    ]
    static let populationEnd = instant("2026-05-01")

    static func population(_ numbering: NumberingScheme) async throws -> Simulation {
        let sim = try Simulation(seed: 11, start: start, settings: WorldSettings(numbering: numbering))
        try await sim.populate(PopulationSpec(companies: 250, annualPercent: 30, optInPercent: 60, addOnPercent: 40))
        return sim
    }

    @Test(
        "A generated world cut, saved, loaded and continued ends with the digest of never stopping", arguments: populationCuts, numberings)
    func populationContinues(cut: Cut, numbering: NumberingScheme) async throws {
        let folder = try ScratchFolder()
        let straight = try await Self.population(numbering)
        await straight.advance(to: Self.populationEnd)

        let first = try await Self.population(numbering)
        await first.advance(to: cut.instant)
        let image = await first.image()
        try Snapshot.save(image, to: folder.path("cut.db"))
        let loaded = try Snapshot.load(from: folder.path("cut.db"))
        #expect(loaded == image)

        let restored = try Simulation(restoring: loaded)
        #expect(await restored.now == cut.instant)
        #expect(await restored.digest() == (await first.digest()))
        await restored.advance(to: Self.populationEnd)
        #expect(await restored.digest() == (await straight.digest()))
        #expect(await restored.emails == (await straight.emails))
    }

    @Test("A world saved and loaded at every cut in turn still ends with the digest of never stopping", arguments: numberings)
    func chainedCuts(numbering: NumberingScheme) async throws {
        let folder = try ScratchFolder()
        let straight = try await Self.population(numbering)
        await straight.advance(to: Self.populationEnd)

        var world = try await Self.population(numbering)
        for (number, cut) in Self.populationCuts.enumerated() {
            await world.advance(to: cut.instant)
            let path = folder.path("chain-\(number).db")
            try Snapshot.save(await world.image(), to: path)
            world = try Simulation(restoring: try Snapshot.load(from: path))
        }
        await world.advance(to: Self.populationEnd)
        #expect(await world.digest() == (await straight.digest()))
    }

    @Test("Emails due one second after the cut go out after the restore, exactly as they would have", arguments: numberings)
    func emailsDueAtTheNextInstant(numbering: NumberingScheme) async throws {
        let folder = try ScratchFolder()
        let monthEnd = instant("2026-02-01")
        let straight = try await Self.population(numbering)
        await straight.advance(to: monthEnd)

        let first = try await Self.population(numbering)
        await first.advance(to: monthEnd.adding(seconds: -1))
        let before = await first.emailCount
        try Snapshot.save(await first.image(), to: folder.path("eve.db"))
        let restored = try Simulation(restoring: try Snapshot.load(from: folder.path("eve.db")))
        #expect(await restored.emailCount == before)
        await restored.advance(by: .seconds(1))
        let sent = await restored.emails
        #expect(sent.count > before, "the month end should send January's invoices")
        #expect(sent.dropFirst(before).allSatisfy { $0.sentAt == monthEnd })
        #expect(sent == (await straight.emails))
        #expect(await restored.digest() == (await straight.digest()))
    }

    // MARK: A scripted world

    /// One operation at one instant.
    struct Step: Sendable {
        var at: Instant
        var run: @Sendable (Simulation) async throws -> Void
    }

    static let acme = "acme"
    static let globex = "globex"
    static let initech = "initech"

    static func spec(
        _ id: String, country: String, currency: Currency, plan: PlanID, cycle: BillingCycle, vat: String = "",
        anchorMode: AnchorMode = .anniversary
    ) -> CompanySpec {
        guard let country = Country(rawValue: country) else { fatalError("bad fixture country \(country)") }
        return CompanySpec(
            id: id, details: CompanyDetails(name: "\(id.capitalized) Ltd", address: "Main Street 1", country: country, vatNumber: vat),
            currency: currency, plan: plan, cycle: cycle, anchorMode: anchorMode)
    }

    /// Plan changes both ways and of cycle, add-ons added and removed, credits,
    /// invitations accepted, left pending, revoked and expired, members removed, an
    /// ownership transfer, a closed account, usage over the allowance, details edited.
    static let script: [Step] = [
        Step(at: instant("2026-01-03", plus: 9 * 3_600 + 1_800)) { sim in
            try await sim.register(email: "owner@acme.se", name: "Olga Owner")
            try await sim.createCompany(spec(acme, country: "SE", currency: .sek, plan: "pro", cycle: .monthly), owner: "owner@acme.se")
            try await sim.setInvoiceEmails(true, of: "owner@acme.se", as: "owner@acme.se")
            try await sim.register(email: "owner@globex.de", name: "Greta Globex")
            try await sim.createCompany(
                spec(globex, country: "DE", currency: .eur, plan: "business", cycle: .annual, vat: "DE123456789"), owner: "owner@globex.de")
            try await sim.setInvoiceEmails(true, of: "owner@globex.de", as: "owner@globex.de")
        },
        Step(at: instant("2026-01-05", plus: 10 * 3_600)) { sim in
            try await sim.addSite(Site(id: "shop", name: "Shop"), to: acme, as: "owner@acme.se")
            try await sim.addSite(Site(id: "blog", name: "Blog"), to: acme, as: "owner@acme.se")
            try await sim.invite("admin@acme.se", to: acme, as: .administrator, by: "owner@acme.se")
            try await sim.invite("billing@acme.se", to: acme, as: .billing, by: "owner@acme.se")
            try await sim.invite("gone@acme.se", to: acme, as: .developer, by: "owner@acme.se")
        },
        Step(at: instant("2026-01-05", plus: 10 * 3_600 + 300)) { sim in
            for email in ["admin@acme.se", "billing@acme.se", "gone@acme.se"] { try await sim.accept(invitationTo: acme, as: email) }
            try await sim.setInvoiceEmails(true, of: "billing@acme.se", as: "billing@acme.se")
        },
        Step(at: instant("2026-01-10", plus: 12 * 3_600)) { sim in
            try await sim.addAddOn("redis", site: "shop", to: acme, as: "owner@acme.se")
            try await sim.addAddOn("disk20", to: acme, as: "admin@acme.se")
            try await sim.recordUsage(.cdn, 40, in: acme)
        },
        Step(at: instant("2026-01-17", plus: 12 * 3_600)) { sim in
            try await sim.register(email: "owner@initech.com", name: "Ian Initech")
            try await sim.createCompany(
                spec(initech, country: "US", currency: .usd, plan: "starter", cycle: .monthly, anchorMode: .calendarMonth),
                owner: "owner@initech.com")
        },
        Step(at: instant("2026-01-20", plus: 8 * 3_600)) { sim in
            try await sim.changePlan(of: acme, to: "business", as: "owner@acme.se")
            try await sim.addAddOn("disk20", to: globex, as: "owner@globex.de")
        },
        Step(at: instant("2026-01-25", plus: 7 * 3_600)) { sim in
            try await sim.addCredit(Money(minorUnits: 50_000, .sek), to: acme)
            try await sim.addCredit(Money(minorUnits: 2_500, .eur), to: globex)
        },
        Step(at: instant("2026-01-28", plus: 15 * 3_600)) { sim in
            try await sim.invite("late@acme.se", to: acme, as: .siteAdministrator(sites: ["shop"]), by: "owner@acme.se")
            try await sim.removeMember("gone@acme.se", from: acme, by: "owner@acme.se")
        },
        Step(at: instant("2026-01-31", plus: 86_399)) { sim in
            try await sim.recordUsage(.visits, 90_000, in: acme)
        },
        Step(at: instant("2026-02-02", plus: 11 * 3_600)) { sim in
            try await sim.accept(invitationTo: acme, as: "late@acme.se")
            try await sim.changePlan(of: acme, to: "starter", as: "owner@acme.se")
        },
        Step(at: instant("2026-02-10", plus: 16 * 3_600)) { sim in
            try await sim.invite("never@acme.se", to: acme, as: .developer, by: "admin@acme.se")
            try await sim.editDetails(of: acme, name: "Acme Holding AB", as: "owner@acme.se")
            try await sim.removeAddOn("redis", site: "shop", from: acme, as: "owner@acme.se")
        },
        Step(at: instant("2026-02-15", plus: 13 * 3_600)) { sim in
            try await sim.changePlan(of: globex, to: "pro", cycle: .monthly, as: "owner@globex.de")
        },
        Step(at: instant("2026-02-20", plus: 9 * 3_600)) { sim in
            try await sim.invite("temp@globex.de", to: globex, as: .billing, by: "owner@globex.de")
        },
        Step(at: instant("2026-02-21", plus: 9 * 3_600)) { sim in
            try await sim.revokeInvitation(of: "temp@globex.de", to: globex, by: "owner@globex.de")
        },
        Step(at: instant("2026-03-02", plus: 10 * 3_600)) { sim in
            try await sim.closeAccount(of: initech, as: "owner@initech.com")
        },
        Step(at: instant("2026-03-03", plus: 9 * 3_600)) { sim in
            try await sim.transferOwnership(of: acme, to: "admin@acme.se", by: "owner@acme.se")
            try await sim.removeSite("blog", from: acme, as: "admin@acme.se")
            try await sim.recordUsage(.disk, 45, in: acme)
        },
    ]

    static let scriptedCuts = [
        Cut(name: "one second after a scripted signup", instant: instant("2026-01-03", plus: 9 * 3_600 + 1_801)),
        Cut(name: "at the instant an invitation went out and a member was removed", instant: instant("2026-01-28", plus: 15 * 3_600)),
        Cut(name: "one second before a month end, an invitation pending", instant: instant("2026-01-31", plus: 86_399)),
        Cut(name: "exactly at a month end", instant: instant("2026-02-01")),
        Cut(name: "mid-month, day 45 at 13:00, at a change of cycle", instant: instant("2026-02-15", plus: 13 * 3_600)),
        Cut(name: "after a closed account and a transfer of ownership", instant: instant("2026-03-05")),
    ]
    static let scriptedEnd = instant("2026-05-01")

    static func scriptedWorld(_ numbering: NumberingScheme) async throws -> Simulation {
        let sim = try Simulation(seed: 5, start: start, settings: WorldSettings(numbering: numbering))
        try await sim.populate(PopulationSpec(companies: 80, annualPercent: 30, optInPercent: 60, addOnPercent: 40))
        return sim
    }

    /// Plays the steps after `from` up to and including `through`, then advances to
    /// `through`.
    static func play(_ sim: Simulation, after from: Instant?, through: Instant) async throws {
        for step in script where step.at <= through && from.map({ step.at > $0 }) ?? true {
            await sim.advance(to: step.at)
            try await step.run(sim)
        }
        await sim.advance(to: through)
    }

    @Test("A scripted world cut, saved, loaded and continued ends with the digest of never stopping", arguments: scriptedCuts, numberings)
    func scriptedContinues(cut: Cut, numbering: NumberingScheme) async throws {
        let folder = try ScratchFolder()
        let straight = try await Self.scriptedWorld(numbering)
        try await Self.play(straight, after: nil, through: Self.scriptedEnd)

        let first = try await Self.scriptedWorld(numbering)
        try await Self.play(first, after: nil, through: cut.instant)
        let image = await first.image()
        try Snapshot.save(image, to: folder.path("scripted.db"))
        let loaded = try Snapshot.load(from: folder.path("scripted.db"))
        #expect(loaded == image)

        let restored = try Simulation(restoring: loaded)
        #expect(await restored.digest() == (await first.digest()))
        try await Self.play(restored, after: cut.instant, through: Self.scriptedEnd)
        #expect(await restored.digest() == (await straight.digest()))
        #expect(await restored.emails == (await straight.emails))
        #expect(try await restored.state(of: Self.acme) == (try await straight.state(of: Self.acme)))
    }

    @Test("The scripted cuts hold what they are meant to test: pending invitations, credits, add-ons, removed members")
    func scriptedCutsHoldTheirState() async throws {
        let folder = try ScratchFolder()
        let sim = try await Self.scriptedWorld(.perCompany)
        try await Self.play(sim, after: nil, through: instant("2026-01-31", plus: 86_399))
        try Snapshot.save(await sim.image(), to: folder.path("eve.db"))
        let eve = try Snapshot.load(from: folder.path("eve.db"))
        let acme = try #require(eve.companies.first { $0.id == Self.acme })
        let late = try #require(eve.users.firstIndex { $0.email == "late@acme.se" })
        let gone = try #require(eve.users.firstIndex { $0.email == "gone@acme.se" })
        #expect(acme.invitations.contains { $0.invitee == UserID(Int32(late)) && $0.status == .pending })
        #expect(!acme.members.contains { $0.user == UserID(Int32(gone)) })
        #expect(acme.addOns.count == 2)
        #expect(acme.balance > 0)
        #expect(acme.plan == "business")
        #expect(acme.usage.visits >= 90_000)
        #expect(acme.invoices.count > acme.emailedCount, "invoices wait for the month end one second away")

        try await Self.play(sim, after: instant("2026-01-31", plus: 86_399), through: instant("2026-02-15", plus: 13 * 3_600))
        try Snapshot.save(await sim.image(), to: folder.path("mid.db"))
        let mid = try Snapshot.load(from: folder.path("mid.db"))
        let acmeMid = try #require(mid.companies.first { $0.id == Self.acme })
        let globex = try #require(mid.companies.first { $0.id == Self.globex })
        #expect(acmeMid.invitations.contains { $0.status == .pending })
        #expect(!acmeMid.pendingLines.isEmpty, "the downgrade's credit waits for the next invoice")
        #expect(acmeMid.detailsHistory.count == 2)
        #expect(globex.cycle == .monthly)
    }

    // MARK: The file itself

    @Test("Saving twice to the same path replaces the file and leaves nothing else behind")
    func savingTwiceReplaces() async throws {
        let folder = try ScratchFolder()
        let sim = try await Self.population(.perCompany)
        await sim.advance(by: .days(10))
        let early = await sim.image()
        await sim.advance(by: .days(40))
        let later = await sim.image()
        #expect(early != later)

        try Snapshot.save(early, to: folder.path("w.db"))
        #expect(try Snapshot.load(from: folder.path("w.db")) == early)
        try Snapshot.save(later, to: folder.path("w.db"))
        #expect(try Snapshot.load(from: folder.path("w.db")) == later)
        #expect(try folder.names() == ["w.db"])
    }

    @Test("Saving into a folder that does not exist throws cannotWrite and leaves no temporary file")
    func savingIntoAMissingFolder() async throws {
        let folder = try ScratchFolder()
        let sim = try await Self.population(.perCompany)
        let image = await sim.image()
        let path = folder.path("missing/w.db")
        let error = #expect(throws: SnapshotError.self) { try Snapshot.save(image, to: path) }
        guard case .cannotWrite(let named, _)? = error else {
            Issue.record("expected cannotWrite, got \(String(describing: error))")
            return
        }
        #expect(named == path)
        #expect(try folder.names().isEmpty)
    }

    @Test("Saving over a folder throws cannotWrite, keeps the folder and leaves no temporary file")
    func savingOverAFolder() async throws {
        let folder = try ScratchFolder()
        let sim = try await Self.population(.perCompany)
        let image = await sim.image()
        try FileManager.default.createDirectory(atPath: folder.path("taken"), withIntermediateDirectories: false)
        let error = #expect(throws: SnapshotError.self) { try Snapshot.save(image, to: folder.path("taken")) }
        guard case .cannotWrite? = error else {
            Issue.record("expected cannotWrite, got \(String(describing: error))")
            return
        }
        #expect(try folder.names() == ["taken"])
    }
}
