/// How one scenario file ran: every expectation's outcome and, when a statement failed,
/// where the run stopped.
public struct ScenarioResult: Sendable, Hashable {
    /// The file's path.
    public var path: String
    /// The outcome of every expectation reached, in order.
    public var expectations: [ExpectationResult]
    /// Expectations never reached because a statement failed first.
    public var notRun: Int
    /// The statement that failed and stopped the run, if any.
    public var failure: StatementFailure?
    /// Wall-clock seconds the run took.
    public var seconds: Double

    /// True when no statement failed and every expectation passed.
    public var passed: Bool { failure == nil && notRun == 0 && expectations.allSatisfy(\.passed) }

    /// The expectations that failed.
    public var failedExpectations: [ExpectationResult] { expectations.filter { !$0.passed } }
}

/// One expectation's outcome.
public struct ExpectationResult: Sendable, Hashable {
    /// Where it is written.
    public var location: SourceLocation
    /// The line as written.
    public var text: String
    /// What differed; empty when it passed.
    public var mismatches: [Mismatch]

    /// True when nothing differed.
    public var passed: Bool { mismatches.isEmpty }
}

/// One value that was not what a scenario expected.
public struct Mismatch: Sendable, Hashable {
    /// What was compared, for example `total` or `line 2 amount`.
    public var what: String
    /// The value written in the scenario.
    public var expected: String
    /// The value found.
    public var actual: String

    /// A mismatch.
    public init(_ what: String, expected: String, actual: String) {
        self.what = what
        self.expected = expected
        self.actual = actual
    }
}

/// A statement that failed when it should not have (a denied action, a site that does
/// not exist, time going back): the scenario stops there.
public struct StatementFailure: Error, Sendable, Hashable {
    /// Where it is written.
    public var location: SourceLocation
    /// The line as written.
    public var text: String
    /// Why it failed.
    public var message: String
}
