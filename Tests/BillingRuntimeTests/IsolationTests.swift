import BillingCore
import BillingRuntime
import Foundation
import Testing

/// The isolation campaign: random users (every role, removed members, pending invitees,
/// strangers, an unregistered email, a Billing user of several companies) try random
/// operations in random companies, judged by ``PermissionModel``. A denied attempt
/// changes nothing in the world; no attempt in one company changes another or shows its
/// data.
///
/// `BILLINGSIM_ISOLATION_OPS` sets the number of attempts (default 20,000);
/// `Scripts/campaign-isolation.sh` runs a million in release.
@Suite("Isolation: random users and operations against a plain permission table")
struct IsolationTests {
    /// Attempts per world before a fresh one is built (worlds wear out: accounts close).
    static let attemptsPerWorld = 2_000
    /// Attempts drawn at once; the denied ones and the reads among them run concurrently.
    static let batch = 16

    /// What a campaign saw.
    struct Tally: Sendable {
        var attempts = 0
        var denied = 0
        var allowedDone = 0
        var allowedRefused = 0
        var selfOnly = 0
        var unknownUser = 0
        var concurrent = 0
        var problems: [String] = []

        mutating func add(_ other: Tally) {
            attempts += other.attempts
            denied += other.denied
            allowedDone += other.allowedDone
            allowedRefused += other.allowedRefused
            selfOnly += other.selfOnly
            unknownUser += other.unknownUser
            concurrent += other.concurrent
            problems += other.problems.prefix(20 - min(20, problems.count))
        }

        mutating func count(_ verdict: IsolationAttempt.Verdict, _ outcome: IsolationAttempt.Outcome) {
            attempts += 1
            switch (verdict, outcome) {
            case (.denied, _): denied += 1
            case (.selfOnly, _): selfOnly += 1
            case (.unknownUser, _): unknownUser += 1
            case (.allowed, .failed): allowedRefused += 1
            case (.allowed, _): allowedDone += 1
            }
        }
    }

    /// Everything a check compares: every company's state, the users and the outbox.
    struct Picture: Equatable {
        var states: [String: CompanyState]
        var users: UserRegistry
        var emails: Int

        init(_ sim: Simulation) async {
            var states: [String: CompanyState] = [:]
            for state in await allStates(of: sim) { states[state.id] = state }
            self.states = states
            users = await sim.users
            emails = await sim.emailCount
        }
    }

    @Test("No denied operation changes anything, and no operation in one company changes or shows another")
    func campaign() async throws {
        let total = ProcessInfo.processInfo.environment["BILLINGSIM_ISOLATION_OPS"].flatMap(Int.init) ?? 20_000
        let worlds = max(1, (total + Self.attemptsPerWorld - 1) / Self.attemptsPerWorld)
        let clock = ContinuousClock()
        let began = clock.now
        var tally = Tally()
        // Two worlds at a time: one per core, each with its own concurrent callers.
        for first in stride(from: 0, to: worlds, by: 2) {
            try await withThrowingTaskGroup(of: Tally.self) { group in
                for index in first..<min(first + 2, worlds) {
                    let attempts = min(Self.attemptsPerWorld, total - index * Self.attemptsPerWorld)
                    group.addTask { try await Self.run(seed: UInt64(1_000 + index), attempts: attempts) }
                }
                for try await part in group { tally.add(part) }
            }
        }
        let seconds = (clock.now - began).inSeconds
        print(
            "isolation: \(tally.attempts) attempts in \(worlds) worlds, \(String(format: "%.1f", seconds)) s "
                + "(\(Int(Double(tally.attempts) / max(seconds, 0.001)))/s): denied \(tally.denied), allowed and done "
                + "\(tally.allowedDone), allowed but refused by another rule \(tally.allowedRefused), self-only "
                + "\(tally.selfOnly), unknown user \(tally.unknownUser), run concurrently \(tally.concurrent)")
        #expect(tally.problems.isEmpty, "\(tally.problems.joined(separator: "\n"))")
        #expect(tally.attempts == total)
        // The campaign must exercise both sides of the table.
        #expect(tally.denied > total / 10)
        #expect(tally.allowedDone > total / 10)
    }

