internal import Foundation

extension RunReport {
    /// The readable report: a line per scenario, each failure with its file and line,
    /// what was expected and what was found, then the totals.
    ///
    /// ```
    /// PASS  Scenarios/01-monthly-plan.scenario  (14 expectations, 0.03 s)
    /// FAIL  Scenarios/05-proration.scenario  (12 expectations, 1 failed, 0.02 s)
    ///       Scenarios/05-proration.scenario:23: expect acme invoice 2 total 143.75
    ///         total: expected 143.75, found 143.76
    /// ```
    public var text: String {
        var out = ""
        for result in results {
            var counts = [RunReport.plural(result.expectations.count + result.notRun, "expectation")]
            if !result.failedExpectations.isEmpty { counts.append("\(result.failedExpectations.count) failed") }
            if result.notRun > 0 { counts.append("\(result.notRun) not run") }
            counts.append("\(RunReport.seconds(result.seconds)) s")
            out += "\(result.passed ? "PASS" : "FAIL")  \(result.path)  (\(counts.joined(separator: ", ")))\n"
            for expectation in result.failedExpectations {
                out += "      \(expectation.location): \(trim(expectation.text))\n"
                for mismatch in expectation.mismatches {
                    out += "        \(mismatch.what): expected \(mismatch.expected), found \(mismatch.actual)\n"
                }
            }
            if let failure = result.failure {
                out += "      \(failure.location): \(trim(failure.text))\n"
                out += "        failed: \(failure.message)\n"
            }
        }
        let failed = results.count - passedCount
        var expectations = "\(RunReport.plural(expectationCount + notRunCount, "expectation")): "
        expectations += "\(expectationCount - failedExpectationCount) passed, \(failedExpectationCount) failed"
        if notRunCount > 0 { expectations += ", \(notRunCount) not run" }
        out += "\n\(RunReport.plural(results.count, "scenario")): \(passedCount) passed, \(failed) failed. "
        out += "\(expectations). \(RunReport.seconds(seconds)) s\n"
        return out
    }

    private func trim(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
}
