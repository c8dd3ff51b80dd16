import BillingCore
import BillingDocuments
import BillingRuntime
import Synchronization

// Dates, company specs and small worlds the runtime tests share.

/// Midnight UTC of `text` (`YYYY-MM-DD`), plus `hours`.
func at(_ text: String, hours: Int64 = 0) -> Instant {
    guard let date = CivilDate(parsing: text) else { fatalError("bad fixture date \(text)") }
    return Instant(date).adding(seconds: hours * 3_600)
}

/// A company spec with the defaults the tests use: a Swedish Starter customer in SEK,
/// billed monthly on its signup anniversary.
func companySpec(
    _ id: String, name: String? = nil, country: String = "SE", vat: String = "", currency: Currency = .sek,
    plan: PlanID = "starter", cycle: BillingCycle = .monthly
) -> CompanySpec {
    guard let country = Country(rawValue: country) else { fatalError("bad fixture country \(country)") }
    return CompanySpec(
        id: id, details: CompanyDetails(name: name ?? "\(id) AB", address: "Storgatan 1", country: country, vatNumber: vat),
        currency: currency, plan: plan, cycle: cycle)
}

/// The last month end (1st of a month, 00:00 UTC) at or before `instant`.
func monthEnd(atOrBefore instant: Instant) -> Instant {
    let date = instant.date
    guard let first = CivilDate(year: date.year, month: date.month, day: 1) else { fatalError("no first of \(date)") }
    return Instant(first)
}

/// The first month end at or after `instant`: when an invoice finalized then is emailed.
func monthEnd(atOrAfter instant: Instant) -> Instant {
    instant.isMonthStart ? instant : instant.nextMonthStart
}

/// The id of the registered user with `email`.
func userID(_ email: String, in sim: Simulation) async throws -> UserID {
    try await sim.userRef(email: email).id
}

/// Every company's state, in index order.
func allStates(of sim: Simulation) async -> [CompanyState] {
    await sim.states()
}

/// One delivery of an invoice email, as the tests compare them: order-independent and
/// constructible (``OutboxMessage`` has no public initializer).
struct Delivery: Hashable, Comparable, CustomStringConvertible {
    var sentAt: Instant
    var recipient: UserID
    var company: Int32
    var invoice: Int32
    var number: InvoiceNumber

    init(sentAt: Instant, recipient: UserID, company: Int32, invoice: Int32, number: InvoiceNumber) {
        self.sentAt = sentAt
        self.recipient = recipient
        self.company = company
        self.invoice = invoice
        self.number = number
    }

    init(_ message: OutboxMessage) {
        self.init(
            sentAt: message.sentAt, recipient: message.recipient, company: message.company, invoice: message.invoice,
            number: message.number)
    }

    static func < (a: Delivery, b: Delivery) -> Bool {
        (a.sentAt.seconds, a.company, a.invoice, a.recipient.rawValue) < (b.sentAt.seconds, b.company, b.invoice, b.recipient.rawValue)
    }

    var description: String { "\(sentAt) u\(recipient.rawValue) c\(company) i\(invoice) \(number)" }
}

/// The deliveries a settled world must hold when memberships and opt-ins never
/// changed: every finalized invoice created at or before the last month end reached goes
/// to each of its company's opted-in Owner, Administrator and Billing members once, at
/// the first month end at or after its creation. Sorted.
func expectedDeliveries(of sim: Simulation) async -> [Delivery] {
    let registry = await sim.users
    let lastSend = monthEnd(atOrBefore: await sim.now)
    var expected: [Delivery] = []
    for state in await allStates(of: sim) {
        let recipients = state.members.filter {
            Permissions.receivesInvoices($0.role) && registry[$0.user].notifications.invoiceByEmail
        }
        for (position, invoice) in state.invoices.enumerated() where invoice.created <= lastSend {
            guard let number = invoice.number else { continue }
            for member in recipients {
                expected.append(
                    Delivery(
                        sentAt: monthEnd(atOrAfter: invoice.created), recipient: member.user, company: state.index,
                        invoice: Int32(position), number: number))
            }
        }
    }
    return expected.sorted()
}

