import BillingCore
import BillingRuntime

/// A world for the isolation campaign: five companies, each with a user in every role, a
/// removed member and a pending invitee; a partner's accountant who is Billing in two
/// companies and Owner of a third; a stranger with no role; an unregistered email; and
/// invitees-to-be. Emails name no company, so a company's id in an error or a read can
/// only come from that company.
struct IsolationWorld {
    static let companies = ["alpha", "bravo", "charlie", "delta", "echo"]
    static let accountant = "accountant@users.test"
    static let stranger = "stranger@users.test"
    static let ghost = "ghost@users.test"
    static let newcomers = (0..<6).map { "new\($0)@users.test" }

    let sim: Simulation
    /// Each company's own people (role holders, removed member, pending invitee).
    let people: [String: [String]]
    /// Everyone who can be picked: registered or not.
    let everyone: [String]
    var rng: SplitMix64

    /// The two sites of `company`.
    static func sites(_ company: String) -> [SiteID] { ["\(company)-shop", "\(company)-blog"] }

    /// Builds the world for `seed`, one month into billing so every company has invoices.
    static func make(seed: UInt64) async throws -> IsolationWorld {
        let sim = try Simulation(seed: seed, start: at("2026-01-10"))
        var people: [String: [String]] = [:]
        var counter = 0
        func email() -> String {
            counter += 1
            return "u\(counter)@users.test"
        }
        for email in [accountant, stranger] { try await sim.register(email: email, name: "") }
        for (position, company) in companies.enumerated() {
            let owner = company == "echo" ? accountant : email()
            if owner != accountant { try await sim.register(email: owner, name: "") }
            try await sim.createCompany(companySpec(company, name: "\(company) AB"), owner: owner)
            for site in sites(company) { try await sim.addSite(Site(id: site, name: site), to: company, as: owner) }
            let roles: [Role] = [
                .administrator, .developer, .billing, .siteAdministrator(sites: [sites(company)[0]]),
                .siteDeveloper(sites: sites(company)),
            ]
            var own = [owner]
            for role in roles {
                let member = email()
                try await sim.invite(member, to: company, as: role, by: owner)
                try await sim.accept(invitationTo: company, as: member)
                own.append(member)
            }
            let removed = email()
            try await sim.invite(removed, to: company, as: .developer, by: owner)
            try await sim.accept(invitationTo: company, as: removed)
            try await sim.removeMember(removed, from: company, by: owner)
            let pending = email()
            try await sim.invite(
                pending, to: company, as: position.isMultiple(of: 2) ? .billing : .siteDeveloper(sites: sites(company)), by: owner)
            own += [removed, pending]
            if position < 2 {
                try await sim.invite(accountant, to: company, as: .billing, by: owner)
                try await sim.accept(invitationTo: company, as: accountant)
                own.append(accountant)
            }
            people[company] = own
        }
        await sim.advance(to: at("2026-02-12"))
        // An operation first brings its company's billing up to now (the clock visits a
        // company only when billing falls due), which moves its bookkeeping instant; do
        // that once here, so that before/after comparisons see only what operations do.
        for company in companies {
            _ = try await sim.viewSettings(of: company, as: people[company]?.first ?? accountant)
        }
        let everyone = people.values.flatMap { $0 } + [stranger, ghost] + newcomers
        return IsolationWorld(sim: sim, people: people, everyone: Array(Set(everyone)).sorted(), rng: SplitMix64(seed: seed))
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[rng.below(items.count)] }

    /// A user to act in `company`: half the time one of its own people.
    private mutating func actor(in company: String) -> String {
        rng.chance(50) ? pick(people[company] ?? []) : pick(everyone)
    }

    /// A target for member operations: mostly the company's own people.
    private mutating func target(in company: String) -> String {
        rng.chance(70) ? pick(people[company] ?? []) : pick(everyone)
    }

    /// A site id: mostly the company's own, sometimes another company's, sometimes none.
    private mutating func site(in company: String) -> SiteID {
        switch rng.below(10) {
        case 0: return pick(Self.sites(pick(Self.companies)))
        case 1: return "\(company)-site\(rng.below(4))"
        default: return pick(Self.sites(company))
        }
    }

    private mutating func role(in company: String) -> Role {
        switch rng.below(11) {
        case 0: return .owner
        case 1, 2: return .administrator
        case 3, 4: return .developer
        case 5, 6: return .billing
        case 7, 8: return .siteAdministrator(sites: [site(in: company)])
        default: return .siteDeveloper(sites: [site(in: company), site(in: company)])
        }
    }

    /// The next random attempt.
    mutating func next() -> IsolationAttempt {
        let company = pick(Self.companies)
        let user = actor(in: company)
        let kind: IsolationAttempt.Kind
        switch rng.below(200) {
        case 0: kind = .closeAccount
        case 1..<12: kind = .viewInvoices
        case 12..<23: kind = .viewSettings
        case 23..<34: kind = .listSites
        case 34..<50: kind = .accessSite(site(in: company), rng.chance(50) ? .live : .staging)
        case 50..<60: kind = .editDetails("\(company) AB \(rng.below(100))")
        case 60..<70: kind = .editPaymentMethod("Card \(rng.below(10_000))")
        case 70..<80: kind = .changePlan(pick(["starter", "pro", "business", "agency", "enterprise", "nothing"]))
        case 80..<90: kind = .addAddOn(pick(["redis", "disk20", "proxy", "backups"]), rng.chance(70) ? site(in: company) : nil)
        case 90..<100: kind = .removeAddOn(pick(["redis", "disk20", "proxy", "backups"]), rng.chance(70) ? site(in: company) : nil)
        case 100..<115: kind = .invite(rng.chance(30) ? pick(Self.newcomers) : target(in: company), role(in: company))
        case 115..<122: kind = .revokeInvitation(target(in: company))
        case 122..<132: kind = .removeMember(target(in: company))
        case 132..<145: kind = .changeRole(target(in: company), role(in: company))
        case 145..<152: kind = .addSite("\(company)-site\(rng.below(4))")
        case 152..<158: kind = .removeSite(site(in: company))
        case 158..<165: kind = .transferOwnership(target(in: company))
        case 165..<180: kind = .setInvoiceEmails(rng.chance(50) ? user : target(in: company), rng.chance(50))
        default: kind = .accept
        }
        return IsolationAttempt(company: company, user: user, kind: kind)
    }
}
