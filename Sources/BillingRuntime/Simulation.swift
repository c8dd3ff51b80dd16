public import BillingCore
internal import Foundation

/// One world: a clock, its companies, the user directory and the outbox, seeded
/// explicitly. Simulations share nothing, so many can run in one process at once.
///
/// Every operation is performed as a user, at the clock's current instant, and either
/// succeeds or throws ``BillingError`` with nothing changed.
///
/// ```swift
/// let sim = try Simulation(seed: 1, start: Instant(CivilDate(year: 2026, month: 1, day: 15)!))
/// let anna = try await sim.register(email: "anna@acme.se", name: "Anna")
/// try await sim.createCompany(spec, owner: "anna@acme.se")
/// try await sim.setInvoiceEmails(true, of: "anna@acme.se", as: "anna@acme.se")
/// await sim.advance(by: .months(12))
/// ```
public final class Simulation: Sendable {
    /// The world seed.
    public let seed: UInt64
    /// The instant the world started.
    public let start: Instant
    /// The rules it bills by.
    public let settings: WorldSettings
    /// Drives time.
    let clock: SimulationClock
    /// All users.
    let directory: UserDirectory
    /// All invoice emails.
    let outbox: Outbox
    /// How many tasks work at once when work fans out.
    let width: Int

    /// A new, empty world. `width` bounds the company visits in flight (default: the
    /// number of active processors).
    ///
    /// - Throws: ``BillingError/beforeTaxTable(_:)`` when `start` is before the first
    ///   date of the VAT table (2020-01-01 for ``TaxTable/standardEU``): no rate is ever
    ///   guessed for an invoice.
    public init(
        seed: UInt64, start: Instant, settings: WorldSettings = WorldSettings(), width: Int? = nil
    ) throws(BillingError) {
        do throws(TaxTableGap) {
            try settings.checkTaxes(from: start.date)
        } catch {
            throw .beforeTaxTable(error)
        }
        self.seed = seed
        self.start = start
        self.settings = settings
        self.directory = UserDirectory()
        self.outbox = Outbox()
        self.width = max(1, width ?? ProcessInfo.processInfo.activeProcessorCount)
        self.clock = SimulationClock(
            start: start, settings: settings, directory: directory, outbox: outbox, width: self.width)
    }

    /// A world restored from `image`, continuing exactly where it stopped.
    ///
    /// - Throws: ``WorldInconsistency`` when the image breaks an invariant (see
    ///   ``WorldImage/validate()``).
    public init(restoring image: WorldImage, width: Int? = nil) throws(WorldInconsistency) {
        try image.validate()
        guard let registry = UserRegistry(users: image.users) else {
            throw .userEmail(user: 0, email: image.users.first?.email ?? "")
        }
        self.seed = image.seed
        self.start = image.start
        self.settings = image.settings
        self.directory = UserDirectory(registry: registry)
        self.outbox = Outbox(messages: image.outbox)
        self.width = max(1, width ?? ProcessInfo.processInfo.activeProcessorCount)
        self.clock = SimulationClock(restoring: image, directory: directory, outbox: outbox, width: self.width)
    }

    // MARK: Time

    /// The current simulated instant.
    public var now: Instant { get async { await clock.now } }

    /// Advances to `target`; see ``SimulationClock/advance(to:pace:progress:)``.
    public func advance(to target: Instant, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil) async {
        await clock.advance(to: target, pace: pace, progress: progress)
    }

    /// Advances by a calendar duration.
    public func advance(by duration: SimulatedDuration, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil) async {
        await clock.advance(by: duration, pace: pace, progress: progress)
    }

    // MARK: Users and companies

    /// Registers a user (or returns the one with this email).
    @discardableResult
    public func register(email: String, name: String) async throws(BillingError) -> UserID {
        try await directory.register(email: email, name: name)
    }

