internal import BillingCore
public import BillingRuntime
internal import Foundation

/// Runs checked scenarios, each in its own ``Simulation``.
///
/// ```swift
/// let scenario = try ScenarioLoader.load("Scenarios/01-monthly.scenario").get()
/// let result = await ScenarioRunner().run(scenario)
/// print(result.passed)
/// ```
public struct ScenarioRunner: Sendable {
    /// Replaces every scenario's seed when set (`--seed`).
    public var seed: UInt64?

    /// Called when each scenario ends, with its result and its world (`nil` when the
    /// scenario failed before making one), before the world is dropped: `run --out`
    /// exports it here.
    public var afterEach: (@Sendable (Scenario, ScenarioResult, Simulation?) async -> Void)?

    /// A runner.
    public init(seed: UInt64? = nil, afterEach: (@Sendable (Scenario, ScenarioResult, Simulation?) async -> Void)? = nil) {
        self.seed = seed
        self.afterEach = afterEach
    }

    /// Runs one scenario to its end, or to the first statement that fails.
    public func run(_ scenario: Scenario) async -> ScenarioResult {
        let clock = ContinuousClock()
        let started = clock.now
        var execution = Execution(seedOverride: seed, sandbox: scenario.sandbox)
        var failure: StatementFailure?
        var notRun = 0
        for (index, statement) in scenario.statements.enumerated() {
            do {
                try await execution.run(statement)
            } catch {
                failure = error
                notRun = scenario.statements[(index + 1)...].count(where: \.isExpectation)
                break
            }
        }
        let elapsed = clock.now - started
        let result = ScenarioResult(
            path: scenario.path, expectations: execution.results, notRun: notRun, failure: failure, seconds: elapsed.inSeconds)
        await afterEach?(scenario, result, execution.simulation)
        return result
    }

    /// Runs many scenarios, at most `width` at once (default: one per core); results come back in the order given.
    public func run(_ scenarios: [Scenario], width: Int? = nil) async -> [ScenarioResult] {
        await withTaskGroup(of: (Int, ScenarioResult).self) { group in
            var results = [ScenarioResult?](repeating: nil, count: scenarios.count)
            var next = 0
            func startNext() {
                guard next < scenarios.count else { return }
                let index = next
                let scenario = scenarios[index]
                group.addTask { (index, await self.run(scenario)) }
                next += 1
            }
            for _ in 0..<max(1, width ?? ProcessInfo.processInfo.activeProcessorCount) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
            return results.compactMap { $0 }
        }
    }
}
