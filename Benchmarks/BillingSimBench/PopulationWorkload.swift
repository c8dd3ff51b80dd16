import BillingCore
import BillingRuntime
import Foundation
import Synchronization

/// Generates a population and runs it for some months on the actor runtime; with a
/// baseline, then bills the same population with ``BaselineLoop`` in the same process
/// and checks both ended in the same companies and the same outbox.
enum PopulationWorkload {
    static let start = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))

    /// `population` (actors, then the baseline), `baseline` (the loop alone) or, with a
    /// fan-out `spec`, the actors alone.
    static func run(_ options: WorkloadOptions, spec: PopulationSpec? = nil, withBaseline: Bool) async throws -> String {
        let spec = spec ?? PopulationSpec(companies: options.companies)
        let actors = options.workload != "baseline"
        var walls: [Double] = []
        var generating: [Double] = []
        var finishing: [Double] = []
        var visits = 0
        var baselines: [Double] = []
        var cpus: [Double] = []
        var baselineCPUs: [Double] = []
        var peak = 0
        var baselinePeak = 0
        var counts = (users: 0, invoices: 0, emails: 0)
        for _ in 0..<options.runs {
            var outcome: Outcome?
            if actors {
                Measure.resetPeak()
                let world = try Simulation(seed: 1, start: start)
                generating.append(try await Measure.seconds { try await world.populate(spec) })
                let cpu = Measure.cpuSeconds()
                let progress = VisitCounter()
                walls.append(await Measure.seconds { await world.advance(by: .months(options.months), progress: progress.callback) })
                cpus.append(Measure.cpuSeconds() - cpu)
                visits = progress.visits
                var summary: WorldSummary?
                // What `simulate` does after the advance: the summary and the digest.
                finishing.append(
                    await Measure.seconds {
                        summary = await world.summary(); _ = await world.digest()
                    })
                peak = max(peak, Measure.peakResidentBytes())
                if let summary { counts = (summary.users, summary.invoices, summary.emails) }
                outcome = await Outcome(world)
            }
            if withBaseline || !actors {
                var loop = try await BaselineLoop.generating(spec, seed: 1, start: start)
                Measure.resetPeak()
                let cpu = Measure.cpuSeconds()
                baselines.append(Measure.seconds { loop.advance(by: .months(options.months)) })
                baselineCPUs.append(Measure.cpuSeconds() - cpu)
                baselinePeak = max(baselinePeak, Measure.peakResidentBytes())
                let expected = Outcome(loop)
                if let outcome, outcome != expected {
                    throw BenchError.disagree("the baseline loop and the actor runtime ended in different worlds")
                }
                if !actors {
                    counts = (loop.optedIn.count, loop.companies.reduce(0) { $0 + $1.invoices.count }, loop.outbox.count)
                }
            }
        }
        let figures = LoadFigures(
            workload: options.workload, companies: spec.companies, months: options.months,
            runs: options.runs, users: counts.users, invoices: counts.invoices, emails: counts.emails,
            wallClock: Stats(actors ? walls : baselines), cpuSeconds: Stats(actors ? cpus : baselineCPUs),
            timed: actors
                ? "advancing the generated world \(options.months) months on the actor runtime"
                : "advancing the generated population \(options.months) months in one plain loop",
            generateSeconds: actors ? Stats(generating) : nil,
            finishSeconds: actors ? Stats(finishing) : nil,
            wholeSeconds: actors ? Stats(zip(zip(generating, walls), finishing).map { $0.0 + $0.1 + $1 }) : nil,
            visitsPerCompanyMonth: actors && spec.companies * options.months > 0
                ? Double(visits) / Double(spec.companies * options.months) : nil,
            peakMemoryBytes: actors ? peak : baselinePeak,
            baselineWallClock: actors && withBaseline ? Stats(baselines) : nil,
            baselineCPUSeconds: actors && withBaseline ? Stats(baselineCPUs) : nil,
            baselinePeakMemoryBytes: actors && withBaseline ? baselinePeak : nil)
        return options.json ? try Measure.json(figures) : figures.description
    }

    /// What both ways of billing must agree on: every company's canonical digest and
    /// the outbox in order.
    struct Outcome: Equatable {
        var companies: [UInt8]
        var outbox: Int
        var emails: Int

        init(_ world: Simulation) async {
            var hash = SHA256()
            for digest in await world.companyDigests() { hash.update(digest) }
            companies = hash.finalize()
            let messages = await world.emails
            outbox = Outcome.hash(messages)
            emails = messages.count
        }

        init(_ loop: BaselineLoop) {
            var hash = SHA256()
            for company in loop.companies { hash.update(company.canonicalDigest()) }
            companies = hash.finalize()
            outbox = Outcome.hash(loop.outbox)
            emails = loop.outbox.count
        }

        private static func hash(_ messages: [OutboxMessage]) -> Int {
            var hasher = Hasher()
            for message in messages { hasher.combine(message) }
            return hasher.finalize()
        }
    }
}

/// A workload's result contradicts itself.
enum BenchError: Error, CustomStringConvertible {
    case disagree(String)

    var description: String {
        switch self {
        case .disagree(let what): return what
        }
    }
}

/// Counts the company visits an advance reports.
final class VisitCounter: Sendable {
    private let last = Mutex(0)

    var callback: @Sendable (AdvanceProgress) -> Void { { progress in self.last.withLock { $0 = progress.companyVisits } } }
    var visits: Int { last.withLock { $0 } }
}
