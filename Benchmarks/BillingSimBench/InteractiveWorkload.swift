import BillingCore
import BillingRuntime
import Foundation

/// Many concurrent callers doing role-checked dashboard operations as random members of
/// random companies of a live population, while the clock advances it: invoice views,
/// settings views and edits, invites and role changes. Operations the role table denies
/// count as operations (the check is the work); so do refusals such as changing the
/// Owner's role.
enum InteractiveWorkload {
    /// A company and its members' emails, looked up before the timed part.
    private struct Target: Sendable {
        var id: String
        var members: [String]
    }

    private struct Tally: Sendable {
        var latencies: [Double] = []
        var denied = 0
        var refused = 0
    }

    static func run(_ options: WorkloadOptions) async throws -> String {
        var walls: [Double] = []
        var generating: [Double] = []
        var spans: [Double] = []
        var peak = 0
        var tally = Tally()
        var summary: WorldSummary?
        for _ in 0..<options.runs {
            let world = try Simulation(seed: 1, start: PopulationWorkload.start)
            generating.append(try await Measure.seconds { try await world.populate(PopulationSpec(companies: options.companies)) })
            let targets = await targets(of: world)
            guard !targets.isEmpty else { throw BenchError.disagree("the interactive workload needs at least one company") }
            Measure.resetPeak()
            walls.append(
                await Measure.seconds {
                    async let advanced: Void = world.advance(by: .months(options.months))
                    spans.append(await Measure.seconds { tally = await operate(on: world, targets, options) })
                    await advanced
                })
            peak = max(peak, Measure.peakResidentBytes())
            summary = await world.summary()
        }
        let sorted = tally.latencies.sorted()
        let figures = LoadFigures(
            workload: "interactive", companies: options.companies, months: options.months, runs: options.runs,
            users: summary?.users ?? 0, invoices: summary?.invoices ?? 0, emails: summary?.emails ?? 0, wallClock: Stats(walls),
            timed: "\(options.operations) operations by \(options.callers) concurrent callers while the world advances "
                + "\(options.months) months (until both are done)",
            generateSeconds: Stats(generating), peakMemoryBytes: peak, operations: sorted.count,
            operationsWallClock: Stats(spans), denied: tally.denied,
            refused: tally.refused, latencyP50Seconds: Measure.percentile(sorted, 0.5),
            latencyP99Seconds: Measure.percentile(sorted, 0.99))
        return options.json ? try Measure.json(figures) : figures.description
    }

    private static func targets(of world: Simulation) async -> [Target] {
        let emails = await world.users.users.map(\.email)
        var targets: [Target] = []
        for company in await world.states() {
            targets.append(Target(id: company.id, members: company.members.map { emails[Int($0.user.rawValue)] }))
        }
        return targets
    }

    /// Runs the operations on `callers` tasks, each with its own random stream; the
    /// latency of every operation, and how many were denied or refused.
    private static func operate(on world: Simulation, _ targets: [Target], _ options: WorkloadOptions) async -> Tally {
        await withTaskGroup(of: Tally.self) { group in
            for caller in 0..<options.callers {
                let share = options.operations / options.callers + (caller < options.operations % options.callers ? 1 : 0)
                group.addTask {
                    var random = SplitMix64(seed: 0xB5, stream: UInt64(caller))
                    var tally = Tally()
                    tally.latencies.reserveCapacity(share)
                    let clock = ContinuousClock()
                    for step in 0..<share {
                        let target = targets[random.below(targets.count)]
                        let user = target.members[random.below(target.members.count)]
                        let kind = random.below(100)
                        let other = target.members[random.below(target.members.count)]
                        let began = clock.now
                        do {
                            switch kind {
                            case 0..<40: _ = try await world.viewInvoices(of: target.id, as: user)
                            case 40..<55: _ = try await world.viewSettings(of: target.id, as: user)
                            case 55..<70: try await world.editDetails(of: target.id, address: "Gatan \(step % 99 + 1)", as: user)
                            case 70..<85:
                                try await world.invite("i\(caller)-\(step)@bench.invalid", to: target.id, as: .developer, by: user)
                            default:
                                try await world.changeRole(
                                    of: other, in: target.id, to: [.administrator, .developer, .billing][random.below(3)], by: user)
                            }
                        } catch {
                            if case BillingError.denied = error { tally.denied += 1 } else { tally.refused += 1 }
                        }
                        tally.latencies.append((clock.now - began).inSeconds)
                    }
                    return tally
                }
            }
            var total = Tally()
            for await part in group {
                total.latencies += part.latencies
                total.denied += part.denied
                total.refused += part.refused
            }
            return total
        }
    }
}
