import BillingScenario
import Foundation

/// The bundled scenario files, loaded, checked and run the way `billingsim run` does
/// (two at a time); every run must pass.
enum ScenariosWorkload {
    static func run(_ options: WorkloadOptions) async throws -> String {
        var walls: [Double] = []
        var peak = 0
        var counts = (files: 0, expectations: 0)
        for _ in 0..<options.runs {
            Measure.resetPeak()
            walls.append(
                try await Measure.seconds {
                    let (files, missing) = ScenarioLoader.files(in: [options.scenarios])
                    guard missing.isEmpty, !files.isEmpty else { throw BenchError.disagree("no scenario files at \(options.scenarios)") }
                    let scenarios = try files.map { try ScenarioLoader.load($0).get() }
                    let results = await ScenarioRunner().run(scenarios)
                    guard let failed = results.first(where: { !$0.passed }) else {
                        counts = (results.count, results.reduce(0) { $0 + $1.expectations.count })
                        return
                    }
                    throw BenchError.disagree("\(failed.path) did not pass")
                })
            peak = max(peak, Measure.peakResidentBytes())
        }
        let figures = LoadFigures(
            workload: "scenarios", companies: 0, months: 0, runs: options.runs, wallClock: Stats(walls),
            timed: "loading, checking and running every file in \(options.scenarios), two at a time", peakMemoryBytes: peak,
            files: counts.files, expectations: counts.expectations)
        return options.json ? try Measure.json(figures) : figures.description
    }
}
