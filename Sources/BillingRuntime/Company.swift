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

    /// Takes `prefix` for its invoice numbers instead of the one it asked for; only
    /// before its first invoice.
    func adopt(numberPrefix prefix: String) {
        state.adopt(numberPrefix: prefix)
    }

    /// What a visit or an operation changed that the clock must know.
    public struct Report: Sendable {
        /// Invoices created.
        public var created: Int
        /// The finalization instants of the seller-wide drafts this call made, in
        /// creation order: each draft is reported, and so numbered, exactly once.
        public var drafts: [Instant]
        /// The next instant with billing due.
        public var nextDue: Instant?
        /// Whether an operation moved ``nextDue``.
        public var rescheduled = false
        /// Whether invoices are left that no month end has emailed yet.
        public var unsent = false
    }

    /// The clock's visit at a step: runs all billing due up to `step` and, at a month
    /// end (`emailsSentAt`), appends to `emails` those of the invoices finalized since
    /// the last one.
    func visit(until step: Instant, emailsSentAt sentAt: Instant?, optedIn: [Bool], emails: inout [OutboxMessage]) -> Report {
        Company.visit(&state, index: index, until: step, sentAt: sentAt, optedIn: optedIn, emails: &emails, settings: settings)
    }

    // Static helpers over `inout` state: reading computed properties of an actor's
    // stored struct directly would copy the whole struct (a retain per field) first.
    private static func visit(
        _ state: inout CompanyState, index: Int32, until step: Instant, sentAt: Instant?, optedIn: [Bool],
        emails: inout [OutboxMessage], settings: WorldSettings
    ) -> Report {
        let created = state.runDue(until: step, settings: settings)
        if let sentAt { state.takeEmails(company: index, sentAt: sentAt, optedIn: optedIn, into: &emails) }
        let drafts = settings.numbering == .sellerWide ? state.draftInstants(last: created) : []
        return Report(created: created, drafts: drafts, nextDue: state.nextDue, unsent: state.emailedCount < state.invoiceCount)
    }

    /// The second visit of a seller-wide step: numbers the oldest drafts with
    /// `sequences` and, at a month end, appends the emails to `emails`.
    func number(prefix: String, _ sequences: [Int64], emailsSentAt sentAt: Instant?, optedIn: [Bool], emails: inout [OutboxMessage])
        -> Report
    {
        assignNumbers(prefix: prefix, sequences)
        if let sentAt { state.takeEmails(company: index, sentAt: sentAt, optedIn: optedIn, into: &emails) }
        return Report(created: 0, drafts: [], nextDue: nil, unsent: state.emailedCount < state.invoiceCount)
    }

    /// Numbers the oldest drafts, one each, with `sequences` of the seller-wide series.
    func assignNumbers(prefix: String, _ sequences: [Int64]) {
        for sequence in sequences { state.assignNumbers(prefix: prefix, from: sequence, count: 1) }
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
        guard commit else { return (result, Report(created: 0, drafts: [], nextDue: state.nextDue)) }
        state = copy
        let created = state.invoiceCount - before
        let drafts = settings.numbering == .sellerWide ? state.draftInstants(last: created) : []
        return (
            result,
            Report(created: created, drafts: drafts, nextDue: state.nextDue, rescheduled: state.nextDue != dueBefore)
        )
    }

    /// Reads the state.
    public func read<T: Sendable>(_ body: @Sendable (CompanyState) -> T) -> T { body(state) }

    /// The whole state, for snapshots and reports.
    public var snapshot: CompanyState { state }

    /// SHA-256 of the company's canonical records.
    func digest() -> [UInt8] { Company.digest(&state) }

    private static func digest(_ state: inout CompanyState) -> [UInt8] { state.canonicalDigest() }
}

extension CompanyState {
    /// The finalization instants of the last `count` invoices, in creation order.
    fileprivate func draftInstants(last count: Int) -> [Instant] {
        count == 0 ? [] : (invoiceCount - count..<invoiceCount).map(invoiceCreated(at:))
    }
}
