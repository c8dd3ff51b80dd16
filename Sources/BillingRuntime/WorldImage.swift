public import BillingCore

/// A whole world as plain values at one instant: what a snapshot saves and restores.
/// ``Simulation/image()`` takes one; ``Simulation/init(restoring:width:)`` continues
/// from one exactly as if the world had never stopped.
public struct WorldImage: Sendable, Hashable {
    /// The world seed.
    public var seed: UInt64
    /// The instant the world started.
    public var start: Instant
    /// Seller, catalog, tax rates, numbering scheme.
    public var settings: WorldSettings
    /// The simulated instant: everything due up to it is done.
    public var now: Instant
    /// The next month end at which emails go out.
    public var nextMonthEnd: Instant
    /// The next number of the seller-wide series.
    public var sellerNext: Int64
    /// Every user, by id.
    public var users: [User]
    /// Every company, by index.
    public var companies: [CompanyState]
    /// For each company (by index), the instant the clock visits it next; `nil` for none.
    public var scheduled: [Instant?]
    /// Every invoice email sent, in sending order.
    public var outbox: [OutboxMessage]

    /// An image.
    public init(
        seed: UInt64, start: Instant, settings: WorldSettings, now: Instant, nextMonthEnd: Instant, sellerNext: Int64,
        users: [User], companies: [CompanyState], scheduled: [Instant?], outbox: [OutboxMessage]
    ) {
        self.seed = seed
        self.start = start
        self.settings = settings
        self.now = now
        self.nextMonthEnd = nextMonthEnd
        self.sellerNext = sellerNext
        self.users = users
        self.companies = companies
        self.scheduled = scheduled
        self.outbox = outbox
    }

    /// Checks every reference between the parts, so a restored world can never index
    /// past an array: dense company indices, unique ids, members and invitations naming
    /// existing users, invoices naming existing details revisions, emails naming existing
    /// companies, invoices and users, unique users in normal form, and a month end after
    /// the current instant.
    ///
    /// - Throws: ``BillingError/invalidValue(_:)`` naming the first inconsistency.
    public func validate() throws(BillingError) {
        guard scheduled.count == companies.count else {
            throw .invalidValue("\(scheduled.count) schedule entries for \(companies.count) companies")
        }
        guard nextMonthEnd == now.nextMonthStart else {
            throw .invalidValue("the next month end \(nextMonthEnd) does not follow the simulated instant \(now)")
        }
        var emails = Set<String>()
        for user in users {
            guard User.normalize(email: user.email) == user.email, emails.insert(user.email).inserted else {
                throw .invalidValue("the user \(user.email) appears twice, or the address is not in normal form")
            }
        }
        var ids = Set<String>()
        let userCount = users.count
        func checkUser(_ id: UserID, _ what: String) throws(BillingError) {
            guard (0..<userCount).contains(Int(id.rawValue)) else {
                throw .invalidValue("\(what) names user #\(id.rawValue), which does not exist")
            }
        }
        for (index, company) in companies.enumerated() {
            guard Int(company.index) == index else {
                throw .invalidValue("company \(company.id) has index \(company.index), expected \(index)")
            }
            guard ids.insert(company.id).inserted else { throw .invalidValue("two companies have the id \(company.id)") }
            guard !company.detailsHistory.isEmpty else { throw .invalidValue("company \(company.id) has no details") }
            guard settings.catalog.plans[company.plan] != nil else {
                throw .invalidValue("company \(company.id) is on plan '\(company.plan)', which the catalog does not have")
            }
            for addOn in company.addOns where settings.catalog.addOns[addOn.id] == nil {
                throw .invalidValue("company \(company.id) uses add-on '\(addOn.id)', which the catalog does not have")
            }
            guard company.members.contains(where: { $0.role == .owner }) else { throw .invalidValue("company \(company.id) has no Owner") }
            for member in company.members { try checkUser(member.user, "a member of \(company.id)") }
            for invitation in company.invitations {
                try checkUser(invitation.invitee, "an invitation to \(company.id)")
                try checkUser(invitation.invitedBy, "an invitation to \(company.id)")
            }
            for invoice in company.invoices where !(0..<company.detailsHistory.count).contains(Int(invoice.detailsRevision)) {
                throw .invalidValue("an invoice of \(company.id) names details revision \(invoice.detailsRevision), which does not exist")
            }
            guard (0...company.invoices.count).contains(company.emailedCount) else {
                throw .invalidValue("company \(company.id) has emailed \(company.emailedCount) of \(company.invoices.count) invoices")
            }
        }
        for message in outbox {
            try checkUser(message.recipient, "an email")
            guard (0..<companies.count).contains(Int(message.company)),
                (0..<companies[Int(message.company)].invoices.count).contains(Int(message.invoice))
            else { throw .invalidValue("an email names invoice \(message.invoice) of company #\(message.company), which does not exist") }
        }
    }
}

extension Simulation {
    /// The whole world as values, taken while no advance runs.
    ///
    /// - Complexity: O(companies); company states are shared, not copied, until changed.
    public func image() async -> WorldImage {
        let clock = self.clock
        let directory = self.directory
        let outbox = self.outbox
        let width = self.width
        let (parts, states, users, messages) = await clock.exclusively {
            let parts = await clock.imageParts()
            let states = await fanOut(parts.companies, width: width) { await $0.snapshot }
            return (parts, states, await directory.snapshot.users, await outbox.all)
        }
        return WorldImage(
            seed: seed, start: start, settings: settings, now: parts.now, nextMonthEnd: parts.nextMonthEnd,
            sellerNext: parts.sellerNext, users: users, companies: states, scheduled: parts.scheduled, outbox: messages)
    }
}
