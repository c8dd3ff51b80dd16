public import BillingCore

/// Owns simulated time and the event calendar; drives the companies through due
/// instants and month ends. The ``Simulation`` talks to it; it talks to the companies,
/// the directory and the outbox.
public actor SimulationClock {
    /// The current simulated instant: everything due up to it is done.
    public private(set) var now: Instant
    /// The next month end (1st of a month, 00:00 UTC) at which emails go out.
    public private(set) var nextMonthEnd: Instant
    /// The next number of the seller-wide series.
    public private(set) var sellerNext: Int64 = 1
    private var calendar = EventCalendar()
    private var companies: [Company] = []
    private var indexByID: [String: Int32] = [:]
    private var unsent: [Bool] = []
    private var unsentList: [Int32] = []
    private var advancing = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let settings: WorldSettings
    private let directory: UserDirectory
    private let outbox: Outbox
    private let width: Int

    init(start: Instant, settings: WorldSettings, directory: UserDirectory, outbox: Outbox, width: Int) {
        self.now = start
        self.nextMonthEnd = start.nextMonthStart
        self.settings = settings
        self.directory = directory
        self.outbox = outbox
        self.width = width
    }

    /// A clock restored from a snapshot: its instant, counters and calendar, and the
    /// companies (already checked by ``WorldImage/validate()``). Companies with invoices
    /// not yet emailed are queued for the next month end.
    init(restoring image: WorldImage, directory: UserDirectory, outbox: Outbox, width: Int) {
        self.now = image.now
        self.nextMonthEnd = image.nextMonthEnd
        self.sellerNext = image.sellerNext
        self.settings = image.settings
        self.directory = directory
        self.outbox = outbox
        self.width = width
        companies = image.companies.map { Company($0, settings: image.settings) }
        let unsent = image.companies.map { $0.emailedCount < $0.invoiceCount }
        self.unsent = unsent
        unsentList = unsent.indices.filter { unsent[$0] }.map(Int32.init)
        var calendar = EventCalendar()
        calendar.grow(to: image.companies.count)
        var indexByID: [String: Int32] = [:]
        for (index, state) in image.companies.enumerated() {
            indexByID[state.id] = Int32(index)
            calendar.schedule(Int32(index), at: image.scheduled[index])
        }
        self.calendar = calendar
        self.indexByID = indexByID
    }

    /// The clock's own part of a snapshot: instant, counters, schedule and companies.
    func imageParts() -> (now: Instant, nextMonthEnd: Instant, sellerNext: Int64, scheduled: [Instant?], companies: [Company]) {
        let scheduled = calendar.scheduled.map { $0 == Int64.max ? nil : Instant(seconds: $0) }
        return (now, nextMonthEnd, sellerNext, scheduled + Array(repeating: nil, count: companies.count - scheduled.count), companies)
    }

    // MARK: Companies

    /// The number of companies.
    public var companyCount: Int { companies.count }

    /// The company with `id`, if any.
    public func company(id: String) -> Company? { indexByID[id].map { companies[Int($0)] } }

    /// The company at `index`.
    public func company(at index: Int32) -> Company { companies[Int(index)] }

    /// Every company actor, in index order.
    public var allCompanies: [Company] { companies }

    /// Adds companies whose indices continue the current ones, scheduled at their due.
    func add(_ added: [(company: Company, due: Instant?)]) throws(BillingError) {
        for (company, _) in added where indexByID[company.id] != nil { throw .duplicateCompany(company.id) }
        calendar.grow(to: companies.count + added.count)
        for (company, due) in added {
            precondition(Int(company.index) == companies.count, "company indices must be dense")
            indexByID[company.id] = company.index
            companies.append(company)
            unsent.append(false)
            calendar.schedule(company.index, at: due)
        }
    }

    /// Takes note of what an operation changed: reschedules, numbers seller-wide drafts
    /// at once, and queues new invoices for the next month end.
    func noteChange(of company: Company, _ report: Company.Report) async {
        calendar.schedule(company.index, at: report.nextDue)
        if report.drafts > 0 {
            let first = sellerNext
            sellerNext += Int64(report.drafts)
            await company.assignNumbers(prefix: settings.seller.seriesPrefix, from: first, count: report.drafts)
        }
        // Queued only once numbered: a month end that visited the company while its
        // invoice was a draft would take nothing and forget the company.
        if report.created > 0 { markUnsent(company.index) }
    }

    private func markUnsent(_ index: Int32) {
        if !unsent[Int(index)] {
            unsent[Int(index)] = true
            unsentList.append(index)
        }
    }

    // MARK: Advancing

    /// Advances to `target`, doing all work due on the way; returns when invoices are
    /// finalized and emails queued. With a `pace`, waits in real time between steps.
    /// Concurrent calls run one after another.
    public func advance(
        to target: Instant, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil
    ) async {
        await acquire()
        defer { release() }
        await advanceHoldingLock(to: target, pace: pace, progress: progress)
    }

    /// Runs `body` while no advance and no other exclusive body runs: world building
    /// (creating companies) takes indices and runs the first invoices atomically.
    func exclusively<T: Sendable, Failure: Error>(_ body: @Sendable () async throws(Failure) -> T) async throws(Failure) -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    /// The body of ``advance(to:pace:progress:)``; the caller holds the lock.
    func advanceHoldingLock(
        to target: Instant, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil
    ) async {
        var visits = 0
        let wallStart = ContinuousClock.now
        let simStart = now
        while true {
            let step = min(calendar.peek() ?? nextMonthEnd, nextMonthEnd)
            guard step <= target else { break }
            if let pace {
                let offset = Double(step.seconds - simStart.seconds) / pace.simulatedSecondsPerSecond
                let due = wallStart.advanced(by: .nanoseconds(Int64(offset * 1e9)))
                try? await Task.sleep(until: due, clock: .continuous)
            }
            now = max(now, step)
            visits += await runCompanies(dueAt: step)
            if step == nextMonthEnd {
                await sendMonthEnd(at: step)
                nextMonthEnd = step.nextMonthStart
            }
            progress?(AdvanceProgress(start: simStart, now: step, target: target, companyVisits: visits))
        }
        now = max(now, target)
    }

    /// Advances by a calendar duration from ``now`` as it is when this advance starts
    /// (after any advance already running), so two calls advance by both durations.
    public func advance(
        by duration: SimulatedDuration, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil
    ) async {
        await acquire()
        defer { release() }
        await advanceHoldingLock(to: duration.after(now), pace: pace, progress: progress)
    }

    private func runCompanies(dueAt step: Instant) async -> Int {
        let due = calendar.popAll(at: step)
        guard !due.isEmpty else { return 0 }
        let companies = self.companies
        let reports = await fanOut(due, width: width) { index in
            await companies[Int(index)].runDue(until: step)
        }
        var drafts: [(Int32, Int)] = []
        for (index, report) in zip(due, reports) {
            calendar.schedule(index, at: report.nextDue)
            if report.created > 0 { markUnsent(index) }
            if report.drafts > 0 { drafts.append((index, report.drafts)) }
        }
        if !drafts.isEmpty {
            var numbered: [(index: Int32, first: Int64, count: Int)] = []
            for (index, count) in drafts {
                numbered.append((index, sellerNext, count))
                sellerNext += Int64(count)
            }
            let prefix = settings.seller.seriesPrefix
            _ = await fanOut(numbered, width: width) { reservation in
                await companies[Int(reservation.index)].assignNumbers(
                    prefix: prefix, from: reservation.first, count: reservation.count)
            }
        }
        return due.count
    }

    private func sendMonthEnd(at instant: Instant) async {
        let list = unsentList.sorted()
        unsentList = []
        for index in list { unsent[Int(index)] = false }
        let companies = self.companies
        let optedIn = await directory.invoiceEmailSettings()
        let messages = await fanOut(list, width: width) { index in
            await companies[Int(index)].takeEmails(sentAt: instant, optedIn: optedIn)
        }
        await outbox.append(messages)
    }

    private func acquire() async {
        if advancing {
            await withCheckedContinuation { waiters.append($0) }
        }
        advancing = true
    }

    private func release() {
        if waiters.isEmpty {
            advancing = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    // MARK: Digest

    /// The digests of every company's canonical dump, in index order, computed in
    /// parallel.
    public func companyDigests() async -> [[UInt8]] {
        await fanOut(companies, width: width) { await $0.digest() }
    }
}
