internal import BillingCore

/// Owns simulated time; drives the companies from one month end to the next. The
/// ``Simulation`` talks to it; it talks to the companies, the directory and the outbox.
///
/// A step goes to the next month end, or to an earlier target, and visits each company
/// with billing due before it once: the visit runs all its due work up to the step (each
/// invoice dated at its own instant) and, at a month end, hands over the month's emails.
/// Companies do not interact between steps, so nothing waits on a barrier but the step.
actor SimulationClock {
    /// The current simulated instant: everything due up to it is done.
    private(set) var now: Instant
    /// The next month end (1st of a month, 00:00 UTC) at which emails go out.
    private(set) var nextMonthEnd: Instant
    /// The next number of the seller-wide series.
    private(set) var sellerNext: Int64 = 1
    private var companies: [Company] = []
    private var indexByID: [String: Int32] = [:]
    private var prefixes: NumberPrefixes
    /// When each company next has billing due, in seconds; `Int64.max` for never.
    private var dueAt: [Int64] = []
    /// Whether each company holds invoices not yet emailed.
    private var unsent: [Bool] = []
    private var turn = Turn.free
    private let settings: WorldSettings
    private let directory: UserDirectory
    private let outbox: Outbox
    private let width: Int

    /// Who holds the clock: an advance, a world-building change or an image, one at a
    /// time; the rest wait in arrival order.
    private enum Turn {
        case free
        case held(waiting: [CheckedContinuation<Void, Never>])
    }

    init(start: Instant, settings: WorldSettings, directory: UserDirectory, outbox: Outbox, width: Int) {
        self.now = start
        // A world that starts as a month turns has that month end still to run: what is
        // issued at the start instant is emailed at once (DOMAIN.md "Invoice emails").
        self.nextMonthEnd = start.isMonthStart ? start : start.nextMonthStart
        self.prefixes = NumberPrefixes(seller: settings.seller.seriesPrefix)
        self.settings = settings
        self.directory = directory
        self.outbox = outbox
        self.width = width
    }

    /// A clock restored from a snapshot: its instant, counters and schedule, and the
    /// companies (already checked by ``WorldImage/validate()``). Companies with invoices
    /// not yet emailed are visited at the next month end.
    init(restoring image: WorldImage, directory: UserDirectory, outbox: Outbox, width: Int) {
        self.now = image.now
        self.nextMonthEnd = image.nextMonthEnd
        self.sellerNext = image.sellerNext
        self.prefixes = NumberPrefixes(seller: image.settings.seller.seriesPrefix, companies: image.companies.map(\.numberPrefix))
        self.settings = image.settings
        self.directory = directory
        self.outbox = outbox
        self.width = width
        companies = image.companies.map { Company($0, settings: image.settings) }
        unsent = image.companies.map { $0.emailedCount < $0.invoiceCount }
        // One entry per company: `validate()` refused any other count.
        dueAt = image.scheduled.map { $0?.seconds ?? Int64.max }
        indexByID.reserveCapacity(companies.count)
        for (index, state) in image.companies.enumerated() { indexByID[state.id] = Int32(index) }
    }

    /// The clock's own part of a snapshot: instant, counters, schedule and companies.
    func imageParts() -> (now: Instant, nextMonthEnd: Instant, sellerNext: Int64, scheduled: [Instant?], companies: [Company]) {
        (now, nextMonthEnd, sellerNext, dueAt.map { $0 == Int64.max ? nil : Instant(seconds: $0) }, companies)
    }

    // MARK: Companies

    /// The number of companies.
    var companyCount: Int { companies.count }

    /// The company with `id`, if any.
    func company(id: String) -> Company? { indexByID[id].map { companies[Int($0)] } }

    /// The company at `index`.
    func company(at index: Int32) -> Company { companies[Int(index)] }

    /// Every company actor, in index order.
    var allCompanies: [Company] { companies }

    /// What a world-building change adds: a company, when it is next due, and the
    /// invoice-number prefix it asks for (`explicit` when given, not derived from its id).
    typealias Admission = (company: Company, due: Instant?, prefix: String, explicit: Bool)

    /// Adds the companies `build` makes, in its turn: `build` gets the first free index
    /// and the current instant, and its companies are billed up to that instant (their
    /// first invoices) before anything else runs. Each gets a number prefix no other
    /// series holds (see ``NumberPrefixes``); when any cannot, none is added.
    func admit(
        _ build: @Sendable (_ firstIndex: Int, _ now: Instant) async throws(BillingError) -> [Admission]
    ) async throws(BillingError) -> [Company] {
        try await inTurn { () throws(BillingError) -> [Company] in
            let added = try await build(companies.count, now)
            for entry in added where indexByID[entry.company.id] != nil { throw .duplicateCompany(entry.company.id) }
            try await claimPrefixes(added)
            indexByID.reserveCapacity(companies.count + added.count)
            companies.reserveCapacity(companies.count + added.count)
            unsent.reserveCapacity(unsent.count + added.count)
            dueAt.reserveCapacity(dueAt.count + added.count)
            for (company, due, _, _) in added {
                precondition(Int(company.index) == companies.count, "company indices must be dense")
                indexByID[company.id] = company.index
                companies.append(company)
                unsent.append(false)
                dueAt.append(due?.seconds ?? Int64.max)
            }
            // Their work due now, but not a month end at `now` that is still to run (a
            // world starting as a month turns): that waits for the advance, so users set
            // up at the same instant receive what is issued then.
            _ = await visitCompanies(until: now, monthEnd: false)
            return added.map(\.company)
        }
    }

    /// Claims each admitted company's prefix, giving a company whose default prefix is
    /// taken the one it gets instead; gives every claim back when one is refused.
    private func claimPrefixes(_ added: [Admission]) async throws(BillingError) {
        var claimed: [String] = []
        claimed.reserveCapacity(added.count)
        do {
            for entry in added {
                let prefix = try prefixes.claim(entry.prefix, explicit: entry.explicit, company: entry.company.id)
                claimed.append(prefix)
                if prefix != entry.prefix { await entry.company.adopt(numberPrefix: prefix) }
            }
        } catch {
            for prefix in claimed { prefixes.release(prefix) }
            throw error
        }
    }

    /// Takes note of what an operation changed: reschedules, numbers seller-wide drafts
    /// at once, and marks new invoices for the next month end.
    func noteChange(of company: Company, _ report: Company.Report) async {
        let index = Int(company.index)
        schedule(index, at: report.nextDue)
        if !report.drafts.isEmpty {
            let sequences = report.drafts.map { _ in reserveSellerNumber() }
            await company.assignNumbers(prefix: settings.seller.seriesPrefix, sequences)
        }
        // Marked only once numbered: a month end that visited the company while its
        // invoice was a draft would take nothing.
        if report.created > 0 { unsent[index] = true }
    }

    /// Keeps the earlier of the scheduled and the reported due: a visit with nothing due
    /// does nothing, so an operation racing a visit can never lose a due.
    private func schedule(_ index: Int, at due: Instant?) {
        if let seconds = due?.seconds, seconds < dueAt[index] { dueAt[index] = seconds }
    }

    private func reserveSellerNumber() -> Int64 {
        defer { sellerNext += 1 }
        return sellerNext
    }

    // MARK: Advancing

    /// Advances to `target`, doing all work due on the way; returns when invoices are
    /// finalized and emails queued. With a `pace`, steps by day and waits in real time
    /// between steps. Concurrent calls run one after another.
    func advance(to target: Instant, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil) async {
        await inTurn { await run(to: target, pace: pace, progress: progress) }
    }

    /// Advances by a calendar duration from ``now`` as it is when this advance starts
    /// (after any advance already running), so two calls advance by both durations.
    func advance(by duration: SimulatedDuration, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil) async {
        await inTurn { await run(to: duration.after(now), pace: pace, progress: progress) }
    }

    /// Runs `body` in the clock's turn: no advance or other change runs meanwhile.
    func exclusively<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await inTurn { await body() }
    }

    /// The steps of one advance; the caller holds the turn.
    private func run(to target: Instant, pace: Pace? = nil, progress: (@Sendable (AdvanceProgress) -> Void)? = nil) async {
        guard target >= now else { return }
        let simStart = now
        let wallStart = await pace?.realTime.seconds()
        var visits = 0
        var step: Instant
        repeat {
            step = min(nextMonthEnd, target)
            if let pace, let wallStart {
                step = min(step, now.adding(seconds: Instant.secondsPerDay))
                let offset = Double(step.seconds - simStart.seconds) / pace.simulatedSecondsPerSecond
                await pace.realTime.sleep(until: wallStart + offset)
            }
            let monthEnd = step == nextMonthEnd
            visits += await visitCompanies(until: step, monthEnd: monthEnd)
            now = step
            if monthEnd { nextMonthEnd = step.nextMonthStart }
            progress?(AdvanceProgress(start: simStart, now: step, target: target, companyVisits: visits))
        } while step < target
    }

    /// What the visits of one chunk of companies gave: their reports' figures, in
    /// company order, and their emails, in sending order.
    private struct ChunkVisits: Sendable {
        var nextDue: [Instant?] = []
        var unsent: [Bool] = []
        var drafts: [[Instant]] = []
        var emails: [OutboxMessage] = []
    }

    /// One step: every company with billing due by `step` (and, at a month end, every
    /// company with invoices not yet emailed) is visited once, in index order. In the
    /// seller-wide scheme the step's drafts are then numbered in (finalization instant,
    /// company index, creation order) order, which a second visit hands over, with the
    /// month's emails. Returns the number of visits.
    private func visitCompanies(until step: Instant, monthEnd: Bool) async -> Int {
        var due: [Int32] = []
        for index in dueAt.indices where dueAt[index] <= step.seconds || (monthEnd && unsent[index]) {
            due.append(Int32(index))
            dueAt[index] = Int64.max
        }
        guard !due.isEmpty else { return 0 }
        let companies = self.companies
        let sellerWide = settings.numbering == .sellerWide
        let sentAt = monthEnd && !sellerWide ? step : nil
        let optedIn = sentAt == nil ? [] : await directory.invoiceEmailSettings()
        let chunks = await fanOutChunks(due, width: width) { slice in
            var visits = ChunkVisits()
            for index in slice {
                let report = await companies[Int(index)].visit(until: step, emailsSentAt: sentAt, optedIn: optedIn, emails: &visits.emails)
                visits.nextDue.append(report.nextDue)
                visits.unsent.append(report.unsent)
                if sellerWide { visits.drafts.append(report.drafts) }
            }
            return visits
        }
        var position = 0
        var drafts: [(created: Int64, company: Int32, order: Int)] = []
        for chunk in chunks {
            for offset in chunk.nextDue.indices {
                let index = Int(due[position + offset])
                schedule(index, at: chunk.nextDue[offset])
                unsent[index] = chunk.unsent[offset]
            }
            for (offset, instants) in chunk.drafts.enumerated() {
                for (order, created) in instants.enumerated() { drafts.append((created.seconds, due[position + offset], order)) }
            }
            position += chunk.nextDue.count
        }
        guard sellerWide else {
            await outbox.append(chunks.map(\.emails))
            return due.count
        }
        return due.count + (await numberSellerWide(drafts, step: step, monthEnd: monthEnd))
    }

    /// Numbers the step's seller-wide drafts in (instant, company, creation) order and
    /// visits the companies to hand the numbers over and, at a month end, take the emails.
    private func numberSellerWide(_ drafts: [(created: Int64, company: Int32, order: Int)], step: Instant, monthEnd: Bool) async -> Int {
        var sequences: [Int32: [Int64]] = [:]
        for draft in drafts.sorted(by: { ($0.created, $0.company, $0.order) < ($1.created, $1.company, $1.order) }) {
            sequences[draft.company, default: []].append(reserveSellerNumber())
        }
        var visited = Array(sequences.keys)
        if monthEnd { visited += unsent.indices.filter { unsent[$0] && sequences[Int32($0)] == nil }.map(Int32.init) }
        visited.sort()
        guard !visited.isEmpty else { return 0 }
        let companies = self.companies
        let prefix = settings.seller.seriesPrefix
        let sentAt = monthEnd ? step : nil
        let optedIn = sentAt == nil ? [] : await directory.invoiceEmailSettings()
        let chunks = await fanOutChunks(visited, width: width) { [sequences] slice in
            var visits = ChunkVisits()
            for index in slice {
                let report = await companies[Int(index)].number(
                    prefix: prefix, sequences[index] ?? [], emailsSentAt: sentAt, optedIn: optedIn, emails: &visits.emails)
                visits.unsent.append(report.unsent)
            }
            return visits
        }
        for (index, unsent) in zip(visited, chunks.flatMap(\.unsent)) { self.unsent[Int(index)] = unsent }
        await outbox.append(chunks.map(\.emails))
        return visited.count
    }

    private func inTurn<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> T {
        await takeTurn()
        defer { passTurn() }
        return try await body()
    }

    private func takeTurn() async {
        switch turn {
        case .free:
            turn = .held(waiting: [])
        case .held(var waiting):
            // Resumed by `passTurn`, which hands the turn over without freeing it.
            await withCheckedContinuation {
                waiting.append($0); turn = .held(waiting: waiting)
            }
        }
    }

    private func passTurn() {
        guard case .held(var waiting) = turn, !waiting.isEmpty else {
            turn = .free
            return
        }
        let next = waiting.removeFirst()
        turn = .held(waiting: waiting)
        next.resume()
    }

    // MARK: Digest

    /// The digests of every company's canonical dump, in index order, computed in
    /// parallel.
    func companyDigests() async -> [[UInt8]] {
        await fanOut(companies, width: width) { await $0.digest() }
    }
}
