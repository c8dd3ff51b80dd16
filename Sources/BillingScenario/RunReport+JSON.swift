internal import Foundation

extension RunReport {
    private struct Document: Encodable {
        var passed: Bool
        var scenarios: Int
        var scenariosPassed: Int
        var scenariosFailed: Int
        var expectations: Int
        var expectationsPassed: Int
        var expectationsFailed: Int
        var expectationsNotRun: Int
        var seconds: Double
        var results: [Scenario]
    }

    private struct Scenario: Encodable {
        var path: String
        var passed: Bool
        var expectations: Int
        var expectationsFailed: Int
        var expectationsNotRun: Int
        var seconds: Double
        var failures: [Failure]
        var error: StatementError?
    }

    private struct Failure: Encodable {
        var file: String
        var line: Int
        var column: Int
        var statement: String
        var mismatches: [Entry]
    }

    private struct Entry: Encodable {
        var what: String
        var expected: String
        var actual: String
    }

    private struct StatementError: Encodable {
        var file: String
        var line: Int
        var column: Int
        var statement: String
        var message: String
    }

    /// The report as one JSON object (keys sorted): totals, then `results`, one object
    /// per scenario with its failures.
    public var json: String {
        let document = Document(
            passed: passed, scenarios: results.count, scenariosPassed: passedCount, scenariosFailed: results.count - passedCount,
            expectations: expectationCount + notRunCount, expectationsPassed: expectationCount - failedExpectationCount,
            expectationsFailed: failedExpectationCount, expectationsNotRun: notRunCount, seconds: rounded(seconds),
            results: results.map { result in
                Scenario(
                    path: result.path, passed: result.passed, expectations: result.expectations.count + result.notRun,
                    expectationsFailed: result.failedExpectations.count, expectationsNotRun: result.notRun,
                    seconds: rounded(result.seconds),
                    failures: result.failedExpectations.map { expectation in
                        Failure(
                            file: expectation.location.file, line: expectation.location.line, column: expectation.location.column,
                            statement: expectation.text.trimmingCharacters(in: .whitespaces),
                            mismatches: expectation.mismatches.map { Entry(what: $0.what, expected: $0.expected, actual: $0.actual) })
                    },
                    error: result.failure.map { failure in
                        StatementError(
                            file: failure.location.file, line: failure.location.line, column: failure.location.column,
                            statement: failure.text.trimmingCharacters(in: .whitespaces), message: failure.message)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