/// The outbox as sorted deliveries.
func deliveries(of sim: Simulation) async -> [Delivery] {
    await sim.emails.map(Delivery.init).sorted()
}

/// The (recipient, company, invoice) keys that occur more than once.
func duplicateDeliveries(_ messages: [OutboxMessage]) -> [String] {
    var seen: Set<String> = []
    var duplicates: [String] = []
    for message in messages {
        let key = "u\(message.recipient.rawValue) c\(message.company) i\(message.invoice)"
        if !seen.insert(key).inserted { duplicates.append(key) }
    }
    return duplicates
}

/// `nil` when `numbers`, in order, are exactly the sequences 1, 2, …, count (drafts
/// count as 0); otherwise what is wrong.
func seriesProblems(_ numbers: [InvoiceNumber?]) -> String? {
    let sequences = numbers.map { $0?.sequence ?? 0 }
    let expected = (0..<numbers.count).map { Int64($0 + 1) }
    return sequences == expected ? nil : "sequences \(sequences) are not 1...\(numbers.count)"
}

/// Collects what an advance reports, from whatever thread reports it.
final class ProgressRecorder: Sendable {
    private let reports = Mutex<[AdvanceProgress]>([])

    /// The callback to hand to `advance(progress:)`.
    var callback: @Sendable (AdvanceProgress) -> Void {
        { progress in self.reports.withLock { $0.append(progress) } }
    }

    /// Everything reported so far.
    var all: [AdvanceProgress] { reports.withLock { $0 } }
}

/// One company, `acme`, with a user in every role and a stranger with none.
///
/// Sites `shop` and `blog`; the site roles are scoped to `shop`. Emails are off for
/// everyone unless listed in `optedIn`.
enum Team {
    static let company = "acme"
    static let owner = "owner@acme.se"
    static let admin = "admin@acme.se"
    static let developer = "dev@acme.se"
    static let billing = "billing@acme.se"
    static let siteAdmin = "siteadmin@acme.se"
    static let siteDeveloper = "sitedev@acme.se"
    static let stranger = "stranger@elsewhere.se"
    /// The Owner of another company, with no role in acme.
    static let otherOwner = "owner@globex.se"

    /// Every member but the owner, with the role they hold.
    static let invited: [(String, Role)] = [
        (admin, .administrator), (developer, .developer), (billing, .billing),
        (siteAdmin, .siteAdministrator(sites: ["shop"])), (siteDeveloper, .siteDeveloper(sites: ["shop"])),
    ]

    /// Everyone in the company, owner first.
    static var members: [String] { [owner] + invited.map(\.0) }

    /// The world, at `start` (mid-January 2026 by default).
    static func world(
        start: Instant = at("2026-01-15"), settings: WorldSettings = WorldSettings(), optedIn: [String] = []
    ) async throws -> Simulation {
        let sim = try Simulation(seed: 42, start: start, settings: settings)
        try await sim.register(email: owner, name: "Olga Owner")
        try await sim.register(email: stranger, name: "Stina Stranger")
        try await sim.createCompany(companySpec(company, name: "Acme AB"), owner: owner)
        try await sim.addSite(Site(id: "shop", name: "Shop"), to: company, as: owner)
        try await sim.addSite(Site(id: "blog", name: "Blog"), to: company, as: owner)
        for (email, role) in invited {
            try await sim.invite(email, to: company, as: role, by: owner)
            try await sim.accept(invitationTo: company, as: email)
        }
        for email in optedIn { try await sim.setInvoiceEmails(true, of: email, as: email) }
        try await sim.register(email: otherOwner, name: "Greta Globex")
        try await sim.createCompany(companySpec("globex", name: "Globex AB"), owner: otherOwner)
        return sim
    }
}

extension Simulation {
    /// The outbox message as its recipient reads it (the text is BillingDocuments').
    func render(_ message: OutboxMessage) async -> InvoiceEmail { await WorldDocuments(self).email(message) }
}