    @Test("Replacing a pending Billing invitation needs the company-users right, asked before the account's state")
    func replacingAnInvitationIsDeniedFirst() async throws {
        let sim = try await Team.world()
        try await sim.invite("pending@acme.se", to: Team.company, as: .billing, by: Team.owner)
        try await sim.closeAccount(of: Team.company, as: Team.owner)
        let before = await sim.digest()
        let denied = BillingError.denied(AccessDenied(user: Team.developer, operation: .manageCompanyUsers, company: Team.company))
        await #expect(throws: denied) {
            try await sim.invite("pending@acme.se", to: Team.company, as: .siteDeveloper(sites: ["shop"]), by: Team.developer)
        }
        #expect(await sim.digest() == before)
    }

    @Test("A refused invitation of someone new registers nobody")
    func aRefusedInvitationRegistersNobody() async throws {
        let sim = try await Team.world()
        let before = await sim.digest()
        await #expect(throws: BillingError.ownerOnlyByTransfer) {
            try await sim.invite("newcomer@acme.se", to: Team.company, as: .owner, by: Team.owner)
        }
        #expect(await sim.digest() == before)
        await #expect(throws: BillingError.unknownUser("newcomer@acme.se")) {
            try await sim.setInvoiceEmails(true, of: "newcomer@acme.se", as: "newcomer@acme.se")
        }
    }

    /// One world's share of the campaign.
    static func run(seed: UInt64, attempts: Int) async throws -> Tally {
        var world = try await IsolationWorld.make(seed: seed)
        var tally = Tally()
        var remaining = attempts
        while remaining > 0 {
            let drawn = (0..<min(batch, remaining)).map { _ in world.next() }
            remaining -= drawn.count
            let before = await Picture(world.sim)
            var verdicts = drawn.map { attempt in
                before.states[attempt.company].map { attempt.verdict(in: $0, users: before.users) }
            }
            // The attempts that cannot change anything run together, as concurrent callers.
            let quiet = drawn.indices.filter { verdicts[$0] != .allowed || drawn[$0].isRead }
            let sim = world.sim
            let outcomes = await withTaskGroup(of: (Int, IsolationAttempt.Outcome).self) { group in
                for index in quiet { group.addTask { (index, await drawn[index].perform(on: sim)) } }
                var outcomes: [Int: IsolationAttempt.Outcome] = [:]
                for await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes
            }
            for index in quiet {
                guard let verdict = verdicts[index], let outcome = outcomes[index] else { continue }
                tally.concurrent += 1
                tally.count(verdict, outcome)
                record(drawn[index].problem(outcome, verdict: verdict), drawn[index], into: &tally)
                record(leak(outcome, of: drawn[index], seen: before), drawn[index], into: &tally)
            }
            if await Picture(world.sim) != before {
                tally.problems.append("seed \(seed): denied attempts or reads changed the world: \(quiet.map { drawn[$0] })")
            }
            // The rest one at a time, each judged against the state just before it.
            for index in drawn.indices where !quiet.contains(index) {
                let attempt = drawn[index]
                let now = await Picture(world.sim)
                guard let state = now.states[attempt.company] else { continue }
                verdicts[index] = attempt.verdict(in: state, users: now.users)
                let verdict = verdicts[index] ?? .allowed
                let outcome = await attempt.perform(on: world.sim)
                tally.count(verdict, outcome)
                record(attempt.problem(outcome, verdict: verdict), attempt, into: &tally)
                record(leak(outcome, of: attempt, seen: now), attempt, into: &tally)
                let after = await Picture(world.sim)
                record(changes(from: now, to: after, by: attempt, outcome: outcome, verdict: verdict), attempt, into: &tally)
            }
        }
        return tally
    }

    private static func record(_ problem: String?, _ attempt: IsolationAttempt, into tally: inout Tally) {
        if let problem, tally.problems.count < 20 { tally.problems.append("\(attempt): \(problem)") }
    }

    /// What changed that must not have: another company always; for a refused attempt
    /// anything at all (a self-only or allowed notification change touches only users).
    static func changes(
        from before: Picture, to after: Picture, by attempt: IsolationAttempt, outcome: IsolationAttempt.Outcome,
        verdict: IsolationAttempt.Verdict
    ) -> String? {
        for (id, state) in before.states where id != attempt.company && after.states[id] != state {
            return "company \(id) changed"
        }
        if case .failed = outcome {
            if before.states != after.states { return "refused (\(verdict)) but company \(attempt.company) changed" }
            if before.users != after.users {
                return "refused (\(verdict)) but the users changed"
            }
        }
        if after.emails != before.emails { return "the outbox changed" }
        return nil
    }

    /// What in `outcome` belongs to a company other than the attempt's, or differs from
    /// what the attempt's company holds.
    static func leak(_ outcome: IsolationAttempt.Outcome, of attempt: IsolationAttempt, seen: Picture) -> String? {
        let others = IsolationWorld.companies.filter { $0 != attempt.company }
        let state = seen.states[attempt.company]
        switch outcome {
        case .invoices(let invoices):
            let prefix = CompanyState.defaultPrefix(for: attempt.company)
            if invoices != state?.invoices { return "invoices differ from the company's own" }
            if invoices.contains(where: { ($0.number?.prefix ?? prefix) != prefix }) { return "an invoice of another series" }
        case .details(let details):
            if details != state?.details || !details.name.hasPrefix(attempt.company) { return "settings of another company" }
        case .sites(let sites):
            if sites != state?.sites || sites.contains(where: { !$0.id.hasPrefix(attempt.company + "-") }) {
                return "another company's sites"
            }
        case .failed(let error):
            let text = attempt.namedSites.reduce(error.description) { $0.replacingOccurrences(of: $1, with: "") }
            if let other = others.first(where: { text.contains($0) }) { return "the error names company \(other): \(text)" }
        case .done:
            break
        }
        return nil
    }
}
