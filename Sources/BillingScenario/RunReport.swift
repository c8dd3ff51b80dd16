/// The outcome of a whole run: every scenario's result, in the order run, and the totals.
public struct RunReport: Sendable, Hashable {
    /// One result per scenario file.
    public var results: [ScenarioResult]
    /// Wall-clock seconds of the whole run.
    public var seconds: Double

    /// A report.
    public init(results: [ScenarioResult], seconds: Double) {
        self.results = results
        self.seconds = seconds
    }

    /// True when every scenario passed.
    public var passed: Bool { results.allSatisfy(\.passed) }
    /// Scenarios that passed.
    public var passedCount: Int { results.count(where: \.passed) }
    /// Expectations checked.
    public var expectationCount: Int { results.reduce(0) { $0 + $1.expectations.count } }
    /// Expectations that failed.
    public var failedExpectationCount: Int { results.reduce(0) { $0 + $1.failedExpectations.count } }
    /// Expectations not reached because a statement failed.
    public var notRunCount: Int { results.reduce(0) { $0 + $1.notRun } }

    /// Seconds with two decimals: `0.03`.
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// `1 expectation`, `2 expectations`.
    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
