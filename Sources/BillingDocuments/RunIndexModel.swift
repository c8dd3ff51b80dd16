/// What the top-level `report.html` of `billingsim run --out DIR` shows: one row per
/// scenario, linking to that scenario's own report.
public struct RunIndexModel: Sendable, Hashable {
    /// One scenario's outcome.
    public struct ScenarioRow: Sendable, Hashable {
        /// The scenario's path as given, `Scenarios/01-monthly.scenario`.
        public var path: String
        /// `passed` or `failed`.
        public var passed: Bool
        /// `12 of 12 expectations met`, or the failure in one line.
        public var outcome: String
        /// Its report, relative to the index: `01-monthly/report.html`; empty when the
        /// scenario failed before it made a world (the row then links nowhere).
        public var reportPath: String
        /// A row.
        public init(path: String, passed: Bool, outcome: String, reportPath: String) {
            self.path = path
            self.passed = passed
            self.outcome = outcome
            self.reportPath = reportPath
        }
    }

    /// `billingsim run`.
    public var title: String
    /// The run's summary, in order.
    public var summary: [ReportModel.Fact]
    /// Scenarios in the order run.
    public var scenarios: [ScenarioRow]

    /// A model.
    public init(title: String, summary: [ReportModel.Fact], scenarios: [ScenarioRow]) {
        self.title = title
        self.summary = summary
        self.scenarios = scenarios
    }
}