    /// Creates a company with `owner` (a registered email) as its Owner. Its first plan
    /// invoice is issued at once, at the current instant. Its VAT number must fit its
    /// country, and is kept in normal form (``CompanyDetails/validated()``).
    @discardableResult
    public func createCompany(_ spec: CompanySpec, owner: String) async throws(BillingError) -> Company {
        guard !spec.id.isEmpty, !spec.id.contains(where: \.isWhitespace) else {
            throw .invalidValue("a company id is one word without spaces, got '\(spec.id)'")
        }
        guard !spec.details.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidValue("company \(spec.id) needs a name")
        }
        guard spec.details.country.isAssigned else {
            throw .invalidValue("'\(spec.details.country)' is not an assigned ISO 3166-1 country code")
        }
        var checked = spec
        checked.details = try spec.details.validated()
        let spec = checked
        if let prefix = spec.numberPrefix, prefix.isEmpty || prefix.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw .invalidValue("company \(spec.id): an invoice number prefix is one word without spaces, got '\(prefix)'")
        }
        let ownerRef = try await directory.ref(email: owner)
        guard settings.catalog.plans[spec.plan] != nil else { throw .unknownPlan(spec.plan) }
        guard settings.catalog.plans[spec.plan]?.price(spec.cycle, in: spec.currency) != nil else {
            throw .notSoldIn(item: spec.plan, currency: spec.currency)
        }
        let seed = self.seed
        let settings = self.settings
        let added = try await clock.admit { (firstIndex, now) throws(BillingError) in
            let state = CompanyState(
                id: spec.id, index: Int32(firstIndex), details: spec.details, currency: spec.currency,
                plan: spec.plan, cycle: spec.cycle, anchorMode: spec.anchorMode, owner: ownerRef.id, start: now,
                numberPrefix: spec.numberPrefix, seed: seed)
            return [(Company(state, settings: settings), state.nextDue, state.numberPrefix, spec.numberPrefix != nil)]
        }
        return added[0]
    }

    /// The company with `id`.
    public func company(_ id: String) async throws(BillingError) -> Company {
        guard let company = await clock.company(id: id) else { throw .unknownCompany(id) }
        return company
    }

    // MARK: Reading the world

    /// The number of companies.
    public var companyCount: Int { get async { await clock.companyCount } }

    /// The state of the company at world index `index`.
    public func state(at index: Int32) async -> CompanyState { await clock.company(at: index).snapshot }

    /// Every company's state, in index order (read in parallel; states are shared, not
    /// copied, until changed).
    public func states() async -> [CompanyState] {
        await fanOut(await clock.allCompanies, width: width) { await $0.snapshot }
    }

    /// The next number of the seller-wide series.
    public var sellerNext: Int64 { get async { await clock.sellerNext } }

    /// Every user, as a value.
    public var users: UserRegistry { get async { await directory.snapshot } }

    /// The number of users.
    public var userCount: Int { get async { await directory.count } }

    /// The user with `id`.
    public func user(_ id: UserID) async -> User { await directory.user(id) }

    /// The reference (id and email) of the user with `email`.
    public func userRef(email: String) async throws(BillingError) -> UserRef { try await directory.ref(email: email) }

    /// Every invoice email so far, in sending order.
    public var emails: [OutboxMessage] { get async { await outbox.all } }

    /// The number of invoice emails so far.
    public var emailCount: Int { get async { await outbox.count } }

    /// The invoice emails to `recipient`, in sending order.
    public func emails(to recipient: UserID) async -> [OutboxMessage] { await outbox.messages(to: recipient) }

    // MARK: Operations

    /// Performs `operation` on company `companyID` as the user with email `user`, at the
    /// current instant. Invoices it issues are numbered and queued for the month end.
    /// With `commit: false` it is a trial: the result or error is what the operation
    /// would give now, and nothing changes.
    public func perform<T: Sendable>(
        as user: String, in companyID: String, commit: Bool = true,
        _ operation: @escaping @Sendable (inout CompanyState, UserRef, Instant, WorldSettings) throws(BillingError) -> T
    ) async throws(BillingError) -> T {
        let actor = try await directory.ref(email: user)
        return try await system(in: companyID, commit: commit) { state, instant, settings throws(BillingError) in
            try operation(&state, actor, instant, settings)
        }
    }

    /// Performs a system action (usage, credits, accepting an invitation) on a company,
    /// at the current instant: no permission is asked. Invoices it issues are numbered
    /// and queued for the month end. `commit: false` makes it a trial.
    public func system<T: Sendable>(
        in companyID: String, commit: Bool = true,
        _ action: @escaping @Sendable (inout CompanyState, Instant, WorldSettings) throws(BillingError) -> T
    ) async throws(BillingError) -> T {
        let company = try await company(companyID)
        let now = await clock.now
        let (result, report) = try await company.perform(at: now, commit: commit) { (state, instant, settings) throws(BillingError) in
            try action(&state, instant, settings)
        }
        if report.created > 0 || report.rescheduled {
            await clock.noteChange(of: company, report)
        }
        return result
    }

    /// Turns invoice emails of `target` on or off, as `user`: only for themselves.
    /// `commit: false` makes it a trial.
    public func setInvoiceEmails(_ on: Bool, of target: String, as user: String, commit: Bool = true) async throws(BillingError) {
        let actor = try await directory.ref(email: user)
        let target = try await directory.ref(email: target)
        try await directory.setInvoiceByEmail(on, for: target.id, by: actor.id, commit: commit)
    }
}
