public import BillingCore

/// One customer company: owns its ``CompanyState``. The clock visits it when billing is
/// due; the ``Simulation`` calls it for operations performed as users.
public actor Company {
    /// The company's identifier.
    public nonisolated let id: String
    /// Its index in the world.
    public nonisolated let index: Int32
    private var state: CompanyState
    private let settings: WorldSettings

    /// A company actor owning `state`.
    public init(_ state: CompanyState, settings: WorldSettings) {
        self.id = state.id
        self.index = state.index
        self.state = state
        self.settings = settings
    }

    /// What a visit or an operation changed that the clock must know.
    public struct Report: Sendable {
        /// Invoices created.
        public var created: Int
        /// New seller-wide drafts made by this call: each draft is reported, and so
        /// reserved a number, exactly once.
        public var drafts: Int
        /// The next instant with billing due.
        public var nextDue: Instant?
        /// Whether an operation moved ``nextDue``.
        public var rescheduled = false
    }

    /// Runs all billing due up to `now`.
    func runDue(until now: Instant) -> Report {
        Company.runDue(&state, until: now, settings: settings)
    }

    // Static helpers over `inout` state: reading computed properties of an actor's
    // stored struct directly would copy the whole struct (a retain per field) first.
    private static func runDue(_ state: inout CompanyState, until now: Instant, settings: WorldSettings) -> Report {
        let created = state.runDue(until: now, settings: settings)
        return Report(created: created, drafts: settings.numbering == .sellerWide ? created : 0, nextDue: state.nextDue)
    }

    /// Numbers the `count` oldest drafts from `first` in the seller-wide series.
    func assignNumbers(prefix: String, from first: Int64, count: Int) {
        state.assignNumbers(prefix: prefix, from: first, count: count)
    }

    /// Performs an operation at `now` on a copy of the state and keeps the copy only if
    /// it succeeds and `commit` is true, so a failed operation (or a trial) changes
    /// nothing.
    ///
    /// Billing due up to the operation's instant is done first, and the instant is never
    /// earlier than the company's own time: an operation racing the clock cannot land in
    /// a period the company has already left.
    public func perform<T: Sendable>(
        at now: Instant, commit: Bool = true,
        _ operation: @Sendable (inout CompanyState, Instant, WorldSettings) throws(BillingError) -> T
    ) throws(BillingError) -> (T, Report) {
        var copy = state
        let before = copy.invoiceCount
        let dueBefore = copy.nextDue
        let instant = max(now, copy.settledUntil)
        copy.runDue(until: instant, settings: settings)
        let result = try operation(&copy, instant, settings)
        guard commit else { return (result, Report(created: 0, drafts: 0, nextDue: state.nextDue)) }
        state = copy
        return (
            result,
            Report(
                created: state.invoiceCount - before,
                drafts: settings.numbering == .sellerWide ? state.invoiceCount - before : 0, nextDue: state.nextDue,
                rescheduled: state.nextDue != dueBefore)
        )
    }

    /// Reads the state.
    public func read<T: Sendable>(_ body: @Sendable (CompanyState) -> T) -> T { body(state) }

    /// The whole state, for snapshots and reports.
    public var snapshot: CompanyState { state }

    /// The month-end emails of the invoices finalized since the last send; see
    /// ``BillingCore/CompanyState/takeEmails(company:sentAt:optedIn:)``.
    func takeEmails(sentAt: Instant, optedIn: [Bool]) -> [OutboxMessage] {
        state.takeEmails(company: index, sentAt: sentAt, optedIn: optedIn)
    }

    /// SHA-256 of the company's canonical records.
    func digest() -> [UInt8] { Company.digest(&state) }

    private static func digest(_ state: inout CompanyState) -> [UInt8] { state.canonicalDigest() }
}
