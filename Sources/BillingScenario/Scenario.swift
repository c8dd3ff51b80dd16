public import BillingCore

/// A scenario file, parsed and checked, its includes expanded: ready to run.
public struct Scenario: Sendable, Hashable {
    /// The file's path, as given.
    public var path: String
    /// Every statement in order, those of included files in place.
    public var statements: [Statement]

    /// The folders its snapshot paths must stay in, checked again when it runs.
    public var sandbox: ScenarioSandbox

    /// A scenario; by default confined to the folder of `path`.
    public init(path: String, statements: [Statement], sandbox: ScenarioSandbox? = nil) {
        self.path = path
        self.statements = statements
        self.sandbox = sandbox ?? ScenarioSandbox(scenarioAt: path)
    }

    /// The number of expectations it states.
    public var expectationCount: Int {
        statements.count(where: \.isExpectation)
    }

    /// The instant a world starts when a scenario does not say.
    public static let defaultStart = Instant(CivilDate(year: 2026, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0))
}
