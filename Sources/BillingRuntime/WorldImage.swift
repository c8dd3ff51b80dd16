public import BillingCore
internal import Dispatch
internal import Synchronization

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

    /// Checks every invariant a world keeps, so a restored world can never index past
    /// an array, overflow or bill for centuries: a start the VAT table has rates for
    /// (see ``WorldSettings/checkTaxes(from:)``), dense company indices, unique ids, users
    /// in normal form, members and invitations naming existing users, exactly one Owner,
    /// site roles naming existing sites, plans and add-ons sold in the company's currency,
    /// invoice numbers unique and below their series' next number, amounts that add up,
    /// balances not negative, periods that fit their anchor, a next due instant after
    /// `now` and the schedule agreeing with it, and emails naming their invoices.
    ///
    /// - Throws: ``WorldInconsistency`` naming the first broken invariant and its row.
    public func validate() throws(WorldInconsistency) {
        guard scheduled.count == companies.count else { throw .scheduleCount(entries: scheduled.count, companies: companies.count) }
        guard start <= now else { throw .clock("the simulated instant \(now) is before the start \(start)") }
        // Only a world still at a start that is itself a month end has that month end to run.
        let monthEndToRun = now == start && start.isMonthStart && nextMonthEnd == now
        guard nextMonthEnd == now.nextMonthStart || monthEndToRun else {
            throw .clock("the next month end \(nextMonthEnd) does not follow the simulated instant \(now)")
        }
        guard settings.seller.country.isAssigned else { throw .unknownSellerCountry(settings.seller.country.rawValue) }
        do throws(TaxTableGap) {
            try settings.checkTaxes(from: start.date)
        } catch {
            throw .taxTable(error)
        }
        var emails = Set<String>()
        for (index, user) in users.enumerated() {
            guard User.normalize(email: user.email) == user.email, emails.insert(user.email).inserted else {
                throw .userEmail(user: index, email: user.email)
            }
        }
        try validateCompanies()
        for (position, message) in outbox.enumerated() {
            guard (0..<users.count).contains(Int(message.recipient.rawValue)) else {
                throw .email(position: position, detail: "the recipient \(message.recipient.rawValue) does not exist")
            }
            guard (0..<companies.count).contains(Int(message.company)),
                (0..<companies[Int(message.company)].emailedCount).contains(Int(message.invoice))
            else { throw .email(position: position, detail: "invoice \(message.invoice) of company \(message.company) was not emailed") }
            guard companies[Int(message.company)].invoiceNumber(at: Int(message.invoice)) == message.number else {
                throw .email(position: position, detail: "the number \(message.number) is not the invoice's")
            }
            guard message.sentAt <= now, position == 0 || outbox[position - 1].sentAt <= message.sentAt else {
                throw .email(position: position, detail: "sent at \(message.sentAt), out of sending order or after \(now)")
            }
        }
    }
}

extension WorldImage {
    /// What the companies of a range use that no other company may: ids, number
    /// prefixes and seller-wide invoice numbers.
    private struct Claimed {
        var ids = Set<String>()
        var prefixes = Set<String>()
        var sellerNumbers = Set<Int64>()

        func isDisjoint(with other: Claimed) -> Bool {
            ids.isDisjoint(with: other.ids) && prefixes.isDisjoint(with: other.prefixes)
                && sellerNumbers.isDisjoint(with: other.sellerNumbers)
        }
    }

    /// Every company's invariants, checked in two halves on two threads, then that the
    /// halves claim nothing twice. When anything fails, the companies are checked again
    /// in order, so that the error is the first one, the one a single pass names.
    private func validateCompanies() throws(WorldInconsistency) {
        let middle = companies.count / 2
        let halves = [0..<middle, middle..<companies.count]
        let claimed = Mutex<[Claimed?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            let claims = try? validateCompanies(halves[half])
            claimed.withLock { $0[half] = claims }
        }
        let (first, second) = claimed.withLock { ($0[0], $0[1]) }
        if let first, let second, first.isDisjoint(with: second) { return }
        _ = try validateCompanies(companies.indices)
    }

    /// Checks the companies in `range` in order; what they claim.
    private func validateCompanies(_ range: Range<Int>) throws(WorldInconsistency) -> Claimed {
        var claimed = Claimed(ids: Set(minimumCapacity: range.count), prefixes: Set(minimumCapacity: range.count))
        for index in range {
            let company = companies[index]
            guard Int(company.index) == index else { throw .companyIndex(company: index, id: company.id, index: company.index) }
            guard claimed.ids.insert(company.id).inserted else { throw .duplicateCompany(company: index, id: company.id) }
            guard company.numberPrefix != settings.seller.seriesPrefix, claimed.prefixes.insert(company.numberPrefix).inserted else {
                throw .duplicatePrefix(company: index, id: company.id, prefix: company.numberPrefix)
            }
            try validate(company, at: index, sellerNumbers: &claimed.sellerNumbers)
        }
        return claimed
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
