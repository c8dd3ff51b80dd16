import BillingScenario
import Foundation
import Testing

@Suite("The README's scenario")
struct ReadmeScenarioTests {
    /// The first code block after the heading "## A scenario" in README.md.
    static func readmeScenario() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A scenario"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test("The scenario shown in the README parses, runs and passes every expectation")
    func readmeScenarioPasses() async throws {
        let text = try Self.readmeScenario()
        let scenario = try ScenarioLoader.load(text: text, path: "README.md").get()
        #expect(scenario.expectationCount >= 6)
        let result = await ScenarioRunner().run(scenario)
        #expect(result.failure == nil)
        #expect(result.failedExpectations.isEmpty, "\(result.failedExpectations)")
        #expect(result.passed)
    }
}
