import BillingCore
import BillingRuntime
import Foundation

/// Generates a population and nothing else: the wall time of ``Simulation/populate(_:)``
/// (its first invoices included) and the peak resident size once it is done, per run,
/// each run in a fresh world.
enum GenerateWorkload {
    static func run(_ options: WorkloadOptions) async throws -> String {
        var lines: [String] = []
        for run in 0..<options.runs {
            Measure.resetPeak()
            let world = try Simulation(seed: 1, start: PopulationWorkload.start)
            let seconds = try await Measure.seconds { try await world.populate(PopulationSpec(companies: options.companies)) }
            let peak = Measure.peakResidentBytes()
            let users = await world.userCount
            lines.append(
                "generate \(options.companies) companies (\(users) users), run \(run + 1): "
                    + String(format: "%.3f s, peak %.0f MiB", seconds, Double(peak) / 1_048_576))
        }
        return lines.joined(separator: "\n")
    }
}
