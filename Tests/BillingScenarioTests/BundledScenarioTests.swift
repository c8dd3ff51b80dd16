import Foundation
import Testing

@testable import BillingScenario

@Suite("Bundled scenarios")
struct BundledScenarioTests {
    /// Every `*.scenario` file of the package's `Scenarios` folder.
    static let files = ScenarioLoader.files(in: [Paths.scenarios]).files

    @Test func theScenariosFolderHoldsTheBundledScenarios() {
        #expect(Self.files.count >= 27)
        #expect(Self.files.allSatisfy { $0.hasSuffix(".scenario") })
        #expect(Self.files == Self.files.sorted())
    }

    @Test func everyBundledScenarioLoads() {
        for file in Self.files {
            if case .failure(let diagnostics) = ScenarioLoader.load(file) {
                Issue.record("\(file) does not load:\n\(diagnostics)")
            }
        }
    }

    @Test func everyBundledScenarioWithoutAGeneratedPopulationPasses() async throws {
        var scenarios: [Scenario] = []
        for file in Self.files {
            let scenario = try ScenarioLoader.load(file).get()
            let generates = scenario.statements.contains { if case .generate = $0.kind { true } else { false } }
            if !generates { scenarios.append(scenario) }
        }
        #expect(scenarios.count >= 25)
        for result in await ScenarioRunner().run(scenarios) {
            #expect(result.failure == nil, "\(result.path): \(String(describing: result.failure))")
            #expect(result.failedExpectations.isEmpty, "\(result.path): \(result.failedExpectations)")
            #expect(result.passed)
        }
    }
}
